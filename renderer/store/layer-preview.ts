/**
 * A layer read from the plain data of the article's snapshot (layer-snapshots.ts) instead of
 * from its Yjs document: the records the layer's watch had checked when the snapshot was
 * written, its invalid ones and its discussion. The article is painted from it before any Yjs
 * state is decoded; the article state then switches to the document (article-state.ts), where
 * a record that differs wins. What is stored is checked again as the document's records are
 * (the same checkRecord, the discussion's schemas, the author vouched by the roster): when any
 * of it fails, the preview is refused and the layer waits for its document, as before.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { replySchema, statusRecordSchema, voteSchema } from '../../shared/model/discussion';
import { checkRecord } from '../../shared/model/layer';
import type { Annotation, Author } from '../../shared/model/record';
import type { StoredPlain } from './layer-snapshots';
import { vouched, type LayerWatch, type RecordChanges } from './layer-watch';

/** A layer shown from the snapshot's plain data, and how to get its document (once; null when it cannot be read). */
export interface Preview {
  plain: StoredPlain;
  materialise: () => Y.Doc | null;
}

/** A layer as the article state reads it: its document, or only a preview until the document is there. */
export interface Layer {
  doc: Y.Doc | null;
  watch: LayerWatch;
  preview?: Preview;
}

const discussionSchema = z.object({
  replies: z.array(replySchema),
  votes: z.array(voteSchema),
  statuses: z.array(statusRecordSchema),
  invalid: z.number().int().nonnegative(),
});

/** What a layer's watch has read, as plain data for the snapshot. */
export function plainOf(watch: LayerWatch): StoredPlain {
  return { records: [...watch.records.values()], invalid: [...watch.invalid], discussion: watch.discussion() };
}

/** A watch over stored plain data (it never changes), or null when any of it fails its checks. */
export function previewWatch(plain: StoredPlain, authorOf: (claimed: Author) => Author): LayerWatch | null {
  const records = new Map<string, Annotation>();
  for (const raw of plain.records) {
    const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
    const checked = typeof id === 'string' && !records.has(id) ? checkRecord(id, raw) : null;
    if (!checked?.ok) return null;
    records.set(checked.value.id, { ...checked.value, author: authorOf(checked.value.author) });
  }
  const discussion = discussionSchema.safeParse(plain.discussion);
  if (!discussion.success) return null;
  const read = vouched(discussion.data, authorOf);
  return { records, invalid: new Map(plain.invalid), discussion: () => read, stop() {} };
}

/** Records compare as their checked, plain values (the same fields in the same order on both paths). */
const sameRecord = (a: Annotation | undefined, b: Annotation) => a !== undefined && (a === b || JSON.stringify(a) === JSON.stringify(b));

/** What changes when a layer read as `before` is read as `after`: only the records that differ. */
export function changesBetween(before: ReadonlyMap<string, Annotation>, after: ReadonlyMap<string, Annotation>): RecordChanges {
  const changes: RecordChanges = { upserted: [], deleted: [] };
  for (const a of after.values()) if (!sameRecord(before.get(a.id), a)) changes.upserted.push(a);
  for (const id of before.keys()) if (!after.has(id)) changes.deleted.push(id);
  return changes;
}
