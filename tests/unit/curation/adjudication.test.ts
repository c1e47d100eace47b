import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../shared/model/curation';
import type { Annotation } from '../../../shared/model/record';
import { acceptSpan, mergeSpans, rejectSpan, type Plan } from '../../../shared/curation/plan';
import { alignUnits, lanes, nextTodo, progress, segments, type Unit } from '../../../shared/curation/units';

const AT = '2026-01-05T10:00:00.000Z';
const author = { id: 'x', name: 'X', color: '#0072B2' };

function span(id: string, kind: string, start: number, end: number): Annotation {
  return { id, kind, target: { start, end, exact: 'x'.repeat(end - start), prefix: '', suffix: '' }, note: '', author, created: AT, modified: AT, links: [], status: 'open' };
}

const decided = (verdict: Decision['verdict'], gold?: string): Decision => ({ about: 'a/b', verdict, gold, author, at: AT });

/** Applies a plan to decisions and gold the way the view does, for multi-step scenarios. */
function apply(plan: Plan, gold: Annotation[], decisions: Map<string, Decision>): Annotation[] {
  for (const [key, d] of plan.decide) {
    if (d) decisions.set(key, { ...decided(d.verdict, d.gold), about: key });
    else decisions.delete(key);
  }
  return [...gold.filter((g) => !plan.remove.includes(g.id)), ...plan.add.map((g) => span(g.id, g.kind, g.start, g.end))];
}

describe('alignment', () => {
  const alice = { owner: 'alice', annotations: [span('a1', 'claim', 10, 20), span('a2', 'claim', 40, 50), span('a3', 'evidence', 70, 80)] };
  const bob = { owner: 'bob', annotations: [span('b1', 'claim', 10, 20), span('b2', 'claim', 45, 60), span('b3', 'evidence', 55, 58)] };

  it('groups overlapping spans into units, disagreements first, then in text order', () => {
    const units = alignUnits([alice, bob], [], new Map());
    expect(units.map((u) => [u.start, u.end, u.disagreement, u.spans.map((s) => s.key)])).toEqual([
      [40, 60, true, ['alice/a2', 'bob/b2', 'bob/b3']],
      [70, 80, true, ['alice/a3']],
      [10, 20, false, ['alice/a1', 'bob/b1']],
    ]);
  });

  it('a span marked by one annotator only, or with another kind, is a disagreement; an annotator with no span is not counted', () => {
    const units = alignUnits([{ owner: 'alice', annotations: [span('a', 'claim', 0, 5)] }, { owner: 'bob', annotations: [span('b', 'evidence', 0, 5)] }, { owner: 'eve', annotations: [] }], [], new Map());
    expect(units).toHaveLength(1);
    expect(units[0]!.disagreement).toBe(true);
    expect(alignUnits([{ owner: 'alice', annotations: [span('a', 'claim', 0, 5)] }, { owner: 'eve', annotations: [] }], [], new Map())[0]!.disagreement).toBe(false);
  });

  it('gives each annotator the lanes their own overlapping spans need, and cuts the text at every boundary', () => {
    const unit = alignUnits([alice, bob], [span('g', 'claim', 42, 48)], new Map())[0]!;
    const rows = lanes(unit, ['alice', 'bob', 'carol']);
    expect(rows.map((r) => [r.owner, r.spans.map((s) => s.annotation.id)])).toEqual([
      ['alice', ['a2']],
      ['bob', ['b2']],
      ['bob', ['b3']],
      ['carol', []],
    ]);
    expect(segments(unit)).toEqual([
      { start: 40, end: 42 },
      { start: 42, end: 45 },
      { start: 45, end: 48 },
      { start: 48, end: 50 },
      { start: 50, end: 55 },
      { start: 55, end: 58 },
      { start: 58, end: 60 },
    ]);
  });

  it('counts a unit adjudicated when every span in it has a decision, and finds the next one to do', () => {
    const decisions = new Map([['alice/a1', decided('accepted', 'g')], ['bob/b1', decided('accepted', 'g')], ['alice/a3', decided('rejected')]]);
    const units = alignUnits([alice, bob], [], decisions);
    expect(units.map((u) => u.done)).toEqual([false, true, true]);
    expect(progress(units)).toEqual({ done: 2, todo: 1 });
    expect(nextTodo(units, null)?.start).toBe(40);
    expect(nextTodo(units, units[0]!.id)?.start).toBe(40);
    expect(nextTodo(units, units[2]!.id, -1)?.start).toBe(40);
    expect(nextTodo(alignUnits([alice], [], new Map([['alice/a1', decided('rejected')], ['alice/a2', decided('rejected')], ['alice/a3', decided('rejected')]])), null)).toBeNull();
  });
});

