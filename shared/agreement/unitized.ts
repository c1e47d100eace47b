/**
 * Krippendorff's unitizing alpha (uα; Krippendorff 1995, "On the reliability of unitizing
 * continuous data"; 2004, Content Analysis, 2nd ed., §12.6) for one category on one continuum
 * (an article's text, in code points). Each coder's units split the continuum into units and
 * gaps; observed disagreement sums, over every pair of coders and every pair of overlapping
 * sections, the squared distances of the model (unit–unit: squared differences of both ends;
 * unit inside a gap: its squared length); expected disagreement counts every way the same units
 * could have been placed in the gaps. A coder's overlapping units of one category are merged
 * first, as the measure requires.
 */

export interface Span {
  start: number;
  end: number;
}

interface Section extends Span {
  unit: boolean;
}

export interface UnitizedResult {
  observed: number;
  expected: number;
  /** 1 − observed / expected; null when no coder marked anything. */
  alpha: number | null;
}

/** The coder's merged units and the gaps between them, covering [begin, begin + length). */
function sections(units: readonly Span[], begin: number, length: number): Section[] {
  const sorted = units.map((u) => ({ start: Math.max(begin, u.start), end: Math.min(begin + length, u.end) })).filter((u) => u.end > u.start);
  sorted.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Section[] = [];
  let pos = begin;
  for (const u of sorted) {
    const last = out[out.length - 1];
    if (last?.unit && u.start <= last.end) {
      last.end = Math.max(last.end, u.end);
      pos = last.end;
      continue;
    }
    if (u.start > pos) out.push({ start: pos, end: u.start, unit: false });
    out.push({ start: u.start, end: u.end, unit: true });
    pos = u.end;
  }
  if (pos < begin + length) out.push({ start: pos, end: begin + length, unit: false });
  return out;
}

/** δ² of two overlapping sections of two coders. */
function distance(g: Section, h: Section): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.unit && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (h.unit && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

/** Σ δ² over the overlapping section pairs of two coders (a sweep over both partitions). */
function pairDisagreement(a: Section[], b: Section[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    sum += distance(a[i]!, b[j]!);
    const ea = a[i]!.end;
    const eb = b[j]!.end;
    if (ea <= eb) i++;
    if (eb <= ea) j++;
  }
  return sum;
}

/** uα of one category: `coders[r]` lists coder r's units; the continuum is [begin, begin + length). */
export function unitizedAlpha(coders: readonly (readonly Span[])[], begin: number, length: number): UnitizedResult {
  const R = coders.length;
  const L = length;
  const parts = coders.map((units) => sections(units, begin, length));
  let observedSum = 0;
  for (let r1 = 0; r1 < R; r1++) for (let r2 = r1 + 1; r2 < R; r2++) observedSum += pairDisagreement(parts[r1]!, parts[r2]!);
  const observed = R < 2 || L === 0 ? 0 : (2 * observedSum) / (R * (R - 1) * L * L);

  const units = parts.flat().filter((s) => s.unit).map((s) => s.end - s.start);
  const gaps = parts.flat().filter((s) => !s.unit).map((s) => s.end - s.start).sort((a, b) => a - b);
  const suffix = new Array<number>(gaps.length + 1).fill(0); // suffix[i] = Σ gaps[i..]
  for (let i = gaps.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + gaps[i]!;
  const firstAtLeast = (l: number): number => {
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (gaps[mid]! < l) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const N = units.length;
  let numerator = 0;
  let unitPairs = 0;
  for (const l of units) {
    const k = firstAtLeast(l);
    const placements = suffix[k]! - (l - 1) * (gaps.length - k); // Σ_{g ≥ l} (g − l + 1)
    numerator += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * placements;
    unitPairs += l * (l - 1);
  }
  const denominator = R * L * (R * L - 1) - unitPairs;
  const expected = N === 0 || denominator <= 0 ? 0 : ((2 / L) * numerator) / denominator;
  return { observed, expected, alpha: expected === 0 ? null : 1 - observed / expected };
}

/** uα over several categories: 1 − mean observed / mean expected (Krippendorff 2004). */
export function unitizedAlphaAll(perCategory: readonly UnitizedResult[]): UnitizedResult {
  const n = perCategory.length;
  const observed = perCategory.reduce((a, r) => a + r.observed, 0) / Math.max(1, n);
  const expected = perCategory.reduce((a, r) => a + r.expected, 0) / Math.max(1, n);
  return { observed, expected, alpha: expected === 0 ? null : 1 - observed / expected };
}
