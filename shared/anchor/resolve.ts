/**
 * Finds where an annotation's target lies in the current canonical text, by the fallback
 * chain of ARCHITECTURE.md §4: the position selector checked against the quote, then the
 * quote itself elsewhere (the occurrence whose context and position fit best), then a fuzzy
 * match of the quote (approx-string-match, as Hypothesis does) accepted only above a minimum
 * score and snapped to word and quote-mark edges. Context is scored by edit distance
 * (context-score.ts). A short quote is only taken somewhere else when its context fits there
 * too: a word's other occurrence is not the passage that was annotated. Anything else is an
 * orphan: reported, never silently moved or dropped. The status (exact, moved, fuzzy) is
 * returned so the caller can say that the anchor moved.
 */
import search from 'approx-string-match';
import { codePointLength, type CodePointIndex } from '../text/code-points';
import { contextFit } from './context-score';
import type { TextTarget } from './selectors';
import { snapToBoundaries } from './snap';

/** Lowest quote similarity (1 - edits / quote length) a fuzzy match may have. */
export const MIN_FUZZY_SCORE = 0.75;
/** Lowest context score (mean of prefix and suffix) a short quote needs away from its position. */
export const MIN_CONTEXT_SCORE = 0.5;
/** Quotes of at least this many code points are distinctive by themselves. */
export const LONG_QUOTE = 32;

export type Resolution =
  | { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; score: number }
  | { status: 'orphan' };

interface Candidate {
  start: number; // utf16
  end: number; // utf16
  quoteScore: number;
  rank: number;
}

/** Scores the candidates as Hypothesis does (quote 50, prefix 20, suffix 20, position 2); keeps those that may be taken. */
function ranked(text: string, target: TextTarget, hint: number, found: { start: number; end: number; quoteScore: number }[]): Candidate[] {
  const long = codePointLength(target.exact) >= LONG_QUOTE;
  const out: Candidate[] = [];
  for (const c of found) {
    const fit = contextFit(text, target, c.start, c.end);
    if (!long && (fit.prefix + fit.suffix) / 2 < MIN_CONTEXT_SCORE) continue;
    const position = 1 - Math.abs(c.start - hint) / Math.max(1, text.length);
    out.push({ ...c, rank: c.quoteScore * 50 + fit.prefix * 20 + fit.suffix * 20 + position * 2 });
  }
  return out;
}

function best(candidates: Candidate[]): Candidate | null {
  let top: Candidate | null = null;
  for (const c of candidates) if (!top || c.rank > top.rank) top = c;
  return top;
}

/** Resolves `target` against the indexed text; returned offsets are in code points. */
export function resolveTarget(index: CodePointIndex, target: TextTarget): Resolution {
  const text = index.text;
  const s = index.toUtf16(target.start);
  const e = index.toUtf16(target.end);
  if (target.end <= index.length && text.slice(s, e) === target.exact) {
    return { status: 'exact', start: target.start, end: target.end, score: 1 };
  }
  const toCp = (c: { start: number; end: number }, status: 'moved' | 'fuzzy', score: number): Resolution => ({
    status,
    start: index.toCodePoint(c.start),
    end: index.toCodePoint(c.end),
    score,
  });
  const exactHits: number[] = [];
  for (let at = text.indexOf(target.exact); at !== -1; at = text.indexOf(target.exact, at + 1)) exactHits.push(at);
  const exactBest = best(ranked(text, target, s, exactHits.map((at) => ({ start: at, end: at + target.exact.length, quoteScore: 1 }))));
  if (exactBest) return toCp(exactBest, 'moved', 1);

  const maxErrors = Math.floor(target.exact.length * (1 - MIN_FUZZY_SCORE));
  if (maxErrors === 0) return { status: 'orphan' };
  const fuzzy = search(text, target.exact, maxErrors)
    .map((m) => ({ start: m.start, end: m.end, quoteScore: 1 - m.errors / target.exact.length }))
    .filter((c) => c.quoteScore >= MIN_FUZZY_SCORE && c.end > c.start);
  const fuzzyBest = best(ranked(text, target, s, fuzzy));
  return fuzzyBest ? toCp(snapToBoundaries(text, target, fuzzyBest.start, fuzzyBest.end), 'fuzzy', fuzzyBest.quoteScore) : { status: 'orphan' };
}
