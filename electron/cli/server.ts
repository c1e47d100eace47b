/**
 * `npm run server -- [--port 8787] [--host 127.0.0.1] [--data .glose-data] [--secret S]
 * [--corpus C] [--title T] [--new-class] [--fsync] [--max-message-bytes N] [--show-teacher-link] [--advertise]
 * [--postgres URL] [--redis URL] [--trusted-proxy ADDRESS…]`: the
 * sync server alone, under plain Node; with --advertise, students' apps on the network list the
 * class (DNS-SD over mDNS, as "Host a class" does). Prints the address and the students' join code (the teacher token and
 * link only with --show-teacher-link: terminals get projected), serves the built app to browsers
 * (dist/renderer, when built) and syncs until SIGINT/SIGTERM. Files it creates are private
 * (umask 077). A damaged database stops it with exit code 1, and so does a data directory that
 * keeps the class of another corpus (a restored class started with another --corpus): --new-class
 * replaces that class on purpose. With --postgres (and --redis, for
 * several processes behind one address) it is one process of a school's server (docs/deploy-scale.md).
 * `GLOSE_QUOTAS` changes quotas (JSON, names as in docs/server.md; an unknown name stops it).
 * It logs JSON lines on stderr (server-log.ts; `GLOSE_LOG_LEVEL`), serves /healthz and /readyz,
 * and /metrics to the bearer of `GLOSE_METRICS_TOKEN` when set; SIGTERM drains (drain.ts).
 * docs/server.md describes every option, docs/deploy.md running it for a school.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reachableAddresses } from '../server/addresses';
import { displayCode } from '../server/class-session';
import { quotasSchema } from '../server/quotas';
import { advertiseSession, bonjourTransport } from '../server/discovery';
import { resolveSecret } from '../server/secret';
import { serverLog } from '../server/server-log';
import { startSyncServer } from '../server/sync-server';
import { mintToken } from '../server/tokens';
import { DEFAULT_DATA_DIR } from './commands/token';

const TEACHER_TOKEN_HOURS = 12;
const RENDERER_DIR = resolve('dist/renderer');


/** The token with its middle hidden: enough to tell two apart, not enough to use. */
function maskedToken(token: string): string {
  return `${token.slice(0, 6)}…${token.slice(-4)}`;
}

async function main(): Promise<void> {
  process.umask(0o077);
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      secret: { type: 'string' },
      corpus: { type: 'string', default: 'class' },
      title: { type: 'string', default: 'Glose class' },
      'new-class': { type: 'boolean', default: false },
      fsync: { type: 'boolean', default: false },
      'max-message-bytes': { type: 'string' },
      'show-teacher-link': { type: 'boolean', default: false },
      advertise: { type: 'boolean', default: false },
      postgres: { type: 'string' },
      redis: { type: 'string' },
      'trusted-proxy': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const secret = values.secret ?? resolveSecret(values.data);
  const maxBytes = values['max-message-bytes'];
  const postgres = values.postgres ?? process.env.GLOSE_POSTGRES;
  const redis = values.redis ?? process.env.GLOSE_REDIS;
  if (redis && !postgres) throw new Error('--redis needs --postgres: the processes of a school share one database (docs/deploy-scale.md)');
  const metricsToken = process.env.GLOSE_METRICS_TOKEN || undefined;
  const trustedProxies = values['trusted-proxy'] ?? (process.env.GLOSE_TRUSTED_PROXIES ?? '').split(',').filter((a) => a.trim() !== '');
  const quotas = process.env.GLOSE_QUOTAS ? quotasSchema.strict().parse(JSON.parse(process.env.GLOSE_QUOTAS)) : undefined;
  const log = serverLog();
  const server = await startSyncServer({
    port: Number(values.port),
    host: values.host,
    dataDir: values.data,
    secret,
    fsync: values.fsync,
    session: { corpus: values.corpus, title: values.title, newClass: values['new-class'] },
    ...(existsSync(RENDERER_DIR) ? { rendererDir: RENDERER_DIR } : {}),
    ...(maxBytes === undefined ? {} : { maxMessageBytes: Number(maxBytes) }),
    ...(postgres ? { school: { postgres, ...(redis ? { redis } : {}) } } : {}),
    ...(metricsToken ? { metricsToken } : {}),
    ...(quotas ? { quotas } : {}),
    trustedProxies,
  }, { now: Date.now, log });
  log.info({ host: values.host, port: server.port, corpus: values.corpus, metrics: metricsToken ? 'token' : 'off' }, 'listening');
  const mdns = values.advertise ? bonjourTransport() : null;
  if (mdns) advertiseSession(mdns, { name: values.title, port: server.port, corpus: values.corpus, title: values.title });
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping');
    mdns?.destroy();
    server.stop().then(() => process.exit(0), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const teacher = mintToken(secret, { role: 'teacher', user: 'teacher', corpus: values.corpus }, TEACHER_TOKEN_HOURS * 3600, Date.now());
  console.log(`Glose sync server listening on ws://${values.host.includes(':') ? `[${values.host}]` : values.host}:${server.port}`);
  console.log(`data directory: ${values.data}`);
  if (postgres) console.log(`documents in PostgreSQL${redis ? ', shared with the other processes through Redis' : ''}`);
  if (mdns) console.log(`advertised on the local network as "${values.title}" (DNS-SD _glose._tcp)`);
  const show = values['show-teacher-link'];
  console.log(`teacher token (corpus ${values.corpus}, ${TEACHER_TOKEN_HOURS} h): ${show ? teacher : `${maskedToken(teacher)} (hidden: run with --show-teacher-link to print it and the teacher link)`}`);
  for (const address of reachableAddresses(values.host)) {
    const base = `http://${address}:${server.port}`;
    if (show) console.log(`teacher link: ${base}/#/join?token=${teacher}`);
    console.log(`students open ${base}/ and type the code ${displayCode(server.session!.studentCode)} (projector: ${displayCode(server.session!.observerCode)})`);
  }
}

main().catch((error: unknown) => {
  console.error(`glose server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
