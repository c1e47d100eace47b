/**
 * Pseudonymisation of authors for a shared corpus: every author id becomes a keyed hash
 * (SHA-256 of a secret salt and the id, 12 hex digits) and every name "Annotator <hash>"; layer
 * owners that are author ids get the same pseudonym, `gold` stays. The salt is injected: keep it
 * to pseudonymise later exports consistently, drop it to make the mapping unrecoverable. The
 * authors of replies, votes, statuses and feedback, the student a feedback thread is for (also on
 * a whole work), and the authors
 * of verdicts and the voters on them (pseudonymisedCorpus) get the same pseudonyms. Notes,
 * replies, feedback and verdicts' justifications are free text and are not rewritten.
 */
import { GOLD_OWNER } from '../model/doc-names';
import { sha256Hex } from '../model/corpus';
import type { Author } from '../model/record';
import type { ArticleSnapshot, CorpusInfo, FeedbackSnapshot } from './types';

export type Pseudonymiser = (entry: ArticleSnapshot) => ArticleSnapshot;

function aliaser(salt: string): (id: string) => string {
  if (salt.length < 16) throw new Error('the pseudonymisation salt must be at least 16 characters');
  const cache = new Map<string, string>();
  return (id) => {
    let p = cache.get(id);
    if (!p) cache.set(id, (p = `a${sha256Hex(`${salt}\u0000${id}`).slice(0, 12)}`));
    return p;
  };
}

/** `item` with its author pseudonymised. */
const hiddenBy =
  (alias: (id: string) => string) =>
  <T extends { author: Author }>(item: T): T => ({ ...item, author: { ...item.author, id: alias(item.author.id), name: `Annotator ${alias(item.author.id)}` } });

export function pseudonymiser(salt: string): Pseudonymiser {
  const alias = aliaser(salt);
  const hidden = hiddenBy(alias);
  return (entry) => ({
    ...entry,
    layers: entry.layers.map((layer) => ({
      owner: layer.owner === GOLD_OWNER ? layer.owner : alias(layer.owner),
      annotations: layer.annotations.map(hidden),
      ...(layer.replies ? { replies: layer.replies.map(hidden) } : {}),
      ...(layer.votes ? { votes: layer.votes.map(hidden) } : {}),
      ...(layer.statuses ? { statuses: layer.statuses.map(hidden) } : {}),
    })),
    ...(entry.feedback ? { feedback: hiddenFeedback(alias, entry.feedback) } : {}),
  });
}

function hiddenFeedback(alias: (id: string) => string, feedback: FeedbackSnapshot[]): FeedbackSnapshot[] {
  const hidden = hiddenBy(alias);
  return feedback.map((f) => ({ student: alias(f.student), entries: f.entries.map(hidden) }));
}

/** The corpus description with its verdicts' authors and voters, and its whole-work feedback, pseudonymised. */
export function pseudonymisedCorpus(salt: string, corpus: CorpusInfo): CorpusInfo {
  const alias = aliaser(salt);
  const hidden = hiddenBy(alias);
  const data = corpus.verdicts;
  return {
    ...corpus,
    ...(data ? { verdicts: { byVote: data.byVote, verdicts: data.verdicts.map(hidden), votes: data.votes.map((v) => ({ ...hidden(v), owner: alias(v.owner) })) } } : {}),
    ...(corpus.feedback ? { feedback: hiddenFeedback(alias, corpus.feedback) } : {}),
  };
}
