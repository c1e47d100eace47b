/**
 * A student's vote on a claim's verdict, when the teacher lets the class vote: a select of the
 * scale's ratings (the current vote chosen), and a way to withdraw it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RATINGS, type Rating } from '../../../shared/claims/verdict';
import { RATING_GLYPHS } from './VerdictBadge';

export function ClaimVote({ mine, onVote }: { mine: Rating | null; onVote: (rating: Rating | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="verdict-vote">
      <label htmlFor={id}>{t('verdict.yourVote')}</label>
      <select id={id} value={mine ?? ''} onChange={(e) => onVote((e.target.value || null) as Rating | null)}>
        <option value="">{t('verdict.noVote')}</option>
        {RATINGS.map((r) => (
          <option key={r} value={r}>
            {RATING_GLYPHS[r]} {t(`verdict.ratings.${r}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
