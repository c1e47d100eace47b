/**
 * Sufficient statistics of the token-level metrics for one kind: confusion counts per pair of
 * annotators (Cohen), Fleiss' sums and Krippendorff's coincidences. All are additive, so one
 * article or a whole corpus (streamed article by article) is measured the same way.
 */
import { confusion, kappaFromConfusion, type Confusion } from './cohen';
import { addSubject, fleissSums, kappaFromSums, type FleissSums } from './fleiss';
import { addUnit, alphaFromCoincidences, type Coincidences } from './krippendorff';

export interface PairKappa {
  a: string;
  b: string;
  kappa: number | null;
}

export interface TokenStats {
  pairs: Map<string, Confusion>; // key `${a}\u0000${b}`, a < b
  fleiss: FleissSums;
  coincidences: Coincidences;
}

export function tokenStats(): TokenStats {
  return { pairs: new Map(), fleiss: fleissSums(2), coincidences: new Map() };
}

/** Adds every pair of annotators' labels to their confusion counts (Cohen). */
export function addPairs(pairs: Map<string, Confusion>, annotators: readonly string[], rows: readonly string[][]): void {
  for (let a = 0; a < rows.length; a++) {
    for (let b = a + 1; b < rows.length; b++) {
      const key = `${annotators[a]}\u0000${annotators[b]}`;
      pairs.set(key, confusion(rows[a]!, rows[b]!, pairs.get(key)));
    }
  }
}

/** Adds one article: `rows[r]` holds annotator `annotators[r]`'s label per token (sorted names). */
export function addTokens(stats: TokenStats, annotators: readonly string[], rows: readonly string[][]): void {
  addPairs(stats.pairs, annotators, rows);
  const tokens = rows[0]?.length ?? 0;
  for (let t = 0; t < tokens; t++) {
    const values = rows.map((row) => row[t]!);
    const yes = values.reduce((n, v) => n + (v === '1' ? 1 : 0), 0);
    addSubject(stats.fleiss, [yes, values.length - yes]);
    addUnit(stats.coincidences, values);
  }
}

/** Cohen's κ of every pair of annotators, sorted by their names. */
export function kappasOf(pairs: ReadonlyMap<string, Confusion>): PairKappa[] {
  const cohen = [...pairs].map(([key, counts]) => {
    const [a, b] = key.split('\u0000') as [string, string];
    return { a, b, kappa: kappaFromConfusion(counts) };
  });
  return cohen.sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1));
}

export function tokenFigures(stats: TokenStats): { cohen: PairKappa[]; fleiss: number | null; alpha: number | null } {
  return { cohen: kappasOf(stats.pairs), fleiss: kappaFromSums(stats.fleiss), alpha: alphaFromCoincidences(stats.coincidences) };
}
