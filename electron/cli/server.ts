/**
 * `npm run server -- [--port 8787] [--host 127.0.0.1] [--data .glose-data] [--secret S]
 * [--corpus C] [--title T] [--fsync] [--max-message-bytes N]`: the sync server alone, under plain
 * Node. Prints the address, a teacher link and the students' join code, serves the built app to
 * browsers (dist/renderer, when built) and syncs until SIGINT/SIGTERM.
 * docs/server.md describes every option.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reachableAddresses } from '../server/addresses';
import { displayCode } from '../server/class-session';
import { resolveSecret } from '../server/secret';
import { startSyncServer } from '../server/sync-server';
import { mintToken } from '../server/tokens';
import { DEFAULT_DATA_DIR } from './commands/token';

const TEACHER_TOKEN_HOURS = 12;
const RENDERER_DIR = resolve('dist/renderer');


async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      secret: { type: 'string' },
      corpus: { type: 'string', default: 'class' },
      title: { type: 'string', default: 'Glose class' },
      fsync: { type: 'boolean', default: false },
      'max-message-bytes': { type: 'string' },
    },
    strict: true,
  });
  const secret = values.secret ?? resolveSecret(values.data);
  const maxBytes = values['max-message-bytes'];
  const server = await startSyncServer({
    port: Number(values.port),
    host: values.host,
    dataDir: values.data,
    secret,
    fsync: values.fsync,
    session: { corpus: values.corpus, title: values.title },
    ...(existsSync(RENDERER_DIR) ? { rendererDir: RENDERER_DIR } : {}),
    ...(maxBytes === undefined ? {} : { maxMessageBytes: Number(maxBytes) }),
  });
  const teacher = mintToken(secret, { role: 'teacher', user: 'teacher', corpus: values.corpus }, TEACHER_TOKEN_HOURS * 3600, Date.now());
  console.log(`Glose sync server listening on ws://${values.host.includes(':') ? `[${values.host}]` : values.host}:${server.port}`);
  console.log(`data directory: ${values.data}`);
  console.log(`teacher token (corpus ${values.corpus}, ${TEACHER_TOKEN_HOURS} h): ${teacher}`);
  for (const address of reachableAddresses(values.host)) {
    const base = `http://${address}:${server.port}`;
    console.log(`teacher link: ${base}/#/join?token=${teacher}`);
    console.log(`students open ${base}/ and type the code ${displayCode(server.session!.studentCode)} (projector: ${displayCode(server.session!.observerCode)})`);
  }
  const stop = () => {
    server.stop().then(() => process.exit(0), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`glose server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