describe('plans', () => {
  const layers = [
    { owner: 'alice', annotations: [span('a', 'claim', 10, 30)] },
    { owner: 'bob', annotations: [span('b', 'claim', 15, 35)] },
    { owner: 'carol', annotations: [span('c', 'claim', 10, 30), span('c2', 'evidence', 32, 40)] },
  ];
  const unitOf = (gold: Annotation[], decisions: Map<string, Decision>): Unit => alignUnits(layers, gold, decisions)[0]!;

  it('accepting a span writes it to gold, accepts the identical one and rejects the undecided alternatives', () => {
    const plan = acceptSpan(unitOf([], new Map()), 'alice/a', 'g1');
    expect(plan.add).toEqual([{ id: 'g1', kind: 'claim', start: 10, end: 30 }]);
    expect(Object.fromEntries(plan.decide)).toEqual({
      'alice/a': { verdict: 'accepted', gold: 'g1' },
      'carol/c': { verdict: 'accepted', gold: 'g1' },
      'bob/b': { verdict: 'rejected' },
    });
    // carol's evidence at 32-40 does not overlap the gold span: still to decide
    expect(plan.remove).toEqual([]);
  });

  it('accepting a kind writes the span with the chosen kind', () => {
    const plan = acceptSpan(unitOf([], new Map()), 'bob/b', 'g1', 'disputed');
    expect(plan.add).toEqual([{ id: 'g1', kind: 'disputed', start: 15, end: 35 }]);
    expect(plan.decide.get('bob/b')).toEqual({ verdict: 'accepted', gold: 'g1' });
    expect(plan.decide.get('alice/a')).toEqual({ verdict: 'rejected' });
  });

  it('merging makes one gold span over the union of the connected spans of that kind', () => {
    const plan = mergeSpans(unitOf([], new Map()), 'bob/b', 'g1');
    expect(plan.add).toEqual([{ id: 'g1', kind: 'claim', start: 10, end: 35 }]);
    expect(Object.fromEntries(plan.decide)).toEqual({
      'alice/a': { verdict: 'accepted', gold: 'g1' },
      'bob/b': { verdict: 'accepted', gold: 'g1' },
      'carol/c': { verdict: 'accepted', gold: 'g1' },
      'carol/c2': { verdict: 'rejected' },
    });
  });

  it('reuses an identical gold record instead of duplicating it, and keeps decisions already taken', () => {
    const decisions = new Map<string, Decision>();
    let gold = apply(acceptSpan(unitOf([], decisions), 'alice/a', 'g1'), [], decisions);
    // bob's span was rejected as the alternative; accepting it now adds it beside the first
    gold = apply(acceptSpan(unitOf(gold, decisions), 'bob/b', 'g2'), gold, decisions);
    expect(gold.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(decisions.get('alice/a')?.gold).toBe('g1');
    const again = acceptSpan(unitOf(gold, decisions), 'carol/c', 'g3');
    expect(again.add).toEqual([]);
    expect(again.decide.get('carol/c')).toEqual({ verdict: 'accepted', gold: 'g1' });
  });

  it('rejecting the last span accepted into a gold record removes that record, not one written by hand', () => {
    const decisions = new Map<string, Decision>();
    const hand = span('hand', 'claim', 12, 14);
    let gold = apply(acceptSpan(unitOf([hand], decisions), 'bob/b', 'g1'), [hand], decisions);
    expect(gold.map((g) => g.id)).toEqual(['hand', 'g1']);
    const plan = rejectSpan(unitOf(gold, decisions), 'bob/b');
    expect(plan.remove).toEqual(['g1']);
    gold = apply(plan, gold, decisions);
    expect(gold.map((g) => g.id)).toEqual(['hand']);
    expect(decisions.get('bob/b')?.verdict).toBe('rejected');
  });
});
