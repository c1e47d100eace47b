/**
 * The claims marked in the open article, in its sidebar, each with its verdict badge, the
 * teacher's justification and the evidence it cites, and the class's votes when the class
 * votes. The teacher gives, changes or removes a verdict here (VerdictForm) and lets the class
 * vote; a student votes here when allowed (ClaimVote). Everything is buttons and form fields, so
 * it works from the keyboard.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATINGS } from '../../../shared/claims/verdict';
import type { Author } from '../../../shared/model/record';
import { useCorpusAnnotations } from '../../store/corpus-annotations';
import { canGiveVerdicts, canVote, giveVerdict, letClassVote, useClaimVerdicts, voteOn, withdrawVerdict, type ClaimView } from '../../store/claim-verdicts';
import { ClaimVote } from './ClaimVote';
import { VerdictBadge } from './VerdictBadge';
import { VerdictForm } from './VerdictForm';

interface Props {
  corpus: string;
  articleId: string;
  user: Author;
  canWrite: boolean;
  onGoTo: (id: string) => void;
}

export function ClaimVerdicts({ corpus, articleId, user, canWrite, onGoTo }: Props) {
  const { t } = useTranslation();
  const data = useClaimVerdicts(corpus, user.id, useCorpusAnnotations(corpus, user.id));
  const [editing, setEditing] = useState<string | null>(null);
  if (!data) return null;
  const teacher = canWrite && canGiveVerdicts();
  const voter = canWrite && canVote(data.byVote);
  const here = data.claims.filter((v) => v.claim.marks.some((m) => m.article === articleId));
  const tally = (view: ClaimView) =>
    RATINGS.filter((r) => view.result.tally[r] > 0)
      .map((r) => t('verdict.count', { count: view.result.tally[r], rating: t(`verdict.ratings.${r}`) }))
      .join(', ');

  return (
    <section className="claim-verdicts" aria-labelledby="claim-verdicts-title">
      <h3 id="claim-verdicts-title">{t('verdict.title')}</h3>
      {teacher && (
        <label className="choice">
          <input type="checkbox" checked={data.byVote} onChange={(e) => void letClassVote(corpus, e.target.checked)} /> {t('verdict.letVote')}
        </label>
      )}
      {here.length === 0 && <p className="hint">{t('verdict.empty')}</p>}
      <ul>
        {here.map((view) => {
          const { claim, result } = view;
          const mark = claim.marks.find((m) => m.article === articleId)!;
          const verdict = result.verdict;
          const cited = view.evidence.filter((e) => verdict?.evidence.includes(e.annotation.id));
          return (
            <li key={claim.id} className="claim-verdict" data-claim-id={claim.id}>
              <button type="button" className="claim-quote link-button" onClick={() => onGoTo(mark.annotation.id)}>
                {t('quotes.passage', { quote: claim.marks[0]!.annotation.target.exact })}
              </button>
              <div className="claim-head">
                <VerdictBadge result={result} />
                {verdict && <span className="hint">{t('verdict.by', { name: verdict.author.name })}</span>}
              </div>
              {verdict && <blockquote className="verdict-justification">{verdict.justification}</blockquote>}
              {cited.length > 0 && (
                <ul className="cited" aria-label={t('verdict.cited')}>
                  {cited.map((e) => <li key={e.annotation.id}>{t('quotes.passage', { quote: e.annotation.target.exact })}</li>)}
                </ul>
              )}
              {data.byVote && <p className="hint">{result.votes ? t('verdict.tally', { list: tally(view) }) + (result.tie ? ` ${t('verdict.tie')}` : '') : t('verdict.noVotes')}</p>}
              {voter && <ClaimVote mine={result.byVoter.get(user.id) ?? null} onVote={(r) => void voteOn(corpus, claim, articleId, user, r)} />}
              {teacher && editing !== claim.id && (
                <button type="button" onClick={() => setEditing(claim.id)}>
                  {t(verdict ? 'verdict.change' : 'verdict.give')}
                </button>
              )}
              {teacher && editing === claim.id && (
                <VerdictForm
                  view={view}
                  onSave={(rating, why, evidence) => void giveVerdict(corpus, claim, user, rating, why, evidence).then(() => setEditing(null))}
                  onRemove={() => void withdrawVerdict(corpus, claim).then(() => setEditing(null))}
                  onCancel={() => setEditing(null)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
