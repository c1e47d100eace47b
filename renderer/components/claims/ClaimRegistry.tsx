/**
 * The claim registry (`#/claims`): every claim of the corpus — claim marks joined by "same
 * claim" links — with where it appears (article, paragraph, body or reader comments, who is
 * quoted as saying it), the evidence and rebuttals linked to it, its votes and replies. Every
 * place and linked passage is a link that opens the article scrolled to it (and its
 * discussion in the sidebar), and its verdict badge (verdict/VerdictBadge.tsx). ↑ and ↓ move from claim to claim; Tab goes through the links.
 */
import { useRef } from 'react';
import { useT } from '../../i18n/use-t';
import type { RegistryClaim } from '../../../shared/claims/claim-registry';
import { useClaimVerdicts, type ClaimView } from '../../store/claim-verdicts';
import { useCorpusAnnotations } from '../../store/corpus-annotations';
import { routeHash } from '../../store/route';
import { useClaimRegistry } from '../../store/claims/use-claim-registry';
import { VerdictBadge } from '../verdict/VerdictBadge';
import { ClaimPlaces, LinkedPassages } from './ClaimPlaces';
import './claims.css';

/** Moves focus to the next or previous claim's heading. */
function stepClaims(e: React.KeyboardEvent<HTMLOListElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const headings = [...e.currentTarget.querySelectorAll<HTMLElement>('.claim-entry h2')];
  const at = headings.findIndex((h) => h.closest('.claim-entry')!.contains(document.activeElement));
  const next = headings[Math.max(0, Math.min(headings.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
  if (!next) return;
  e.preventDefault();
  next.focus();
}

function ClaimEntry({ claim, verdict }: { claim: RegistryClaim; verdict: ClaimView | undefined }) {
  const { t } = useT();
  const first = claim.appearances[0]!;
  return (
    <li className="claim-entry">
      <article aria-labelledby={`claim-${claim.id}`}>
        <header className="claim-head">
          <h2 id={`claim-${claim.id}`} tabIndex={-1}>
            <q lang={first.language}>{claim.quote}</q>
          </h2>
          <span className="verdict-slot" data-claim={claim.id}>
            {verdict && <VerdictBadge result={verdict.result} />}
          </span>
        </header>
        <h3>{t('claims.appears', { count: claim.appearances.length })}</h3>
        <ClaimPlaces places={claim.appearances} />
        <div className="claim-links">
          <LinkedPassages title={t('claims.evidence', { count: claim.evidence.length })} passages={claim.evidence} />
          <LinkedPassages title={t('claims.rebuttals', { count: claim.rebuttals.length })} passages={claim.rebuttals} />
        </div>
        <p className="claim-discussion">
          <span>{t('claims.votes', { agree: claim.agree, disagree: claim.disagree })}</span>
          <span>{t('claims.replies', { count: claim.replies })}</span>
          <a href={routeHash({ view: 'article', id: first.article, focus: first.id })}>{t('claims.openDiscussion')}</a>
        </p>
      </article>
    </li>
  );
}

export function ClaimRegistry({ corpus, me }: { corpus: string; me: string }) {
  const { t } = useT();
  const rows = useClaimRegistry(corpus, me);
  const verdicts = useClaimVerdicts(corpus, me, useCorpusAnnotations(corpus, me));
  const list = useRef<HTMLOListElement>(null);
  return (
    <main className="claims" aria-labelledby="claims-title">
      <h1 id="claims-title">
        {t('claims.title')} {rows && <span className="count">{t('claims.count', { count: rows.length })}</span>}
      </h1>
      <p className="muted">{t('claims.intro')}</p>
      {!rows ? (
        <p className="loading">{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty">{t('claims.empty')}</p>
      ) : (
        <ol className="claim-list" ref={list} onKeyDown={stepClaims} aria-describedby="claims-keys">
          {rows.map((claim) => (
            <ClaimEntry key={claim.id} claim={claim} verdict={verdicts?.byMark.get(claim.id)} />
          ))}
        </ol>
      )}
      <p className="hint" id="claims-keys">{t('claims.keys')}</p>
    </main>
  );
}
