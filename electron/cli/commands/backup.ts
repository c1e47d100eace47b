/**
 * `glose backup --data DIR --out FILE [--server URL] [--corpus C]`: a consistent copy of a class
 * database as a glose-backup file (electron/server/backup-format.ts). With the server stopped,
 * it reads DIR/db itself (every corpus). While the server runs (LevelDB admits one process),
 * `--server http://HOST:PORT` asks it for the copy (`GET /api/backup`, one LevelDB snapshot)
 * with a teacher token for corpus C (default `class`) signed with DIR's secret. The file is
 * written as FILE.tmp (mode 0600: it holds the whole class), checked to its end line, then
 * renamed: a FILE that exists is always complete.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { readBackupFile } from '../../server/backup-format';
import { backupStream } from '../../server/backup-route';
import { resolveSecret } from '../../server/secret';
import { mintToken } from '../../server/tokens';
import { openStore } from './database-source';
import { required, write } from './research-io';

async function fromServer(server: string, dataDir: string, corpus: string): Promise<AsyncIterable<Uint8Array | string>> {
  const token = mintToken(resolveSecret(dataDir), { role: 'teacher', user: 'backup', corpus }, 600, Date.now());
  const url = new URL('/api/backup', server);
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new Error(`${url.origin}: the server cannot be reached (${(error as Error).message})`);
  }
  if (!response.ok || !response.body) throw new Error(`${url.origin}: the server refused the backup (HTTP ${response.status}); is --data the data directory of that server?`);
  return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
}

async function* fromDatabase(dataDir: string): AsyncGenerator<string> {
  const store = await openStore(path.join(dataDir, 'db'), 'back it up through the server with --server http://HOST:PORT');
  try {
    yield* backupStream(store, null, new Date());
  } finally {
    await store.close();
  }
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, out: { type: 'string' }, server: { type: 'string' }, corpus: { type: 'string', default: 'class' } },
    strict: true,
  });
  const dataDir = required(values.data, 'data');
  const out = required(values.out, 'out');
  const source = values.server ? await fromServer(values.server, dataDir, values.corpus) : fromDatabase(dataDir);
  const tmp = `${out}.tmp`;
  const file = createWriteStream(tmp, { mode: 0o600 });
  try {
    for await (const chunk of source) await write(file, chunk);
    file.end();
    await once(file, 'finish');
    const documents = await readBackupFile(tmp, () => undefined);
    renameSync(tmp, out);
    console.log(`backed up ${documents} documents to ${out}`);
  } catch (error) {
    file.destroy();
    rmSync(tmp, { force: true });
    throw error;
  }
}
