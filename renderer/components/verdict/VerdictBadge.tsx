/**
 * A claim's verdict as a badge: a shape of its own for each rating (✓ ◐ ✗ ? ❝) and the rating's
 * word, with "class vote" when the class decided it, so colour is never the only signal. Used
 * in the article's sidebar, the argument map and the claim registry.
 */
import { useTranslation } from 'react-i18next';
import type { ClaimVerdict, Rating } from '../../../shared/claims/verdict';
import './verdicts.css';

export const RATING_GLYPHS: Record<Rating, string> = { accurate: '✓', misleading: '◐', false: '✗', unproven: '?', opinion: '❝' };

export function VerdictBadge({ result }: { result: Pick<ClaimVerdict, 'rating' | 'source'> }) {
  const { t } = useTranslation();
  if (!result.rating) return <span className="verdict-badge none">{t('verdict.none')}</span>;
  return (
    <span className={`verdict-badge rating-${result.rating}`} data-rating={result.rating}>
      <span aria-hidden="true">{RATING_GLYPHS[result.rating]}</span> {t(`verdict.ratings.${result.rating}`)}
      {result.source === 'vote' && <span className="verdict-source"> · {t('verdict.byClass')}</span>}
    </span>
  );
}
