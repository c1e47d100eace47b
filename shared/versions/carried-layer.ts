/**
 * Carried marks in a layer document. Beside the records, a layer of a newer version holds a
 * `carried` map: new record id → {was, from, status}, written in the same transaction as the
 * record by the layer's own author. It is what the new version lists (moved, fuzzy and orphaned
 * marks, each with a way to look at it), and what makes carrying idempotent: a mark already
 * carried — even one its author deleted since — is never carried again. The server checks its
 * entries with the schema below (layer-shape.ts).
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { addAnnotation, annotationsMap } from '../model/layer';
import type { Carried } from './carry';

export const CARRIED_ROOT = 'carried';
/** Transaction origin of carrying: not the user's own action, so Ctrl+Z does not undo it. */
export const CARRY = 'glose:carry';

const id = z.string().min(1).max(64);
export const carriedEntrySchema = z.object({
  id,
  /** the record's id in the previous version */
  was: id,
  /** the previous version's article id */
  from: id,
  status: z.enum(['exact', 'moved', 'fuzzy', 'orphan']),
});

export type CarriedEntry = z.infer<typeof carriedEntrySchema>;

export function carriedMap(layer: Y.Doc): Y.Map<unknown> {
  return layer.getMap<unknown>(CARRIED_ROOT);
}

/** The layer's carried entries that pass validation. */
export function readCarried(layer: Y.Doc): CarriedEntry[] {
  const out: CarriedEntry[] = [];
  carriedMap(layer).forEach((value, key) => {
    const parsed = carriedEntrySchema.safeParse(value && typeof value === 'object' ? { ...value, id: key } : value);
    if (parsed.success) out.push(parsed.data);
  });
  return out;
}

/** Writes the carried records the layer does not have yet (in one transaction); returns how many. */
export function writeCarried(layer: Y.Doc, carried: readonly Carried[], from: string): number {
  const map = carriedMap(layer);
  const fresh = carried.filter((c) => !map.has(c.record.id));
  if (fresh.length === 0) return 0;
  layer.transact(() => {
    for (const c of fresh) {
      if (!annotationsMap(layer).has(c.record.id)) addAnnotation(layer, c.record, CARRY);
      map.set(c.record.id, { was: c.was, from, status: c.status });
    }
  }, CARRY);
  return fresh.length;
}
