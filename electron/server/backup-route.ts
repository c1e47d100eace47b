/**
 * Backups while the server runs. LevelDB admits one process, so a running class is backed up by
 * the server itself: `GET /api/backup` with a teacher token (`Authorization: Bearer …`) streams
 * the token's corpus as a glose-backup file (backup-format.ts), read through one LevelDB
 * snapshot, so the copy is consistent even while students write. `glose backup --server`
 * calls it; offline, the command reads the database itself through `backupStream`.
 */
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Extension } from '@hocuspocus/server';
import { corpusDocName, parseDocName } from '../../shared/model/doc-names';
import { backupLines } from './backup-format';
import { requestAnswered } from './request-answered';
import type { ServerStore } from './pg-store';
import { verifyToken } from './tokens';

/** The lines of a backup of `corpus` (every corpus when null), from one snapshot of the store. */
export async function* backupStream(store: Pick<ServerStore, 'snapshot'>, corpus: string | null, now: Date): AsyncGenerator<string> {
  const lines = backupLines(corpus, now);
  yield lines.header;
  for await (const document of store.snapshot(corpus === null ? '' : corpusDocName(corpus))) {
    if (corpus === null || parseDocName(document.name)?.corpus === corpus) yield lines.document(document);
  }
  yield lines.end();
}

async function streamBackup(store: Pick<ServerStore, 'snapshot'>, corpus: string, now: Date, response: ServerResponse): Promise<void> {
  response.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
  try {
    for await (const line of backupStream(store, corpus, now)) if (!response.write(line)) await once(response, 'drain');
    response.end();
  } catch (error) {
    console.error(`backup of ${corpus} failed: ${(error as Error).message}`);
    response.destroy(); // the file then has no end line: glose backup reports it as cut short
  }
}

export function backupRoute(store: Pick<ServerStore, 'snapshot'>, secret: string, now: () => number): Extension {
  return {
    extensionName: 'glose-backup',
    async onRequest({ request, response }: { request: IncomingMessage; response: ServerResponse }) {
      if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/api/backup' || request.method !== 'GET') return;
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      const verified = verifyToken(secret, bearer, now());
      if (verified.ok && verified.value.role === 'teacher') await streamBackup(store, verified.value.corpus, new Date(now()), response);
      else {
        response.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        response.end(JSON.stringify({ error: 'forbidden' }));
      }
      return requestAnswered();
    },
  };
}
