/**
 * Multi-category agreement over tokens, as papers report it: each annotator gives every token
 * one value — the kind of the span it lies in, `none` outside every span, the kinds joined by
 * `+` where spans of several kinds overlap — and those values give pairwise Cohen's κ, Fleiss'
 * κ and nominal Krippendorff's α with every category at once (not one kind against the rest),
 * plus the confusion matrix between kinds (token counts over every pair of annotators, both
 * ways). The statistics are additive, so a corpus accumulates them article by article.
 */
import type { Confusion } from './cohen';
import { addSubject, fleissSums, kappaFromSums, type FleissSums } from './fleiss';
import { addUnit, alphaFromCoincidences, type Coincidences } from './krippendorff';
import { addPairs, kappasOf, type PairKappa } from './token-stats';

export const NONE = 'none';

export interface CategoryStats {
  pairs: Map<string, Confusion>;
  categories: string[];
  fleiss: FleissSums;
  coincidences: Coincidences;
}

export interface CategoryFigures {
  cohen: PairKappa[];
  fleiss: number | null;
  alpha: number | null;
  /** `counts[i][j]`: tokens one annotator put in `labels[i]` and another in `labels[j]`. */
  confusion: { labels: string[]; counts: number[][] };
}

export function categoryStats(): CategoryStats {
  return { pairs: new Map(), categories: [], fleiss: fleissSums(0), coincidences: new Map() };
}

/** Each annotator's value per token, from the binary rows per kind (`rows[kind][annotator][token]`). */
export function tokenValues(kinds: readonly string[], rows: ReadonlyMap<string, string[][]>, annotators: number, tokens: number): string[][] {
  return Array.from({ length: annotators }, (_, r) =>
    Array.from({ length: tokens }, (_, t) => kinds.filter((k) => rows.get(k)![r]![t] === '1').join('+') || NONE),
  );
}

export function addValues(stats: CategoryStats, annotators: readonly string[], values: readonly string[][]): void {
  addPairs(stats.pairs, annotators, values);
  const tokens = values[0]?.length ?? 0;
  for (let t = 0; t < tokens; t++) {
    const column = values.map((row) => row[t]!);
    for (const v of column) {
      if (!stats.categories.includes(v)) {
        stats.categories.push(v);
        stats.fleiss.categoryTotals.push(0);
      }
    }
    addSubject(stats.fleiss, stats.categories.map((c) => column.reduce((n, v) => n + (v === c ? 1 : 0), 0)));
    addUnit(stats.coincidences, column);
  }
}

export function categoryFigures(stats: CategoryStats): CategoryFigures {
  const labels = [...stats.categories].sort((a, b) => (a === NONE ? 1 : b === NONE ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const counts = labels.map(() => new Array<number>(labels.length).fill(0));
  for (const pair of stats.pairs.values()) {
    for (const [key, n] of pair) {
      const [x, y] = key.split('\u0000').map((l) => labels.indexOf(l)) as [number, number];
      counts[x]![y]! += n;
      counts[y]![x]! += n;
    }
  }
  return { cohen: kappasOf(stats.pairs), fleiss: kappaFromSums(stats.fleiss), alpha: alphaFromCoincidences(stats.coincidences), confusion: { labels, counts } };
}
