/**
 * `npm run server -- [--port 8787] [--host 127.0.0.1] [--data .glose-data] [--secret S]
 * [--corpus C] [--fsync] [--max-message-bytes N]`: the sync server alone, under plain Node.
 * Prints the address and a teacher token for the corpus, then serves until SIGINT/SIGTERM.
 * docs/server.md describes every option.
 */
import { parseArgs } from 'node:util';
import { resolveSecret } from '../server/secret';
import { startSyncServer } from '../server/sync-server';
import { mintToken } from '../server/tokens';
import { DEFAULT_DATA_DIR } from './commands/token';

const TEACHER_TOKEN_HOURS = 12;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      secret: { type: 'string' },
      corpus: { type: 'string', default: 'class' },
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
    ...(maxBytes === undefined ? {} : { maxMessageBytes: Number(maxBytes) }),
  });
  const teacher = mintToken(secret, { role: 'teacher', user: 'teacher', corpus: values.corpus }, TEACHER_TOKEN_HOURS * 3600, Date.now());
  console.log(`Glose sync server listening on ws://${values.host.includes(':') ? `[${values.host}]` : values.host}:${server.port}`);
  console.log(`data directory: ${values.data}`);
  console.log(`teacher token (corpus ${values.corpus}, ${TEACHER_TOKEN_HOURS} h): ${teacher}`);
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
