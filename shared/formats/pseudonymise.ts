/**
 * Pseudonymisation of authors for a shared corpus: every author id becomes a keyed hash
 * (SHA-256 of a secret salt and the id, 12 hex digits) and every name "Annotator <hash>"; layer
 * owners that are author ids get the same pseudonym, `gold` stays. The salt is injected: keep it
 * to pseudonymise later exports consistently, drop it to make the mapping unrecoverable. The
 * authors of replies, votes and feedback, and the student a feedback thread is for, get the same
 * pseudonyms. Notes, replies and feedback are free text and are not rewritten.
 */
import { GOLD_OWNER } from '../model/doc-names';
import { sha256Hex } from '../model/corpus';
import type { Author } from '../model/record';
import type { ArticleSnapshot } from './types';

export type Pseudonymiser = (entry: ArticleSnapshot) => ArticleSnapshot;

export function pseudonymiser(salt: string): Pseudonymiser {
  if (salt.length < 16) throw new Error('the pseudonymisation salt must be at least 16 characters');
  const cache = new Map<string, string>();
  const alias = (id: string): string => {
    let p = cache.get(id);
    if (!p) cache.set(id, (p = `a${sha256Hex(`${salt}\u0000${id}`).slice(0, 12)}`));
    return p;
  };
  const hidden = <T extends { author: Author }>(item: T): T => ({ ...item, author: { ...item.author, id: alias(item.author.id), name: `Annotator ${alias(item.author.id)}` } });
  return (entry) => ({
    ...entry,
    layers: entry.layers.map((layer) => ({
      owner: layer.owner === GOLD_OWNER ? layer.owner : alias(layer.owner),
      annotations: layer.annotations.map(hidden),
      ...(layer.replies ? { replies: layer.replies.map(hidden) } : {}),
      ...(layer.votes ? { votes: layer.votes.map(hidden) } : {}),
    })),
    ...(entry.feedback ? { feedback: entry.feedback.map((f) => ({ student: alias(f.student), entries: f.entries.map(hidden) })) } : {}),
  });
}
