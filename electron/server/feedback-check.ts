/**
 * The write rules of a student's feedback document (shared/model/feedback.ts), checked on the
 * scratch copy by update-check.ts: who may open it is permissions.ts's business (the student
 * and teachers); what they write is checked here. Only the `feedback` and `seen` maps exist;
 * every entry an update adds or changes passes its schema (sizes included) and names the
 * token's user as its author (`seen`: is keyed by them), so a student cannot write as the
 * teacher; and nobody changes or deletes an entry someone else wrote. The previous value of
 * each touched entry is heard from the scratch copy's map events while the update applies.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import { FEEDBACK_ROOT, feedbackEntrySchema, SEEN_ROOT, seenSchema } from '../../shared/model/feedback';
import { touchedEntries } from '../../shared/model/layer-shape';

/** Declares the roots of a feedback document as maps, so a scratch copy reads them with the right type. */
export function feedbackRoots(doc: Y.Doc): void {
  doc.getMap(FEEDBACK_ROOT);
  doc.getMap(SEEN_ROOT);
}

/** `schema` strict, made once (zod compiles each schema object on its first parse). */
const SCHEMAS: Record<string, { schema: z.ZodObject; key: string; writer: (value: Record<string, unknown>, key: string) => unknown }> = {
  [FEEDBACK_ROOT]: { schema: feedbackEntrySchema.strict(), key: 'id', writer: (value) => (value.author as { id?: unknown } | undefined)?.id },
  [SEEN_ROOT]: { schema: seenSchema.strict(), key: 'user', writer: (_value, key) => key },
};

function plain(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !(value instanceof Y.AbstractType) && !Array.isArray(value);
}

function problemOf(root: string, key: string, before: unknown, now: unknown, writer: string): string | null {
  const rule = SCHEMAS[root];
  if (!rule) return `a feedback document has no root ${JSON.stringify(root)}`;
  if (plain(before) && rule.writer(before, key) !== writer) return `${root}/${key}: written by someone else`;
  if (now === undefined) return null; // the writer's own entry, deleted
  if (!plain(now)) return `${root}/${key}: an entry must be a plain object`;
  const parsed = rule.schema.safeParse({ ...now, [rule.key]: key });
  if (!parsed.success) return `${root}/${key}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  if (root === FEEDBACK_ROOT && now.annotation !== undefined && now.article === undefined) return `${root}/${key}: a mark without its article`;
  if (rule.writer(now, key) !== writer) return `${root}/${key}: the author is not the writer`;
  return null;
}

/**
 * Applies an update (`apply`) to the scratch copy of a feedback document written by `writer`,
 * and says why it is refused, or null.
 */
export function feedbackProblem(scratch: Y.Doc, writer: string, apply: () => Y.Transaction[]): string | null {
  const before = new Map<string, unknown>();
  const maps = [FEEDBACK_ROOT, SEEN_ROOT].map((root) => {
    const map = scratch.getMap<unknown>(root);
    const listen = (event: Y.YMapEvent<unknown>) => {
      for (const [key, change] of event.changes.keys) if (!before.has(`${root}/${key}`)) before.set(`${root}/${key}`, change.oldValue);
    };
    map.observe(listen);
    return () => map.unobserve(listen);
  });
  let transactions: Y.Transaction[];
  try {
    transactions = apply();
  } finally {
    for (const stop of maps) stop();
  }
  for (const tr of transactions) {
    const touched = touchedEntries(scratch, tr);
    if (typeof touched === 'string') return touched;
    for (const { root, keys } of touched) {
      for (const key of keys) {
        const map = scratch.getMap<unknown>(root);
        const problem = problemOf(root, key, before.get(`${root}/${key}`), map.has(key) ? map.get(key) : undefined, writer);
        if (problem) return problem;
      }
    }
  }
  return null;
}
