/**
 * Finds where an annotation's target lies in the current canonical text, by the fallback
 * chain of ARCHITECTURE.md §4: the position selector checked against the quote, then the
 * quote itself (the occurrence whose context and position fit best), then a fuzzy match of
 * the quote (approx-string-match, as Hypothesis does) accepted only above a minimum score.
 * Below it the annotation is an orphan: reported, never silently moved or dropped.
 */
import search from 'approx-string-match';
import type { CodePointIndex } from '../text/code-points';
import type { TextTarget } from './selectors';

/** Lowest quote similarity (1 - edits / quote length) a fuzzy match may have. */
export const MIN_FUZZY_SCORE = 0.75;

export type Resolution =
  | { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; score: number }
  | { status: 'orphan' };

/** Similarity of two context strings, read from the side that touches the quote. */
function contextScore(expected: string, actual: string, fromEnd: boolean): number {
  if (expected.length === 0) return 1;
  let same = 0;
  const n = Math.min(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const a = fromEnd ? expected[expected.length - 1 - i] : expected[i];
    const b = fromEnd ? actual[actual.length - 1 - i] : actual[i];
    if (a !== b) break;
    same++;
  }
  return same / expected.length;
}

interface Candidate {
  start: number; // utf16
  end: number; // utf16
  quoteScore: number;
}

function rank(text: string, target: TextTarget, hint: number, c: Candidate): number {
  const prefix = text.slice(Math.max(0, c.start - target.prefix.length), c.start);
  const suffix = text.slice(c.end, c.end + target.suffix.length);
  const context = (contextScore(target.prefix, prefix, true) + contextScore(target.suffix, suffix, false)) / 2;
  const distance = Math.abs(c.start - hint) / Math.max(1, text.length);
  return c.quoteScore * 50 + context * 20 + (1 - distance) * 2;
}

function best(text: string, target: TextTarget, hint: number, candidates: Candidate[]): Candidate | null {
  let top: Candidate | null = null;
  let topRank = -Infinity;
  for (const c of candidates) {
    const r = rank(text, target, hint, c);
    if (r > topRank) {
      top = c;
      topRank = r;
    }
  }
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
  const exactHits: Candidate[] = [];
  for (let at = text.indexOf(target.exact); at !== -1; at = text.indexOf(target.exact, at + 1)) {
    exactHits.push({ start: at, end: at + target.exact.length, quoteScore: 1 });
  }
  const toCp = (c: Candidate, status: 'moved' | 'fuzzy'): Resolution => ({
    status,
    start: index.toCodePoint(c.start),
    end: index.toCodePoint(c.end),
    score: c.quoteScore,
  });
  const exactBest = best(text, target, s, exactHits);
  if (exactBest) return toCp(exactBest, 'moved');

  const maxErrors = Math.floor(target.exact.length * (1 - MIN_FUZZY_SCORE));
  if (maxErrors === 0) return { status: 'orphan' };
  const fuzzy = search(text, target.exact, maxErrors).map((m) => ({
    start: m.start,
    end: m.end,
    quoteScore: 1 - m.errors / target.exact.length,
  }));
  const fuzzyBest = best(text, target, s, fuzzy.filter((c) => c.quoteScore >= MIN_FUZZY_SCORE && c.end > c.start));
  return fuzzyBest ? toCp(fuzzyBest, 'fuzzy') : { status: 'orphan' };
}
