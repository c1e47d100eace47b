/**
 * Places a layer's annotations in the current article text: each record's target is resolved
 * through the anchoring fallback chain, then sorted in text order. Records that cannot be
 * placed are returned as orphans, to be listed, never dropped.
 */
import type { CodePointIndex } from '../../shared/text/code-points';
import { resolveTarget } from '../../shared/anchor/resolve';
import type { Annotation } from '../../shared/model/record';

export interface Placed {
  annotation: Annotation;
  /** canonical UTF-16 offsets */
  start: number;
  end: number;
}

export interface Placement {
  placed: Placed[];
  orphans: Annotation[];
}

export function placeAnnotations(index: CodePointIndex, annotations: Annotation[]): Placement {
  const placed: Placed[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of annotations) {
    const r = resolveTarget(index, annotation.target);
    if (r.status === 'orphan') orphans.push(annotation);
    else placed.push({ annotation, start: index.toUtf16(r.start), end: index.toUtf16(r.end) });
  }
  placed.sort((a, b) => a.start - b.start || a.end - b.end || a.annotation.created.localeCompare(b.annotation.created));
  return { placed, orphans };
}

