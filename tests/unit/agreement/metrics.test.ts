/**
 * Agreement metrics against published worked examples. Each reference value carries its source;
 * values are compared at the precision the source prints them.
 */
import { describe, expect, it } from 'vitest';
import { cohensKappa } from '../../../shared/agreement/cohen';
import { fleissKappa } from '../../../shared/agreement/fleiss';
import { krippendorffAlphaNominal } from '../../../shared/agreement/krippendorff';
import { unitizedAlpha, unitizedAlphaAll } from '../../../shared/agreement/unitized';

function repeat<T>(value: T, n: number): T[] {
  return new Array<T>(n).fill(value);
}

describe("Cohen's kappa", () => {
  it('Wikipedia, "Cohen\'s kappa", worked example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15 → κ = 0.4', () => {
    const a = [...repeat('yes', 25), ...repeat('no', 25)];
    const b = [...repeat('yes', 20), ...repeat('no', 5), ...repeat('yes', 10), ...repeat('no', 15)];
    expect(cohensKappa(a, b)).toBeCloseTo(0.4, 10);
  });

  it('skips items one coder left blank, is symmetric and is 1 on identical codings', () => {
    const a = ['x', 'y', null, 'x', 'z'];
    const b = ['x', 'y', 'x', 'y', 'z'];
    expect(cohensKappa(a, b)).toBeCloseTo(cohensKappa(b, a)!, 12);
    expect(cohensKappa(a, b)).toBeCloseTo(cohensKappa(['x', 'y', 'x', 'z'], ['x', 'y', 'y', 'z'])!, 12);
    expect(cohensKappa(b, b)).toBe(1);
    expect(cohensKappa(['x', 'x'], ['x', 'x'])).toBeNull();
  });
});

describe("Fleiss' kappa", () => {
  it('Fleiss (1971) as worked in Wikipedia, "Fleiss\' kappa": 10 subjects, 14 raters, 5 categories → P̄ = 0.378, P̄e = 0.213, κ = 0.210', () => {
    const table = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(table)).toBeCloseTo(0.21, 3);
  });

  it('is 1 on unanimous subjects and is null when every rating is in one category', () => {
    expect(fleissKappa([[3, 0], [0, 3]])).toBe(1);
    expect(fleissKappa([[3, 0], [3, 0]])).toBeNull();
  });
});

describe("Krippendorff's alpha, nominal", () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
  // Communication, University of Pennsylvania, https://repository.upenn.edu/asc_papers/43
  it('Krippendorff 2011, example A (binary, two observers, 10 units): α = 0.095', () => {
    const a = '0100000010'.split('');
    const b = '1110010000'.split('');
    expect(krippendorffAlphaNominal(a.map((v, i) => [v, b[i]!]))).toBeCloseTo(0.095, 3);
  });

  it('Krippendorff 2011, example B (nominal, two observers, 12 units): α = 0.692', () => {
    const ben = 'aabbdcccedda'.split('');
    const gerry = 'babbbccceddd'.split('');
    expect(krippendorffAlphaNominal(ben.map((v, i) => [v, gerry[i]!]))).toBeCloseTo(0.692, 3);
  });

  it('Krippendorff 2011, example C (four observers, 12 units, missing data): nominal α = 0.743', () => {
    const _ = null;
    const coders = [
      ['1', '2', '3', '3', '2', '1', '4', '1', '2', _, _, _],
      ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', _, '3'],
      [_, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', _],
      ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', _],
    ];
    const units = coders[0]!.map((_v, u) => coders.map((c) => c[u]!));
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3);
  });
});

describe("Krippendorff's unitizing alpha", () => {
  // Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology, 2nd ed., Sage,
  // p. 254: two observers on the continuum [150, 450). The figures are those printed there as
  // reproduced in DKPro Statistics' Krippendorff2004Test (github.com/dkpro/dkpro-statistics);
  // the book itself was not at hand to check.
  const i = { c: [{ start: 225, end: 295 }, { start: 370, end: 400 }], k: [{ start: 180, end: 240 }, { start: 300, end: 350 }] };
  const j = { c: [{ start: 220, end: 300 }, { start: 355, end: 375 }, { start: 400, end: 420 }], k: [{ start: 180, end: 240 }, { start: 300, end: 350 }] };

  it('category c: uDo = 0.0144, uDe = 0.0532, uα = 0.7286', () => {
    const c = unitizedAlpha([i.c, j.c], 150, 300);
    expect(c.observed).toBeCloseTo(0.0144, 4);
    expect(c.expected).toBeCloseTo(0.0532, 4);
    expect(c.alpha).toBeCloseTo(0.7286, 4);
  });

  it('category k: uDo = 0, uDe = 0.0490, uα = 1; both categories together uα = 0.8591', () => {
    const k = unitizedAlpha([i.k, j.k], 150, 300);
    expect(k.observed).toBe(0);
    expect(k.expected).toBeCloseTo(0.049, 4);
    expect(k.alpha).toBe(1);
    expect(unitizedAlphaAll([unitizedAlpha([i.c, j.c], 150, 300), k]).alpha).toBeCloseTo(0.8591, 3);
  });

  it('properties: symmetric in coders, merges a coder’s overlapping units, falls as units drift apart, null with no units', () => {
    const a = [{ start: 10, end: 30 }, { start: 50, end: 60 }];
    const b = [{ start: 12, end: 30 }, { start: 52, end: 61 }];
    expect(unitizedAlpha([a, b], 0, 100).alpha).toBeCloseTo(unitizedAlpha([b, a], 0, 100).alpha!, 12);
    expect(unitizedAlpha([a, [{ start: 10, end: 20 }, { start: 15, end: 30 }, { start: 50, end: 60 }]], 0, 100).alpha).toBe(1);
    const drift = [0, 5, 10, 20].map((d) => unitizedAlpha([a, a.map((s) => ({ start: s.start + d, end: s.end + d }))], 0, 100).alpha!);
    expect(drift[0]).toBe(1);
    for (let n = 1; n < drift.length; n++) expect(drift[n]!).toBeLessThan(drift[n - 1]!);
    expect(unitizedAlpha([[], []], 0, 100).alpha).toBeNull();
  });
});
