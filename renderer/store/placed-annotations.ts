/**
 * Places an annotation record in the article's current text: its target is resolved through
 * the anchoring fallback chain, and the result keeps how it was found (exact, moved, fuzzy),
 * so a moved anchor is shown as such, never silently. Records that cannot be placed are
 * orphans, to be listed, never dropped. A placement lists them all in text order.
 */
import { resolveTarget } from '../../shared/anchor/resolve';
import type { Annotation } from '../../shared/model/record';
import type { CodePointIndex } from '../../shared/text/code-points';

export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';

export interface Placed {
  annotation: Annotation;
  /** Owner of the layer the record is in: the only identity the server vouches for. */
  owner: string;
  mine: boolean;
  /** canonical UTF-16 offsets; -1 for an orphan */
  start: number;
  end: number;
  /** how the anchor was found in the current text */
  anchor: AnchorStatus;
}

export interface Placement {
  placed: Placed[];
  orphans: Placed[];
  invalidCount: number;
}

export function placeRecord(index: CodePointIndex, annotation: Annotation, owner: string, mine: boolean): Placed {
  const r = annotation.detached ? ({ status: 'orphan' } as const) : resolveTarget(index, annotation.target);
  if (r.status === 'orphan') return { annotation, owner, mine, start: -1, end: -1, anchor: 'orphan' };
  return { annotation, owner, mine, start: index.toUtf16(r.start), end: index.toUtf16(r.end), anchor: r.status };
}

export function byTextOrder(a: Placed, b: Placed): number {
  return a.start - b.start || a.end - b.end || a.annotation.created.localeCompare(b.annotation.created);
}

/** Splits placed records from orphans and sorts them in text order. */
export function placementOf(all: Iterable<Placed>, invalidCount: number): Placement {
  const placed: Placed[] = [];
  const orphans: Placed[] = [];
  for (const p of all) (p.anchor === 'orphan' ? orphans : placed).push(p);
  placed.sort(byTextOrder);
  return { placed, orphans, invalidCount };
}
