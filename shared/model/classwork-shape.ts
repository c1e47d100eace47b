/**
 * What the server accepts in the corpus document's assignments and teams (assignments.ts,
 * assignment-extensions.ts, teams.ts): checked on a scratch copy before an update is stored (electron/server/
 * update-check.ts), like the layers' shape (layer-shape.ts). Every assignment or team entry
 * an update touches must be a plain JSON value passing its schema, and after a change to the
 * teams nobody may be in two of them. Deleting an entry is always allowed.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import { EXTENSIONS_ROOT, extensionKeySchema, extensionTimeSchema } from './assignment-extensions';
import { assignmentSchema, ASSIGNMENTS_ROOT } from './assignments';
import { readTeams, sharedMember, teamIdSchema, teamSchema, TEAMS_ROOT } from './teams';
import { idSchema } from '../protocol/fields';

const ROOTS: Record<string, { key: z.ZodType; value: z.ZodType }> = {
  [ASSIGNMENTS_ROOT]: { key: idSchema, value: assignmentSchema },
  [TEAMS_ROOT]: { key: teamIdSchema, value: teamSchema },
  [EXTENSIONS_ROOT]: { key: extensionKeySchema, value: extensionTimeSchema },
};

/** Declares the classwork roots as maps, so a scratch copy reads them with the right type before an update is applied. */
export function classworkRoots(doc: Y.Doc): void {
  for (const name of Object.keys(ROOTS)) doc.getMap(name);
}

function entryProblem(root: string, key: string, value: unknown): string | null {
  const { key: keySchema, value: valueSchema } = ROOTS[root]!;
  if (!keySchema.safeParse(key).success) return `${root}: invalid id ${JSON.stringify(key)}`;
  if (value instanceof Y.AbstractType) return `${root}/${key}: an entry must be plain JSON`;
  const parsed = valueSchema.safeParse(value);
  return parsed.success ? null : `${root}/${key}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
}

/** The root of the document that `type` is or lies inside, with whether it is that root itself. */
function rootOf(doc: Y.Doc, type: Y.AbstractType<unknown>): { name: string | undefined; nested: boolean } {
  let root = type;
  while (root._item) root = root._item.parent as Y.AbstractType<unknown>;
  const name = [...doc.share].find(([, shared]) => (shared as unknown) === root)?.[0];
  return { name, nested: root !== type };
}

/** Why the assignment and team entries `transaction` touched are not valid, or null when they are. */
export function classworkProblem(doc: Y.Doc, transaction: Y.Transaction): string | null {
  let teamsChanged = false;
  for (const [type, keys] of transaction.changed) {
    const { name, nested } = rootOf(doc, type as Y.AbstractType<unknown>);
    if (name === undefined || !ROOTS[name]) continue;
    // content inside an entry (a nested shared type) is never valid here
    if (nested) return `${name}: content inside an entry`;
    teamsChanged ||= name === TEAMS_ROOT;
    const map = doc.getMap<unknown>(name);
    for (const key of keys) {
      if (key === null) return `${name}: content outside its entries`;
      if (!map.has(key)) continue; // deleted: always allowed
      const problem = entryProblem(name, key, map.get(key));
      if (problem) return problem;
    }
  }
  const twice = teamsChanged ? sharedMember(readTeams(doc)) : null;
  return twice ? `teams: ${twice} is in two teams` : null;
}
