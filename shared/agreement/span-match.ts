/**
 * One-to-one matching of two annotators' spans on one article, for F1 against the gold and for
 * agreement on links: `exact` pairs spans with the same kind and the same code point offsets;
 * `overlap` pairs spans of the same kind that share at least one code point, largest overlap
 * first (greedy, as the CoNLL and SemEval "partial match" scorers do). `keep` narrows which
 * pairs may match (the gold matching rule asks for an overlap of at least half the shorter span).
 */
import type { Annotation } from '../model/record';

export type MatchMode = 'exact' | 'overlap';

/** Pairs [index in a, index in b] of matched spans. */
export function matchSpans(a: readonly Annotation[], b: readonly Annotation[], mode: MatchMode, keep: (x: Annotation, y: Annotation, overlap: number) => boolean = () => true): [number, number][] {
  const candidates: { i: number; j: number; overlap: number }[] = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      if (x.kind !== y.kind) return;
      const overlap = Math.min(x.target.end, y.target.end) - Math.max(x.target.start, y.target.start);
      const exact = x.target.start === y.target.start && x.target.end === y.target.end;
      if ((mode === 'exact' ? exact : overlap > 0) && keep(x, y, overlap)) candidates.push({ i, j, overlap });
    }),
  );
  candidates.sort((p, q) => q.overlap - p.overlap || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: [number, number][] = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    out.push([c.i, c.j]);
  }
  return out;
}
