/**
 * The shape a layer document may have, checked by the server on a scratch copy before it
 * stores an update (electron/server/update-check.ts): its only root maps are `annotations`
 * (one Y.Map per record, fields from the record schema and nothing else, no nested Yjs types)
 * and the discussion maps `replies`, `votes` and `statuses`, and the gold layer's curation
 * `decisions` (curation.ts), the carried marks of a newer version (versions/carried-layer.ts)
 * and the votes on claims' verdicts `verdictVotes` (shared/claims/verdict.ts) (plain JSON
 * entries). Only the entries an update touched are checked, so a big layer costs no more than a small one.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import { VERDICT_VOTES_ROOT, verdictVoteSchema } from '../claims/verdict';
import { decisionSchema, DECISIONS_ROOT } from './curation';
import { replySchema, statusRecordSchema, voteSchema } from './discussion';
import { annotationSchema } from './record';
import { CARRIED_ROOT, carriedEntrySchema } from '../versions/carried-layer';

const RECORD_FIELDS = new Set(Object.keys(annotationSchema.shape).filter((k) => k !== 'id'));
/** Made once: zod compiles each schema object on its first parse, so a `.strict()` made per write compiled on every write. */
const STRICT_RECORD = annotationSchema.strict();

/** Each root map of a layer with how to check one of its entries (null when valid, else why not). */
const ROOTS: Record<string, (key: string, value: unknown) => string | null> = {
  annotations: checkRecord,
  replies: plainCheck(replySchema, 'id'),
  votes: plainCheck(voteSchema, 'about'),
  statuses: plainCheck(statusRecordSchema, 'about'),
  [DECISIONS_ROOT]: plainCheck(decisionSchema, 'about'),
  // article versions: which records were carried from the previous version (versions/carried-layer.ts)
  [CARRIED_ROOT]: plainCheck(carriedEntrySchema, 'id'),
  [VERDICT_VOTES_ROOT]: plainCheck(verdictVoteSchema, 'about'),
};

export const LAYER_ROOTS = Object.keys(ROOTS);

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

function checkRecord(key: string, value: unknown): string | null {
  if (!(value instanceof Y.Map)) return 'a record must be a map';
  for (const [field, inner] of value.entries()) {
    if (!RECORD_FIELDS.has(field)) return `unknown record field ${JSON.stringify(field)}`;
    if (inner instanceof Y.AbstractType) return `record field ${field} holds a shared type`;
  }
  const parsed = STRICT_RECORD.safeParse({ ...value.toJSON(), id: key });
  return parsed.success ? null : issues(parsed.error);
}

/** The check of a root of plain JSON entries whose map key is the entry's `keyField`. */
function plainCheck(schema: z.ZodObject, keyField: string): (key: string, value: unknown) => string | null {
  const strict = schema.strict();
  return (key, value) => {
    if (value === null || typeof value !== 'object' || value instanceof Y.AbstractType) return 'an entry must be a plain object';
    const parsed = strict.safeParse({ ...value, [keyField]: key });
    return parsed.success ? null : issues(parsed.error);
  };
}

/** Declares the root types of a layer as maps, so a scratch copy reads them with the right type. */
export function layerRoots(doc: Y.Doc): void {
  for (const name of LAYER_ROOTS) doc.getMap(name);
}

/** The root entries a transaction changed: root name → keys (a change deep inside an entry counts for that entry). */
export function touchedEntries(doc: Y.Doc, transaction: Y.Transaction): { root: string; keys: Set<string> }[] | string {
  const names = new Map<unknown, string>([...doc.share].map(([name, type]) => [type, name]));
  const touched = new Map<string, Set<string>>();
  for (const [type, keys] of transaction.changed) {
    let child = type;
    let entryKey: string | null = null;
    while (child._item) {
      entryKey = child._item.parentSub;
      child = child._item.parent as typeof type;
    }
    const root = names.get(child);
    if (root === undefined) return 'a change outside any named root';
    const added = type === child ? [...keys] : [entryKey];
    if (added.includes(null)) return `content outside the entries of ${JSON.stringify(root)}`;
    const set = touched.get(root) ?? new Set<string>();
    touched.set(root, set);
    for (const key of added) set.add(key!);
  }
  return [...touched].map(([root, keys]) => ({ root, keys }));
}

/** Why the touched entries of a layer are not valid, or null when they are. */
export function layerShapeProblem(doc: Y.Doc, touched: { root: string; keys: Set<string> }[]): string | null {
  for (const { root, keys } of touched) {
    const check = ROOTS[root];
    if (!check) return `layer has no root ${JSON.stringify(root)}`;
    const map = doc.getMap<unknown>(root);
    for (const key of keys) {
      if (!map.has(key)) continue; // deleted: always allowed
      const problem = check(key, map.get(key));
      if (problem) return `${root}/${key}: ${problem}`;
    }
  }
  return null;
}
