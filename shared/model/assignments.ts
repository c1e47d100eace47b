/**
 * Assignments (issue 12, item 1): the teacher picks articles of the class, writes instructions
 * (plain text with light formatting, rendered as text), chooses the kinds students use (the
 * class tagset, or a subset of its kinds) and an optional due time, which they can extend per
 * student. They live in the corpus document's `assignments` map, one plain JSON entry per
 * assignment, written by the teacher only; the server checks every entry with this schema
 * (classwork-shape.ts) and applies the due-time rule below with its own clock.
 *
 * The due-time rule: a student's layer of an article is closed when the article belongs to at
 * least one assignment and, in every assignment it belongs to, the due time for that student
 * (their extension if they have one, else the assignment's due time) has passed. An assignment
 * without a due time never closes anything.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { idSchema } from '../protocol/fields';
import { dropExtensions, readExtensions, setExtension } from './assignment-extensions';
import { LOCAL } from './origins';

export const ASSIGNMENTS_ROOT = 'assignments';

const kindKey = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);
const time = z.number().int().positive().max(8.64e15);

export const assignmentSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  articles: z.array(idSchema).min(1).max(200),
  /** plain text: blank lines separate paragraphs, "- " starts a bullet, *text* is emphasis */
  instructions: z.string().max(5_000),
  /** the kinds students use; null: the whole class tagset */
  kinds: z.array(kindKey).min(1).max(32).nullable(),
  /** ms since the epoch; null: no due time */
  due: time.nullable(),
  /** a later due time for some students, by user id */
  extensions: z.record(idSchema, time).refine((e) => Object.keys(e).length <= 500, 'too many extensions'),
  created: time,
});

export type Assignment = z.infer<typeof assignmentSchema>;
export type Assignments = ReadonlyMap<string, Assignment>;

export function assignmentsMap(corpusDoc: Y.Doc): Y.Map<unknown> {
  return corpusDoc.getMap(ASSIGNMENTS_ROOT);
}

/** Valid assignments by id, with their extensions (assignment-extensions.ts); a malformed entry is skipped. */
export function readAssignments(corpusDoc: Y.Doc): Map<string, Assignment> {
  const out = new Map<string, Assignment>();
  const extensions = readExtensions(corpusDoc);
  assignmentsMap(corpusDoc).forEach((value, id) => {
    const parsed = assignmentSchema.safeParse(value);
    if (parsed.success) out.set(id, { ...parsed.data, extensions: { ...parsed.data.extensions, ...extensions.get(id) } });
  });
  return out;
}

export function writeAssignment(corpusDoc: Y.Doc, id: string, assignment: Assignment, origin: unknown = LOCAL): void {
  const checked = assignmentSchema.parse(assignment);
  corpusDoc.transact(() => assignmentsMap(corpusDoc).set(idSchema.parse(id), checked), origin);
}

export function deleteAssignment(corpusDoc: Y.Doc, id: string, origin: unknown = LOCAL): void {
  corpusDoc.transact(() => {
    assignmentsMap(corpusDoc).delete(id);
    dropExtensions(corpusDoc, id);
  }, origin);
}

/**
 * Gives `user` until `until` (ms) in assignment `id`; null takes the extension back. Written as its
 * own entry (assignment-extensions.ts), so concurrent extensions merge; an extension kept in the
 * entry by an older version of the app is taken out of it when taken back.
 */
export function extendFor(corpusDoc: Y.Doc, id: string, user: string, until: number | null, origin: unknown = LOCAL): void {
  const entry = assignmentSchema.safeParse(assignmentsMap(corpusDoc).get(id));
  if (!entry.success) return;
  corpusDoc.transact(() => {
    setExtension(corpusDoc, id, user, until, origin);
    if (until !== null || !(user in entry.data.extensions)) return;
    const { [user]: _dropped, ...extensions } = entry.data.extensions;
    writeAssignment(corpusDoc, id, { ...entry.data, extensions }, origin);
  }, origin);
}

/** The due time of `assignment` for `user` (ms), null when it has none. */
export function dueFor(assignment: Assignment, user: string): number | null {
  if (assignment.due === null) return null;
  return assignment.extensions[user] ?? assignment.due;
}

/** The assignments that include `article`, by id. */
export function assignmentsOf(assignments: Assignments, article: string): [string, Assignment][] {
  return [...assignments].filter(([, a]) => a.articles.includes(article));
}

/** The kinds students may use on `article`: the union over its assignments; null (any kind) when it
 * belongs to none or to one that allows the whole tagset. */
export function kindsFor(assignments: Assignments, article: string): Set<string> | null {
  const including = assignmentsOf(assignments, article);
  if (including.length === 0 || including.some(([, a]) => a.kinds === null)) return null;
  return new Set(including.flatMap(([, a]) => a.kinds!));
}

/** The due-time rule (above): whether `user`'s work on `article` is closed at `now`. */
export function isClosed(assignments: Assignments, article: string, user: string, now: number): boolean {
  const including = assignmentsOf(assignments, article);
  if (including.length === 0) return false;
  return including.every(([, a]) => {
    const due = dueFor(a, user);
    return due !== null && due <= now;
  });
}

/** When `user`'s work on `article` closes (ms), or null when it does not. */
export function closesAt(assignments: Assignments, article: string, user: string): number | null {
  const dues = assignmentsOf(assignments, article).map(([, a]) => dueFor(a, user));
  if (dues.length === 0 || dues.includes(null)) return null;
  return Math.max(...(dues as number[]));
}
