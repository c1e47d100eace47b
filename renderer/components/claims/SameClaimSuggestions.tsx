/**
 * "Same claim?" in the article's sidebar: while the user's own claim is focused, the passages
 * worded like it (in this article and the others of its language), each with "Same claim"
 * (marks it as a claim linked to this one, in one step, with an Undo here and Ctrl+Z in this
 * article) and "Not the same" (hides it). Shows nothing when there is nothing to offer.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../shared/claims/similar-passages';
import { useSameClaim, type SameClaimDeps } from '../../store/claims/use-same-claim';
import './claims.css';

export function SameClaimSuggestions(props: SameClaimDeps) {
  const { t } = useTranslation();
  const { claim, suggestions, accept, dismiss } = useSameClaim(props);
  const [done, setDone] = useState<{ message: string; undo?: () => void } | null>(null);
  const titleOf = (id: string) => props.articles.find((a) => a.id === id)?.title ?? id;
  const onAccept = (s: Suggestion) =>
    void accept(s).then(
      (undo) => setDone({ message: t('claims.accepted'), undo }),
      (error: unknown) => setDone({ message: t('errors.saveFailed', { reason: error instanceof Error ? error.message : String(error) }) }),
    );
  const status = (
    <p className="notice" role="status" aria-live="polite">
      {done && (
        <>
          {done.message}{' '}
          {done.undo && (
            <button type="button" onClick={() => (done.undo!(), setDone(null))}>
              {t('undo.undo')}
            </button>
          )}
        </>
      )}
    </p>
  );
  if (!claim || suggestions.length === 0) return done ? status : null;
  return (
    <section className="same-claim" aria-labelledby="same-claim-title">
      <h3 id="same-claim-title">{t('claims.sameTitle')}</h3>
      <p className="muted">{t('claims.sameHelp')}</p>
      <ul>
        {suggestions.map((s) => (
          <li key={`${s.article}:${s.start}`} id={`same-claim-${s.article}-${s.start}`}>
            <span className="muted">
              {s.article === props.state.article ? t('claims.sameHere') : t('claims.sameIn', { title: titleOf(s.article) })} · {t('claims.similarity', { percent: Math.round(s.score * 100) })}
            </span>
            <q lang={props.articles.find((a) => a.id === s.article)?.language}>{s.text}</q>
            <div className="actions">
              <button type="button" onClick={() => onAccept(s)} aria-describedby={`same-claim-${s.article}-${s.start}`}>
                {t('claims.accept')}
              </button>
              <button type="button" onClick={() => dismiss(s)} aria-describedby={`same-claim-${s.article}-${s.start}`}>
                {t('claims.dismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {status}
    </section>
  );
}
