/**
 * Per-student extensions of an assignment's due time (issue 12, item 1), one entry per assignment
 * and student in the corpus document's `assignmentExtensions` map, keyed `<assignment>:<user>`,
 * valued with the later due time (ms). Before, an extension rewrote the whole assignment entry, so
 * two teacher windows extending at the same moment kept only one of the two; with one entry per
 * student, concurrent extensions for different students merge (for the same student the last
 * write wins, as with any Y.Map key). Taking an extension back deletes its entry. The older
 * `extensions` field of an assignment entry is still read (the map wins over it), so classes
 * saved before keep their extensions; assignments.ts merges both when it reads assignments.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { idSchema } from '../protocol/fields';
import { LOCAL } from './origins';

export const EXTENSIONS_ROOT = 'assignmentExtensions';

export const extensionKeySchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}$/);
export const extensionTimeSchema = z.number().int().positive().max(8.64e15);

export function extensionsMap(corpusDoc: Y.Doc): Y.Map<unknown> {
  return corpusDoc.getMap(EXTENSIONS_ROOT);
}

/** The valid extensions of each assignment: assignment id → user id → due time (ms). */
export function readExtensions(corpusDoc: Y.Doc): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  extensionsMap(corpusDoc).forEach((value, key) => {
    const until = extensionTimeSchema.safeParse(value);
    if (!extensionKeySchema.safeParse(key).success || !until.success) return;
    const [assignment, user] = key.split(':') as [string, string];
    out.set(assignment, { ...out.get(assignment), [user]: until.data });
  });
  return out;
}

/** Gives `user` until `until` (ms) in assignment `id`; null takes the extension back. */
export function setExtension(corpusDoc: Y.Doc, id: string, user: string, until: number | null, origin: unknown = LOCAL): void {
  const key = `${idSchema.parse(id)}:${idSchema.parse(user)}`;
  corpusDoc.transact(() => (until === null ? extensionsMap(corpusDoc).delete(key) : extensionsMap(corpusDoc).set(key, extensionTimeSchema.parse(until))), origin);
}

/** Deletes every extension of assignment `id` (when the assignment is deleted). */
export function dropExtensions(corpusDoc: Y.Doc, id: string): void {
  const map = extensionsMap(corpusDoc);
  for (const key of [...map.keys()]) if (key.startsWith(`${id}:`)) map.delete(key);
}
