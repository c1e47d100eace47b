/**
 * What one adjudication key does to the gold layer, as a plan the caller applies in one
 * transaction (so one Ctrl+Z undoes one key):
 * - accept a span: the gold layer gets the span (its kind and boundaries); accept a kind: the same
 *   boundaries with the kind the adjudicator chose (when annotators agree on the passage, not the
 *   kind); spans identical to the new gold span are accepted into it;
 * - merge: the span and every span of its kind in the unit connected to it by overlap become one
 *   gold span over their union, all accepted into it;
 * - reject: the span is rejected (nothing goes to gold).
 * After an accept or a merge, the other spans overlapping the new gold span that have no decision
 * yet are rejected (they were the alternatives); decisions already taken are kept, so accepting
 * a second span next to a first keeps both. A gold record made by curation that no decision
 * points at any more is removed; gold records written by hand are never touched. Pure.
 */
import type { Decision } from '../model/curation';
import type { Annotation } from '../model/record';
import { overlaps, type Span, type Unit } from './units';

export interface GoldSpan {
  id: string;
  kind: string;
  start: number;
  end: number;
}

export interface Plan {
  /** gold records to write (an existing identical one is reused instead) */
  add: GoldSpan[];
  /** gold record ids to delete */
  remove: string[];
  /** span key → new verdict (null withdraws the decision) */
  decide: Map<string, Pick<Decision, 'verdict' | 'gold'> | null>;
}

const extent = (a: Annotation) => ({ start: a.target.start, end: a.target.end });

function find(unit: Unit, key: string): Span {
  const span = unit.spans.find((s) => s.key === key);
  if (!span) throw new Error(`no span ${key} in this unit`);
  return span;
}

/** Gold ids that decisions in the unit pointed at before the plan and none points at after it. */
function orphaned(unit: Unit, decide: Plan['decide']): string[] {
  const before = new Set(unit.spans.map((s) => s.decision?.gold).filter((g): g is string => !!g));
  const after = new Set<string>();
  for (const s of unit.spans) {
    const next = decide.has(s.key) ? decide.get(s.key) : s.decision;
    if (next?.gold) after.add(next.gold);
  }
  return [...before].filter((g) => !after.has(g));
}

/** Puts `gold` (kind and extent) into the gold layer, accepting `members` and rejecting undecided alternatives. */
function acceptInto(unit: Unit, gold: Omit<GoldSpan, 'id'>, members: Span[], newId: string): Plan {
  const existing = unit.gold.find((g) => g.kind === gold.kind && g.target.start === gold.start && g.target.end === gold.end);
  const id = existing?.id ?? newId;
  const decide: Plan['decide'] = new Map();
  for (const s of unit.spans) {
    const identical = s.annotation.kind === gold.kind && s.annotation.target.start === gold.start && s.annotation.target.end === gold.end;
    if (members.includes(s) || (identical && s.decision?.verdict !== 'accepted')) decide.set(s.key, { verdict: 'accepted', gold: id });
    else if (!s.decision && overlaps(extent(s.annotation), gold)) decide.set(s.key, { verdict: 'rejected' });
  }
  return { add: existing ? [] : [{ id, ...gold }], remove: orphaned(unit, decide), decide };
}

export function acceptSpan(unit: Unit, key: string, newId: string, kind?: string): Plan {
  const span = find(unit, key);
  // with another kind the span is still what became the gold record: accepted into it, relabelled
  return acceptInto(unit, { kind: kind ?? span.annotation.kind, ...extent(span.annotation) }, [span], newId);
}

export function mergeSpans(unit: Unit, key: string, newId: string): Plan {
  const span = find(unit, key);
  const group = [span];
  let range = extent(span.annotation);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of unit.spans) {
      if (group.includes(s) || s.annotation.kind !== span.annotation.kind || !overlaps(extent(s.annotation), range)) continue;
      group.push(s);
      range = { start: Math.min(range.start, s.annotation.target.start), end: Math.max(range.end, s.annotation.target.end) };
      grew = true;
    }
  }
  return acceptInto(unit, { kind: span.annotation.kind, ...range }, group, newId);
}

export function rejectSpan(unit: Unit, key: string): Plan {
  const span = find(unit, key);
  const decide: Plan['decide'] = new Map([[span.key, { verdict: 'rejected' }]]);
  return { add: [], remove: orphaned(unit, decide), decide };
}
