/**
 * `glose restore FILE --data DIR`: recreates a class database from a glose-backup file, or from
 * a corpus bundle when FILE ends in .zip (bundle-restore.ts). The
 * whole file is checked first (end line, count, checksum, every name and update), so a damaged
 * or cut backup changes nothing. It restores only into a new database: DIR/db must be absent or
 * empty (move a damaged one away first; nothing is overwritten). The restored database is
 * sealed like one a server stopped cleanly. The signing secret and class codes are not in a
 * backup: the server makes new ones, and students join again with the new code — unless
 * `--identities-from OLD_DIR` carries them from the old data directory (restored-identities.ts),
 * so that students' passes still open their work. The command says which, and what became of
 * the roster (restored-roster.ts), in the terminal's language.
 */
import path from 'node:path';
import * as Y from 'yjs';
import { parseArgs } from 'node:util';
import { readBackupFile } from '../../server/backup-format';
import { DocStore } from '../../server/storage';
import { classify } from '../../server/storage-integrity';
import { restoreBundle } from './bundle-restore';
import { required } from './research-io';
import { rosterNotice } from './restored-roster';
import { readRoster } from '../../../shared/model/roster';
import { parseDocName } from '../../../shared/model/doc-names';
import { checkFits, readIdentities, writeIdentities } from './restored-identities';

/** The number of members in the roster of a corpus document's state. */
function rosterSize(update: Uint8Array): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const size = readRoster(doc).size;
  doc.destroy();
  return size;
}

export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { data: { type: 'string' }, 'identities-from': { type: 'string' } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error('usage: glose restore FILE --data DIR [--identities-from OLD_DIR]');
  const dataDir = required(values.data, 'data');
  const db = path.join(dataDir, 'db');
  const identities = values['identities-from'] === undefined ? null : readIdentities(values['identities-from']);
  const mustBeNew = (): void => {
    if (classify(db) !== 'new') throw new Error(`${db} already holds a database: restore into a new data directory, or move this one away first`);
  };
  if (/\.zip$/i.test(file)) {
    if (identities) throw new Error('--identities-from restores a backup, not a bundle: a bundle is a research export, and its layers may be pseudonymised');
    mustBeNew();
    const { articles, members } = await restoreBundle(file, db);
    console.log(`restored ${articles} articles into ${db}`);
    console.log(rosterNotice('bundle', members));
    return;
  }
  const corpora = new Set<string>();
  const count = await readBackupFile(file, ({ name }) => void corpora.add(parseDocName(name)!.corpus));
  mustBeNew();
  if (identities) checkFits(identities, corpora, dataDir);
  const store = await DocStore.open(db, { fsync: false });
  let members = 0;
  try {
    await readBackupFile(file, async ({ name, update }) => {
      if (/^corpus\/[^/]+$/.test(name)) members += rosterSize(update);
      await store.load(name);
      await store.append(name, update);
    });
  } finally {
    await store.close();
  }
  if (identities) writeIdentities(identities, dataDir);
  console.log(`restored ${count} documents into ${db}`);
  console.log(rosterNotice(identities ? 'kept' : 'backup', members));
}
