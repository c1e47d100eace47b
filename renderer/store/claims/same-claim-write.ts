/**
 * Accepting a "same claim?" suggestion: one record written to the user's own layer of the
 * passage's article — a claim mark on the passage that carries the "same-claim" link to the
 * claim the user marked — so the mark and the link come (and go, with undo) in one step. In the
 * open article the write has the LOCAL origin, so Ctrl+Z undoes it; `undo` removes it from any
 * article. DOM-free.
 */
import type * as Y from 'yjs';
import { targetFor } from '../../../shared/anchor/selectors';
import { SAME_CLAIM, CLAIM_KIND } from '../../../shared/claims/claim-groups';
import { addAnnotation, deleteAnnotation } from '../../../shared/model/layer';
import { newId, type Author } from '../../../shared/model/record';
import type { CodePointIndex } from '../../../shared/text/code-points';

export interface SameClaimWrite {
  /** the user's layer of the passage's article */
  layer: Y.Doc;
  /** the passage's article's text index */
  index: CodePointIndex;
  /** UTF-16 offsets of the passage */
  start: number;
  end: number;
  /** the claim it repeats, and its article when that is another one */
  claim: { id: string; article?: string };
  user: Author;
  now: Date;
  random?: () => number;
}

/** Writes the claim mark with its link; returns the function that takes it back. */
export function markSameClaim(w: SameClaimWrite): { id: string; undo: () => void } {
  const id = newId(w.random);
  const at = w.now.toISOString();
  const link = w.claim.article ? { to: w.claim.id, rel: SAME_CLAIM, article: w.claim.article } : { to: w.claim.id, rel: SAME_CLAIM };
  const target = targetFor(w.index, w.index.toCodePoint(w.start), w.index.toCodePoint(w.end));
  addAnnotation(w.layer, { id, kind: CLAIM_KIND, target, note: '', author: w.user, created: at, modified: at, links: [link], status: 'open' });
  return { id, undo: () => deleteAnnotation(w.layer, id) };
}
