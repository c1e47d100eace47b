/**
 * Cohen's kappa for two coders who each gave one nominal value per item (Cohen 1960):
 * κ = (p_o − p_e) / (1 − p_e), with p_e from each coder's own marginals. Items one coder left
 * blank (null) are skipped. Confusion counts are additive, so a corpus accumulates them
 * article by article and computes κ once.
 */

export type Confusion = Map<string, number>; // key `${a}\u0000${b}`

export function confusion(a: readonly (string | null)[], b: readonly (string | null)[], into: Confusion = new Map()): Confusion {
  if (a.length !== b.length) throw new Error('both coders must rate the same items');
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x == null || y == null) continue;
    const key = `${x}\u0000${y}`;
    into.set(key, (into.get(key) ?? 0) + 1);
  }
  return into;
}

/** κ from confusion counts; null when undefined (no items, or both coders constant and equal). */
export function kappaFromConfusion(counts: Confusion): number | null {
  let n = 0;
  let agree = 0;
  const rowTotals = new Map<string, number>();
  const colTotals = new Map<string, number>();
  for (const [key, count] of counts) {
    const [x, y] = key.split('\u0000') as [string, string];
    n += count;
    if (x === y) agree += count;
    rowTotals.set(x, (rowTotals.get(x) ?? 0) + count);
    colTotals.set(y, (colTotals.get(y) ?? 0) + count);
  }
  if (n === 0) return null;
  let pe = 0;
  for (const [value, row] of rowTotals) pe += (row / n) * ((colTotals.get(value) ?? 0) / n);
  if (pe === 1) return null;
  return (agree / n - pe) / (1 - pe);
}

export function cohensKappa(a: readonly (string | null)[], b: readonly (string | null)[]): number | null {
  return kappaFromConfusion(confusion(a, b));
}
