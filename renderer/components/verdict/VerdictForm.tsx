/**
 * The teacher's verdict on one claim: a rating from the scale (radio buttons, each with its
 * badge and what it means), a justification (required), and the evidence it cites, chosen among
 * the evidence and rebuttal marks linked to the claim. Save writes it (claim-verdicts.ts);
 * Remove takes the claim's verdict away. Escape cancels.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATINGS, type Rating } from '../../../shared/claims/verdict';
import type { ClaimView } from '../../store/claim-verdicts';
import { VerdictBadge } from './VerdictBadge';

interface Props {
  view: ClaimView;
  onSave: (rating: Rating, justification: string, evidence: string[]) => void;
  onRemove: () => void;
  onCancel: () => void;
}

export function VerdictForm({ view, onSave, onRemove, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const current = view.result.verdict;
  const [rating, setRating] = useState<Rating>(current?.rating ?? 'unproven');
  const [justification, setJustification] = useState(current?.justification ?? '');
  const [cited, setCited] = useState(new Set(current?.evidence ?? []));
  const [error, setError] = useState(false);
  const toggle = (mark: string, on: boolean) => setCited((s) => new Set([...s].filter((m) => m !== mark).concat(on ? [mark] : [])));
  return (
    <form
      className="verdict-form"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      onSubmit={(e) => {
        e.preventDefault();
        if (!justification.trim()) return setError(true);
        onSave(rating, justification, view.evidence.map((m) => m.annotation.id).filter((m) => cited.has(m)));
      }}
    >
      <fieldset>
        <legend>{t('verdict.rating')}</legend>
        {RATINGS.map((r) => (
          <label key={r} className="choice">
            <input type="radio" name={`${id}-rating`} value={r} checked={rating === r} onChange={() => setRating(r)} />
            <VerdictBadge result={{ rating: r, source: 'teacher' }} /> <span className="hint">{t(`verdict.meaning.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-why`}>{t('verdict.justification')}</label>
      <textarea id={`${id}-why`} rows={3} value={justification} aria-invalid={error} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => (setJustification(e.target.value), setError(false))} />
      {error && <p id={`${id}-error`} className="error" role="alert">{t('verdict.needJustification')}</p>}
      <fieldset>
        <legend>{t('verdict.evidence')}</legend>
        {view.evidence.length === 0 && <p className="hint">{t('verdict.noEvidence')}</p>}
        {view.evidence.map(({ annotation: a }) => (
          <label key={a.id} className="choice">
            <input type="checkbox" checked={cited.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />{t('quotes.passage', { quote: a.target.exact })}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="submit">{t('verdict.save')}</button>
        <button type="button" onClick={onCancel}>{t('verdict.cancel')}</button>
        {current && <button type="button" className="danger" onClick={onRemove}>{t('verdict.remove')}</button>}
      </div>
    </form>
  );
}
