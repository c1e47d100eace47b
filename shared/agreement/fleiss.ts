/**
 * Fleiss' kappa for many raters (Fleiss 1971). Input: for each subject, how many raters chose
 * each category. With the same number of raters n on every subject this is Fleiss' statistic
 * exactly; when n varies (an annotator skipped an article) each subject's agreement P_i uses its
 * own n_i and p_j pools all ratings — the usual generalisation, noted in docs/agreement.md.
 * The sums are additive, so a corpus accumulates them subject by subject.
 */

export interface FleissSums {
  subjects: number;
  /** Σ_i P_i over subjects with at least two ratings. */
  agreement: number;
  /** Σ_i n_ij per category. */
  categoryTotals: number[];
}

export function fleissSums(categories: number): FleissSums {
  return { subjects: 0, agreement: 0, categoryTotals: new Array<number>(categories).fill(0) };
}

/** Adds one subject's counts per category. Subjects with fewer than two ratings are ignored. */
export function addSubject(sums: FleissSums, counts: readonly number[]): void {
  let n = 0;
  let squares = 0;
  for (const c of counts) {
    n += c;
    squares += c * c;
  }
  if (n < 2) return;
  sums.subjects++;
  sums.agreement += (squares - n) / (n * (n - 1));
  counts.forEach((c, j) => (sums.categoryTotals[j]! += c));
}

/** κ, or null when undefined (no subjects, or every rating in one category). */
export function kappaFromSums(sums: FleissSums): number | null {
  const total = sums.categoryTotals.reduce((a, b) => a + b, 0);
  if (sums.subjects === 0 || total === 0) return null;
  const pBar = sums.agreement / sums.subjects;
  const pe = sums.categoryTotals.reduce((acc, t) => acc + (t / total) ** 2, 0);
  return pe === 1 ? null : (pBar - pe) / (1 - pe);
}

/** Fleiss' kappa of a subjects × categories table of counts. */
export function fleissKappa(table: readonly (readonly number[])[]): number | null {
  const sums = fleissSums(table[0]?.length ?? 0);
  for (const row of table) addSubject(sums, row);
  return kappaFromSums(sums);
}
