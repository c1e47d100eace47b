/**
 * The curation decisions of the gold layer (`corpus/<cid>/layer/<aid>/gold`, written by the
 * teacher, ARCHITECTURE.md §2): beside its `annotations` (the gold spans themselves), a gold layer
 * has a `decisions` map saying what became of each annotator's span — accepted into a gold record,
 * or rejected. It is keyed by the span's `owner/id`, so one span has one decision, and it lives in
 * the gold layer because only the adjudicator writes it (annotators' layers stay untouched).
 * The server checks its entries like every other root (layer-shape.ts).
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { authorSchema } from './record';

const id = z.string().min(1).max(64);

export const decisionSchema = z.object({
  /** `owner/annotation id` of the annotator's span. */
  about: z.string().regex(/^[^/]{1,64}\/[^/]{1,64}$/),
  verdict: z.enum(['accepted', 'rejected']),
  /** The gold record an accepted span went into. */
  gold: id.optional(),
  author: authorSchema,
  at: z.iso.datetime(),
});

export type Decision = z.infer<typeof decisionSchema>;

export const DECISIONS_ROOT = 'decisions';

export function decisionsMap(gold: Y.Doc): Y.Map<unknown> {
  return gold.getMap<unknown>(DECISIONS_ROOT);
}

export function spanKey(owner: string, annotation: string): string {
  return `${owner}/${annotation}`;
}

/** The valid decisions of a gold layer by span key; malformed entries (a broken peer) are skipped. */
export function readDecisions(gold: Y.Doc): Map<string, Decision> {
  const out = new Map<string, Decision>();
  decisionsMap(gold).forEach((value, key) => {
    const parsed = decisionSchema.safeParse(value && typeof value === 'object' ? { ...value, about: key } : value);
    if (parsed.success) out.set(key, parsed.data);
  });
  return out;
}

/** Sets (or with null, withdraws) the decision on one span; call inside the caller's transaction. */
export function writeDecision(gold: Y.Doc, about: string, decision: Omit<Decision, 'about'> | null): void {
  if (!decision) {
    decisionsMap(gold).delete(about);
    return;
  }
  const { about: _about, ...rest } = decisionSchema.parse({ ...decision, about });
  decisionsMap(gold).set(about, rest);
}
