/**
 * Carried marks in a layer document. Beside the records, a layer of a newer version holds a
 * `carried` map: new record id → {was, from, status}, written in the same transaction as the
 * record by the layer's own author (and `<of>:<key>` → {was, from, status, of} for a carried reply,
 * vote or status record, or a curation decision of the gold layer). It is what the new version lists (moved, fuzzy and orphaned
 * marks, each with a way to look at it), and what makes carrying idempotent: a mark already
 * carried — even one its author deleted since — is never carried again. The server checks its
 * entries with the schema below (layer-shape.ts).
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { DECISIONS_ROOT } from '../model/curation';
import { addAnnotation, annotationsMap } from '../model/layer';
import type { Carried, CarriedTalk } from './carry';

export const CARRIED_ROOT = 'carried';
/** Transaction origin of carrying: not the user's own action, so Ctrl+Z does not undo it. */
export const CARRY = 'glose:carry';

const id = z.string().min(1).max(64);
/** a key of the carried map or a record's key before: a decision's is `owner/id` behind `decision:` */
const key = z.string().min(1).max(140);
export const carriedEntrySchema = z.object({
  id: key,
  /** the record's id (or entry's key) in the previous version */
  was: key,
  /** the previous version's article id */
  from: id,
  status: z.enum(['exact', 'moved', 'fuzzy', 'orphan']),
  /** set for a carried discussion record (absent for a mark) */
  of: z.enum(['reply', 'vote', 'status', 'decision']).optional(),
});

export type CarriedEntry = z.infer<typeof carriedEntrySchema>;

export function carriedMap(layer: Y.Doc): Y.Map<unknown> {
  return layer.getMap<unknown>(CARRIED_ROOT);
}

/** The layer's carried entries that pass validation (marks only; `talk` for the discussion records too). */
export function readCarried(layer: Y.Doc, talk = false): CarriedEntry[] {
  const out: CarriedEntry[] = [];
  carriedMap(layer).forEach((value, key) => {
    const parsed = carriedEntrySchema.safeParse(value && typeof value === 'object' ? { ...value, id: key } : value);
    if (parsed.success && (talk || !parsed.data.of)) out.push(parsed.data);
  });
  return out;
}

const TALK_ROOT = { reply: 'replies', vote: 'votes', status: 'statuses', decision: DECISIONS_ROOT } as const;
const KEY_FIELD = { reply: 'id', vote: 'about', status: 'about', decision: 'about' } as const;

/**
 * Writes the carried marks and discussion records the layer does not have yet (in one
 * transaction); returns how many.
 */
export function writeCarried(layer: Y.Doc, carried: readonly Carried[], from: string, talk: readonly CarriedTalk[] = []): number {
  const map = carriedMap(layer);
  const fresh = carried.filter((c) => !map.has(c.record.id));
  const freshTalk = talk.filter((c) => !map.has(`${c.of}:${c.key}`));
  if (fresh.length + freshTalk.length === 0) return 0;
  layer.transact(() => {
    for (const c of fresh) {
      if (!annotationsMap(layer).has(c.record.id)) addAnnotation(layer, c.record, CARRY);
      map.set(c.record.id, { was: c.was, from, status: c.status });
    }
    for (const c of freshTalk) {
      const target = layer.getMap<unknown>(TALK_ROOT[c.of]);
      const { [KEY_FIELD[c.of]]: _key, ...value } = c.value as unknown as Record<string, unknown>;
      if (!target.has(c.key)) target.set(c.key, value);
      map.set(`${c.of}:${c.key}`, { was: c.was, from, status: 'exact', of: c.of });
    }
  }, CARRY);
  return fresh.length + freshTalk.length;
}
