/**
 * Paints annotations over the article with the CSS Custom Highlight API: one Highlight per
 * kind (colour and underline style come from the tagset, see kind-styles.ts), plus the focused
 * annotation and a short flash. The article's DOM and text are never touched, and overlapping
 * annotations simply stack.
 */
import type { TextMap } from './text-map';

export interface PlacedSpan {
  id: string;
  kind: string;
  /** canonical UTF-16 offsets */
  start: number;
  end: number;
}

const PREFIX = 'glose-';
export const FOCUS = `${PREFIX}focus`;
export const FLASH = `${PREFIX}flash`;
/** the annotations linked to the focused or hovered one */
export const LINKED = `${PREFIX}linked`;

/** Painting key of the kinds the tagset does not (or no longer) define; no tagset key starts with '-'. */
export const UNKNOWN_KIND = '-unknown';

export function highlightName(kind: string): string {
  return `${PREFIX}kind-${kind}`;
}

/** Replaces every kind highlight with the given spans; returns the ranges by annotation id. */
export function paintSpans(map: TextMap, spans: PlacedSpan[]): Map<string, Range> {
  const byKind = new Map<string, Range[]>();
  const byId = new Map<string, Range>();
  for (const span of spans) {
    const range = map.range(span.start, span.end);
    if (!range) continue;
    byId.set(span.id, range);
    const list = byKind.get(span.kind) ?? [];
    list.push(range);
    byKind.set(span.kind, list);
  }
  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith(`${PREFIX}kind-`)) CSS.highlights.delete(name);
  }
  for (const [kind, ranges] of byKind) CSS.highlights.set(highlightName(kind), new Highlight(...ranges));
  return byId;
}

export function paintSingle(name: string, range: Range | undefined): void {
  if (range) CSS.highlights.set(name, new Highlight(range));
  else CSS.highlights.delete(name);
}

export function paintMany(name: string, ranges: (Range | undefined)[]): void {
  const present = ranges.filter((r): r is Range => r !== undefined);
  if (present.length) CSS.highlights.set(name, new Highlight(...present));
  else CSS.highlights.delete(name);
}

export function clearAll(): void {
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith(PREFIX)) CSS.highlights.delete(name);
}
