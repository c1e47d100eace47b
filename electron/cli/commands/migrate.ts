/**
 * `glose migrate --data DIR --postgres URL`: copies a laptop's class (the LevelDB database of
 * `npm run server --data DIR` or "Host a class") into a school's PostgreSQL (docs/deploy-scale.md).
 * Every stored document is read through one snapshot, checked like the server's load (an entry
 * that cannot be applied is skipped with a warning naming it; a name that is not a Glose document
 * is skipped too), stored, then read back from PostgreSQL and compared: the command fails unless
 * the school holds everything the laptop held. The class session (codes, removed members) comes
 * along when the school has none for that corpus; when it has one, the removed members are added
 * to it. Running it again merges (Yjs updates): nothing is duplicated. The server on DIR must be stopped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { parseDocName } from '../../../shared/model/doc-names';
import { classSessionSchema, type ClassSession } from '../../server/class-session';
import { PgStore, transaction } from '../../server/pg-store';
import { applyStoredUpdate } from '../../server/stored-update';
import { openStore } from './database-source';
import { required } from './research-io';

/** Whether `doc` already holds everything in `update`. */
function holds(doc: Y.Doc, update: Uint8Array): boolean {
  return Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}

async function copySession(store: PgStore, dataDir: string): Promise<string | null> {
  const file = path.join(dataDir, 'session.json');
  if (!existsSync(file)) return null;
  const parsed = classSessionSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a Glose class session`);
  const laptop = parsed.data;
  await transaction(store.pool, async (client) => {
    const { rows } = await client.query<{ session: ClassSession }>('SELECT session FROM glose_sessions WHERE corpus = $1 FOR UPDATE', [laptop.corpus]);
    const school = rows[0] ? classSessionSchema.parse(rows[0].session) : null;
    const merged = school ? { ...school, removed: [...new Set([...school.removed, ...laptop.removed])] } : laptop;
    await client.query('INSERT INTO glose_sessions (corpus, session) VALUES ($1, $2) ON CONFLICT (corpus) DO UPDATE SET session = $2', [laptop.corpus, merged]);
  });
  return laptop.corpus;
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, postgres: { type: 'string' } }, strict: true });
  const dataDir = required(values.data, 'data');
  const db = path.join(dataDir, 'db');
  const source = await openStore(db, 'stop the server before migrating its class');
  const target = await PgStore.open(required(values.postgres ?? process.env.GLOSE_POSTGRES, 'postgres'), 2);
  let copied = 0;
  let skipped = 0;
  try {
    for await (const { name, update } of source.snapshot()) {
      const doc = new Y.Doc();
      const usable = parseDocName(name) !== null && applyStoredUpdate(doc, update, `${db}: ${name}`, (m) => console.warn(`glose migrate: ${m}`));
      if (!usable) {
        if (parseDocName(name) === null) console.warn(`glose migrate: ${db}: skipped "${name}", not a Glose document name`);
        skipped++;
        doc.destroy();
        continue;
      }
      const state = Y.encodeStateAsUpdate(doc);
      await target.append(name, state);
      const back = await target.load(name);
      const stored = new Y.Doc();
      if (back) Y.applyUpdate(stored, back);
      if (!back || !holds(stored, state)) throw new Error(`${name}: PostgreSQL does not hold what was copied (${db} is left as it was)`);
      stored.destroy();
      doc.destroy();
      copied++;
    }
    const corpus = await copySession(target, dataDir);
    console.log(`migrated ${copied} documents from ${db} into PostgreSQL${skipped ? ` (${skipped} unreadable, skipped: see the warnings)` : ''}${corpus ? `; the class session of ${corpus} too` : ''}`);
  } finally {
    await source.close();
    await target.close();
  }
}
