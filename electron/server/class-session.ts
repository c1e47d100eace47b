/**
 * A hosted class: its corpus and the two join codes the teacher hands out, one for students
 * and one for observers (the classroom projector). Codes are short, unambiguous to read aloud
 * (no 0/O, 1/I/L), and kept in the data directory so a restarted server keeps its codes. The
 * teacher can rotate the codes and remove members; the class's creation time bounds which old
 * tokens may renew an identity (http-api.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { idSchema } from '../../shared/protocol/fields';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const classSessionSchema = z.object({
  corpus: idSchema,
  title: z.string().max(200),
  studentCode: z.string().regex(/^[A-Z0-9]{6}$/),
  observerCode: z.string().regex(/^[A-Z0-9]{6}$/),
  /** When the class was created, ms since the epoch (absent in sessions written before it was kept). */
  created: z.number().int().nonnegative().optional(),
  /** Members the teacher removed: their tokens are refused. */
  removed: z.array(z.string().max(64)).default([]),
});

export type ClassSession = z.infer<typeof classSessionSchema>;

export function newCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[random(ALPHABET.length)];
  return code;
}

/** "abc-def", " ABC DEF " → "ABCDEF"; what a person types is forgiven its case and separators. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** "ABCDEF" → "ABC-DEF", the form shown and read aloud. */
export function displayCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

function freshCodes(): Pick<ClassSession, 'studentCode' | 'observerCode'> {
  const studentCode = newCode();
  let observerCode = newCode();
  while (observerCode === studentCode) observerCode = newCode();
  return { studentCode, observerCode };
}

/** Where a laptop's or a single server's class session is kept: `session.json` in the data directory. */
export function sessionFile(dataDir: string): string {
  return join(dataDir, 'session.json');
}

export function saveSession(dataDir: string, session: ClassSession): void {
  writeFileSync(sessionFile(dataDir), JSON.stringify(session, null, 2) + '\n', { mode: 0o600 });
}

/** A new session of `corpus`, with fresh codes. */
export function newSessionFor(corpus: string, title: string, now = Date.now()): ClassSession {
  return { corpus, title, ...freshCodes(), created: now, removed: [] };
}

/**
 * The session stored in `dataDir` for `corpus`, created with fresh codes when there is none.
 * A session kept there for another corpus (a restored class started with another `--corpus`),
 * or one that cannot be read, stops the start with a message that names it: silently making a
 * new class would hand out new codes and forget the members the teacher removed. `newClass`
 * replaces it on purpose (`npm run server -- --new-class`).
 */
export function loadOrCreateSession(dataDir: string, corpus: string, title: string, now = Date.now(), newClass = false): ClassSession {
  const file = sessionFile(dataDir);
  if (existsSync(file) && !newClass) {
    const kept = keptSession(file);
    if (kept.corpus === corpus) return kept;
    throw new Error(
      `${file} holds the class "${kept.title}" of corpus "${kept.corpus}" (its join codes and removed members), not "${corpus}": ` +
        `start it with --corpus ${kept.corpus}, or start a new class of "${corpus}" on purpose with --new-class (new join codes; the removed members are forgotten)`,
    );
  }
  const session = newSessionFor(corpus, title, now);
  saveSession(dataDir, session);
  return session;
}

/** A kept `session.json` that cannot be read; the desktop app tells the teacher in their language (hosting.ts). */
export class DamagedSessionError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} is damaged (${reason}): restore it, or start a new class on purpose with --new-class`);
  }
}

/** The session kept in `file`, checked; a file that is not one throws `DamagedSessionError` and is left as it is. */
export function keptSession(file: string): ClassSession {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DamagedSessionError(file, error instanceof Error ? error.message : String(error));
  }
  const parsed = classSessionSchema.safeParse(json);
  if (!parsed.success) throw new DamagedSessionError(file, parsed.error.issues[0]?.message ?? 'not a class session');
  return parsed.data;
}

/** New join codes (the old ones stop working at once); the session object is changed in place. */
export function rotateCodes(session: ClassSession): void {
  Object.assign(session, freshCodes());
}

export function removeMember(session: ClassSession, user: string): void {
  if (!session.removed.includes(user)) session.removed.push(user);
}

/**
 * Where a class's session is kept: a change (rotateCodes, removeMember) is made on the kept
 * session and saved, and the live object is updated in place. A laptop keeps it in the data
 * directory; a school's server of several processes in PostgreSQL, told to every process
 * through Redis (school-session.ts).
 */
export interface SessionKeeper {
  change(session: ClassSession, edit: (kept: ClassSession) => void): Promise<void>;
}

export function fileSessionKeeper(dataDir: string): SessionKeeper {
  return {
    async change(session, edit) {
      edit(session);
      saveSession(dataDir, session);
    },
  };
}
