/**
 * Krippendorff's alpha for nominal data with any number of coders and missing values
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): values are paired within
 * each unit into a coincidence matrix (each pair weighted 1/(m_u − 1)), and
 * α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k. The matrix is additive across units, so a
 * corpus accumulates it article by article.
 */

export type Coincidences = Map<string, Map<string, number>>;

/** Adds one unit: the values its coders gave (null = not coded). Units with < 2 values do not count. */
export function addUnit(o: Coincidences, values: readonly (string | null)[]): void {
  const present = values.filter((v): v is string => v != null);
  const m = present.length;
  if (m < 2) return;
  for (let i = 0; i < m; i++) {
    const row = o.get(present[i]!) ?? new Map<string, number>();
    o.set(present[i]!, row);
    for (let j = 0; j < m; j++) if (i !== j) row.set(present[j]!, (row.get(present[j]!) ?? 0) + 1 / (m - 1));
  }
}

/** α from a coincidence matrix; null when undefined (fewer than two pairable values or one value only). */
export function alphaFromCoincidences(o: Coincidences): number | null {
  const totals = new Map<string, number>();
  let n = 0;
  let disagree = 0;
  for (const [c, row] of o) {
    for (const [k, count] of row) {
      totals.set(c, (totals.get(c) ?? 0) + count);
      n += count;
      if (c !== k) disagree += count;
    }
  }
  let sq = 0;
  for (const t of totals.values()) sq += t * t;
  const expected = n * n - sq; // Σ_{c≠k} n_c n_k
  if (n < 2 || expected === 0) return null;
  return 1 - ((n - 1) * disagree) / expected;
}

/** Nominal α of a units × coders table (null = missing). */
export function krippendorffAlphaNominal(units: readonly (readonly (string | null)[])[]): number | null {
  const o: Coincidences = new Map();
  for (const u of units) addUnit(o, u);
  return alphaFromCoincidences(o);
}
