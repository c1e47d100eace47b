/**
 * `glose restore FILE --data DIR`: recreates a class database from a glose-backup file, or from
 * a corpus bundle when FILE ends in .zip (bundle-restore.ts). The
 * whole file is checked first (end line, count, checksum, every name and update), so a damaged
 * or cut backup changes nothing. It restores only into a new database: DIR/db must be absent or
 * empty (move a damaged one away first; nothing is overwritten). The restored database is
 * sealed like one a server stopped cleanly. The signing secret and class codes are not in a
 * backup: the server makes new ones, and students join again with the new code.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readBackupFile } from '../../server/backup-format';
import { DocStore } from '../../server/storage';
import { classify } from '../../server/storage-integrity';
import { restoreBundle } from './bundle-restore';
import { required } from './research-io';

export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { data: { type: 'string' } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error('usage: glose restore FILE --data DIR');
  const db = path.join(required(values.data, 'data'), 'db');
  const mustBeNew = (): void => {
    if (classify(db) !== 'new') throw new Error(`${db} already holds a database: restore into a new data directory, or move this one away first`);
  };
  if (/\.zip$/i.test(file)) {
    mustBeNew();
    console.log(`restored ${await restoreBundle(file, db)} articles into ${db}`);
    return;
  }
  const count = await readBackupFile(file, () => undefined);
  mustBeNew();
  const store = await DocStore.open(db, { fsync: false });
  try {
    await readBackupFile(file, async ({ name, update }) => {
      await store.load(name);
      await store.append(name, update);
    });
  } finally {
    await store.close();
  }
  console.log(`restored ${count} documents into ${db}`);
}
