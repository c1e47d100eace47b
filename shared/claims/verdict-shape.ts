/**
 * What the server checks of the teacher's verdicts (verdict.ts) in a corpus document, on the
 * scratch copy an update was applied to (electron/server/update-check.ts): every entry of the
 * `verdicts` map the update touched is a plain object passing the verdict schema (strict: no
 * other field), nothing is nested inside one, and its author is the writer named by the token,
 * never someone else. Only the teacher can write a corpus document at all (permissions.ts), so a
 * student's or the projector's verdict never gets this far. Deleting an entry is always allowed.
 */
import * as Y from 'yjs';
import { verdictSchema, VERDICTS_ROOT } from './verdict';

/** Made once: zod compiles each schema object on its first parse. */
const STRICT_VERDICT = verdictSchema.strict();

/** Declares the verdicts root as a map before an update is applied, so the check sees the type the update changes. */
export function declareVerdicts(doc: Y.Doc): void {
  doc.getMap<unknown>(VERDICTS_ROOT);
}

/** Why the verdicts an update touched are not valid, or null. `writer` is the token's user id. */
export function verdictsProblem(doc: Y.Doc, transaction: Y.Transaction, writer: string): string | null {
  const map = doc.getMap<unknown>(VERDICTS_ROOT);
  const root: unknown = map;
  const touched = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    if (type === root) {
      for (const key of keys) if (key !== null) touched.add(key);
      continue;
    }
    for (let parent = type._item?.parent; parent; parent = (parent as Y.AbstractType<unknown>)._item?.parent) {
      if (parent === root) return `${VERDICTS_ROOT}: content nested inside an entry`;
    }
  }
  for (const key of touched) {
    if (!map.has(key)) continue;
    const value = map.get(key);
    if (value === null || typeof value !== 'object' || value instanceof Y.AbstractType) return `${VERDICTS_ROOT}/${key}: an entry must be a plain object`;
    const parsed = STRICT_VERDICT.safeParse({ ...value, about: key });
    if (!parsed.success) return `${VERDICTS_ROOT}/${key}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
    if (parsed.data.author.id !== writer) return `${VERDICTS_ROOT}/${key}: the author must be the writer`;
  }
  return null;
}
