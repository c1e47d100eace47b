import { describe, expect, it } from 'vitest';
import { matchGold, tally } from '../../../shared/assessment/gold-match';
import { mark } from './marks';

describe('the matching rule (docs/assessment.md)', () => {
  it('matches the same kind overlapping by at least half of the shorter span, and no less', () => {
    const gold = [mark('g1', 'claim', 10, 30)];
    // [20, 40) overlaps [10, 30) by 10 code points: half of the shorter (20) → a match
    expect(matchGold(gold, [mark('s1', 'claim', 20, 40)]).marks[0]).toMatchObject({ outcome: 'match', student: { id: 's1' } });
    // [21, 40) overlaps by 9 < 10 → only a partial match
    expect(matchGold(gold, [mark('s1', 'claim', 21, 40)]).marks[0]).toMatchObject({ outcome: 'partial', student: { id: 's1' } });
    // a short mark inside a long gold span: overlap 5 = all of the shorter span → a match
    expect(matchGold(gold, [mark('s1', 'claim', 12, 17)]).marks[0]!.outcome).toBe('match');
  });

  it('calls a mark of another kind over the same words a partial match, and untouched gold a miss', () => {
    const gold = [mark('g1', 'claim', 0, 20), mark('g2', 'rebuttal', 40, 60)];
    const result = matchGold(gold, [mark('s1', 'disputed', 0, 20)]);
    expect(result.marks.map((m) => m.outcome)).toEqual(['partial', 'miss']);
    expect(result.marks[1]!.student).toBeUndefined();
    expect(result.extras).toEqual([]);
  });

  it('pairs one to one, the largest overlap first, and lists the rest as extras', () => {
    const gold = [mark('g1', 'claim', 0, 20)];
    const result = matchGold(gold, [mark('small', 'claim', 0, 12), mark('big', 'claim', 0, 19), mark('far', 'question', 80, 90)]);
    expect(result.marks[0]).toMatchObject({ outcome: 'match', student: { id: 'big' } });
    // "small" overlaps g1 too, but g1 already has its match: it is an extra, as is the question
    expect(result.extras.map((e) => e.id)).toEqual(['small', 'far']);
  });

  it('does not let a mark that matches one gold mark stand in for another as a partial', () => {
    const gold = [mark('g1', 'claim', 0, 20), mark('g2', 'evidence', 15, 40)];
    const result = matchGold(gold, [mark('s1', 'claim', 0, 20)]);
    expect(result.marks.map((m) => m.outcome)).toEqual(['match', 'miss']);
  });

  it('counts a gold link as found when the student linked the marks standing for both ends the same way', () => {
    const gold = [mark('claim', 'claim', 0, 20), mark('reb', 'rebuttal', 30, 50, [{ to: 'claim', rel: 'rebuts' }])];
    const linked = [mark('c', 'claim', 2, 20), mark('r', 'rebuttal', 30, 48, [{ to: 'c', rel: 'rebuts' }])];
    const found = matchGold(gold, linked);
    expect(found.links).toEqual([{ from: 'reb', to: 'claim', rel: 'rebuts', found: true, student: expect.objectContaining({ id: 'r' }) }]);

    // the same marks without the link, with the wrong relation, or linked the wrong way round
    const unlinked = [mark('c', 'claim', 2, 20), mark('r', 'rebuttal', 30, 48)];
    expect(matchGold(gold, unlinked).links[0]!.found).toBe(false);
    const supports = [mark('c', 'claim', 2, 20), mark('r', 'rebuttal', 30, 48, [{ to: 'c', rel: 'supports' }])];
    expect(matchGold(gold, supports).links[0]!.found).toBe(false);
    const reversed = [mark('c', 'claim', 2, 20, [{ to: 'r', rel: 'rebuts' }]), mark('r', 'rebuttal', 30, 48)];
    expect(matchGold(gold, reversed).links[0]!.found).toBe(false);
    // the rebutted claim missed: the link cannot be found
    expect(matchGold(gold, [mark('r', 'rebuttal', 30, 48, [{ to: 'elsewhere', rel: 'rebuts' }])]).links[0]).toEqual({ from: 'reb', to: 'claim', rel: 'rebuts', found: false });
  });

  it('tallies "found 1 of the 2 claims" per kind', () => {
    const gold = [mark('g1', 'claim', 0, 10), mark('g2', 'claim', 20, 30), mark('g3', 'question', 40, 50)];
    const result = matchGold(gold, [mark('s1', 'claim', 0, 10), mark('s2', 'evidence', 40, 44)]);
    expect(tally(result, 'claim')).toEqual({ match: 1, partial: 0, miss: 1, total: 2 });
    expect(tally(result)).toEqual({ match: 1, partial: 1, miss: 1, total: 3 });
  });
});
