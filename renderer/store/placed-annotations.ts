/**
 * Places the annotations of an article's layers in its current text: each record's target is
 * resolved through the anchoring fallback chain, then everything is sorted in text order.
 * Records that cannot be placed are returned as orphans, to be listed, never dropped.
 */
import type { CodePointIndex } from '../../shared/text/code-points';
import { resolveTarget } from '../../shared/anchor/resolve';
import type { Annotation } from '../../shared/model/record';
import type { LayerView } from './article-layers';

export interface Placed {
  annotation: Annotation;
  /** Owner of the layer the record is in: the only identity the server vouches for. */
  owner: string;
  mine: boolean;
  /** canonical UTF-16 offsets */
  start: number;
  end: number;
}

export interface Placement {
  placed: Placed[];
  orphans: Placed[];
  invalidCount: number;
}

export function placeAnnotations(index: CodePointIndex, layers: LayerView[]): Placement {
  const placed: Placed[] = [];
  const orphans: Placed[] = [];
  let invalidCount = 0;
  for (const layer of layers) {
    invalidCount += layer.read.invalid.length;
    for (const annotation of layer.read.annotations) {
      const r = resolveTarget(index, annotation.target);
      const base = { annotation, owner: layer.owner, mine: layer.mine };
      if (r.status === 'orphan') orphans.push({ ...base, start: -1, end: -1 });
      else placed.push({ ...base, start: index.toUtf16(r.start), end: index.toUtf16(r.end) });
    }
  }
  placed.sort((a, b) => a.start - b.start || a.end - b.end || a.annotation.created.localeCompare(b.annotation.created));
  return { placed, orphans, invalidCount };
}
