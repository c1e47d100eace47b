/**
 * Alignment for adjudication (INCEpTION's curation, for Glose's layers): on one article, the
 * annotators' spans are grouped into units — sets of spans connected by overlap, in code points —
 * each with the gold spans that overlap it and the decision already taken on each span. A unit is
 * a disagreement unless every annotator of the article marked it once, with the same kind and the
 * same boundaries; disagreements come first in the queue, then by position. A unit is adjudicated
 * when every span in it has a decision. Inside a unit, `lanes` gives each annotator the rows
 * their spans need (their own spans may overlap) and `segments` the text cut at every boundary,
 * which is what the view aligns its rows on. Pure and DOM-free.
 */
import type { Decision } from '../model/curation';
import { spanKey } from '../model/curation';
import type { Annotation } from '../model/record';

export interface Span {
  key: string;
  owner: string;
  annotation: Annotation;
  decision?: Decision;
}

export interface Unit {
  /** key of its first span: stable while other spans arrive or are decided */
  id: string;
  start: number;
  end: number;
  spans: Span[];
  /** gold records overlapping the unit */
  gold: Annotation[];
  disagreement: boolean;
  done: boolean;
}

export interface LayerSpans {
  owner: string;
  annotations: readonly Annotation[];
}

const startOf = (a: Annotation) => a.target.start;
const endOf = (a: Annotation) => a.target.end;
export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
export const sameSpan = (a: Annotation, b: Annotation) => a.kind === b.kind && startOf(a) === startOf(b) && endOf(a) === endOf(b);

function agreed(spans: Span[], annotators: number): boolean {
  const owners = new Set(spans.map((s) => s.owner));
  return owners.size === annotators && spans.length === annotators && spans.every((s) => sameSpan(s.annotation, spans[0]!.annotation));
}

/** The units of one article, disagreements first, then in text order. `layers` excludes the gold layer. */
export function alignUnits(layers: readonly LayerSpans[], gold: readonly Annotation[], decisions: ReadonlyMap<string, Decision>): Unit[] {
  const spans: Span[] = layers.flatMap(({ owner, annotations }) =>
    annotations.map((annotation) => {
      const key = spanKey(owner, annotation.id);
      return { key, owner, annotation, decision: decisions.get(key) };
    }),
  );
  spans.sort((a, b) => startOf(a.annotation) - startOf(b.annotation) || endOf(a.annotation) - endOf(b.annotation) || (a.key < b.key ? -1 : 1));
  const annotators = layers.filter((l) => l.annotations.length > 0).length;
  const units: Unit[] = [];
  let current: Unit | null = null;
  for (const span of spans) {
    const { start, end } = span.annotation.target;
    if (current && start < current.end) {
      current.spans.push(span);
      current.end = Math.max(current.end, end);
    } else {
      current = { id: span.key, start, end, spans: [span], gold: [], disagreement: false, done: false };
      units.push(current);
    }
  }
  for (const unit of units) {
    unit.gold = gold.filter((g) => overlaps(g.target, unit)).sort((a, b) => startOf(a) - startOf(b));
    unit.disagreement = !agreed(unit.spans, annotators);
    unit.done = unit.spans.every((s) => s.decision);
  }
  return units.sort((a, b) => Number(b.disagreement) - Number(a.disagreement) || a.start - b.start);
}

export function progress(units: readonly Unit[]): { done: number; todo: number } {
  const done = units.filter((u) => u.done).length;
  return { done, todo: units.length - done };
}

/** The first unit still to do after `from` in queue order (wrapping round), or null when all are done. */
export function nextTodo(units: readonly Unit[], from: string | null, step: 1 | -1 = 1): Unit | null {
  const n = units.length;
  const found = units.findIndex((u) => u.id === from);
  // with no current unit, start before the first (forwards) or after the last (backwards)
  const at = found >= 0 ? found : step > 0 ? n - 1 : 0;
  for (let i = 1; i <= n; i++) {
    const unit = units[(at + i * step + n * n) % n]!;
    if (!unit.done) return unit;
  }
  return null;
}

/** Packs items into as few rows as keep each row free of overlaps (first fit, in the given order). */
export function pack<T>(items: readonly T[], extent: (item: T) => { start: number; end: number }): T[][] {
  const rows: T[][] = [];
  for (const item of items) {
    const free = rows.find((row) => row.every((other) => !overlaps(extent(other), extent(item))));
    if (free) free.push(item);
    else rows.push([item]);
  }
  return rows;
}

/** Rows of a unit: each annotator (in the order given) gets as many lanes as their overlapping spans need. */
export function lanes(unit: Unit, owners: readonly string[]): { owner: string; spans: Span[] }[] {
  return owners.flatMap((owner) => {
    const rows = pack(unit.spans.filter((s) => s.owner === owner), (s) => s.annotation.target);
    return rows.length > 0 ? rows.map((spans) => ({ owner, spans })) : [{ owner, spans: [] }];
  });
}

/** The unit's extent cut at every span and gold boundary: the columns the rows align on. */
export function segments(unit: Unit): { start: number; end: number }[] {
  const cuts = new Set<number>([unit.start, unit.end]);
  for (const s of unit.spans) cuts.add(startOf(s.annotation)).add(endOf(s.annotation));
  for (const g of unit.gold) cuts.add(Math.max(unit.start, startOf(g))).add(Math.min(unit.end, endOf(g)));
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(1).map((end, i) => ({ start: sorted[i]!, end }));
}
