/**
 * How well a place in the text fits an anchor's context, scored by edit distance as Hypothesis
 * does: the prefix is looked for in the characters just before the place, the suffix in those
 * just after, each allowing as many edits as it has characters, and each scores 1 − the fewest
 * edits / its length. One changed character costs one edit, never the whole context.
 */
import search from 'approx-string-match';
import type { TextTarget } from './selectors';

/** 1 − (fewest edits to find `expected` in `actual`) / length of `expected`; 1 for an empty one. */
export function textMatchScore(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  let fewest = expected.length;
  for (const m of search(actual, expected, expected.length)) fewest = Math.min(fewest, m.errors);
  return 1 - fewest / expected.length;
}

export interface ContextFit {
  prefix: number;
  suffix: number;
}

/** The context scores of UTF-16 span [start, end) of `text` for `target`. */
export function contextFit(text: string, target: Pick<TextTarget, 'prefix' | 'suffix'>, start: number, end: number): ContextFit {
  const before = text.slice(Math.max(0, start - target.prefix.length), start);
  const after = text.slice(end, end + target.suffix.length);
  return { prefix: textMatchScore(before, target.prefix), suffix: textMatchScore(after, target.suffix) };
}
