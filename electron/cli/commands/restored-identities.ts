/**
 * `glose restore BACKUP --data NEW_DIR --identities-from OLD_DIR`: the class goes on with the
 * same people. A backup holds documents only; who may open them is decided by the signing secret
 * (the passes students hold are signed with it) and the class session (the join codes, when the
 * class was created, the members the teacher removed). Both are carried from OLD_DIR, the old data
 * directory (or a folder where its `secret` and `session.json` were kept apart), into NEW_DIR:
 * students' passes open their own layers again, and removed members stay refused.
 * It is a flag, not what every backup holds: a backup file travels (nightly, off the machine), and
 * with the secret inside every copy would be a key that opens the live class as its teacher, and
 * a copy restored at another school would accept this class's passes (docs/server.md).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { classSessionSchema, saveSession, sessionFile, type ClassSession } from '../../server/class-session';
import { privateDir } from '../../server/private-files';
import { readSecretFile, secretFile } from '../../server/secret';

export interface Identities {
  from: string;
  secret: string | null;
  session: ClassSession | null;
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What OLD_DIR holds of the class's identities; refuses a folder that holds neither, or a damaged session. */
export function readIdentities(dir: string): Identities {
  const secret = readSecretFile(dir);
  const file = sessionFile(dir);
  let session: ClassSession | null = null;
  if (existsSync(file)) {
    const parsed = classSessionSchema.safeParse(parseOrNull(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a Glose class session: nothing was restored`);
    session = parsed.data;
  }
  if (secret === null && session === null) throw new Error(`${dir} holds neither a signing secret (secret) nor a class session (session.json): is it the class's data directory? Nothing was restored`);
  return { from: dir, secret, session };
}

/** Refuses identities of a class whose corpus the backup does not hold (the keys of another class). */
export function checkFits(identities: Identities, corpora: ReadonlySet<string>, newDir: string): void {
  const corpus = identities.session?.corpus;
  if (corpus !== undefined && !corpora.has(corpus)) throw new Error(`the class session of ${identities.from} is for corpus "${corpus}", which this backup does not hold: nothing was restored`);
  for (const file of [secretFile(newDir), sessionFile(newDir)]) if (existsSync(file)) throw new Error(`${file} already exists: restore into a new data directory; nothing was restored`);
}

/** Writes the carried secret and session into NEW_DIR (0600 files in a 0700 directory). */
export function writeIdentities(identities: Identities, newDir: string): void {
  privateDir(newDir);
  if (identities.secret !== null) writeFileSync(secretFile(newDir), `${identities.secret}\n`, { mode: 0o600, flag: 'wx' });
  if (identities.session !== null) saveSession(newDir, identities.session);
}
