/**
 * The Glose sync server: Hocuspocus with signed-token access per document name, LevelDB
 * persistence that saves a write before acknowledging it, a message size limit and
 * read-only connections for what a role may only read. Embedded in the app ("Host a
 * class") and run alone by `npm run server` (electron/cli/server.ts); never imports
 * electron. All options live in `syncServerOptionsSchema` (docs/server.md lists them).
 */
import { join } from 'node:path';
import { Server, type onAuthenticatePayload } from '@hocuspocus/server';
import { z } from 'zod';
import { idSchema } from '../../shared/protocol/fields';
import { corpusDocName } from '../../shared/model/doc-names';
import { memberColor } from '../../shared/model/member-colors';
import { readRoster, recordMember as recordRosterMember, rosterMap, type RosterEntry } from '../../shared/model/roster';
import { reachableAddresses } from './addresses';
import { lightAwareness } from './awareness-scratch';
import { backupRoute } from './backup-route';
import { fileSessionKeeper, loadOrCreateSession, type ClassSession, type SessionKeeper } from './class-session';
import { heartbeat } from './heartbeat';
import { httpApi } from './http-api';
import { trustedProxySet } from './client-address';
import { classPolicy } from './class-policy';
import { compactionQueue } from './compaction-queue';
import { drain } from './drain';
import { serverMetrics } from './metrics';
import { countSent } from './sent-bytes';
import { turnWrites } from './turn-writes';
import { presencePace } from './presence-pace';
import { observedAccess, observedWrites } from './observed-access';
import { opsHttp } from './ops-http';
import { silentLog, type ServerLog } from './server-log';
import { decide, OPEN_POLICY, type CorpusPolicy } from './permissions';
import { persistence } from './persistence';
import type { ServerStore } from './pg-store';
import { privateDir } from './private-files';
import { presenceFilter } from './presence-filter';
import { presenceGuard } from './presence-guard';
import { quotasSchema } from './quotas';
import { reasonText, Refusal } from './reasons';
import { openSchool, schoolOptionsSchema, type School } from './school';
import { socketBudget, type SocketBudget } from './socket-budget';
import { DocStore } from './storage';
import { verifyToken, type Claims } from './tokens';
import { errorNotice, writeGuard, type EntryRules, type WriteRule } from './write-guard';
import { classworkRefusal } from './classwork-rules';
import { studentEntryRule } from './entry-rules';

export const syncServerOptionsSchema = z.object({
  /** TCP port; 0 lets the system pick a free one (tests). */
  port: z.number().int().min(0).max(65_535).default(8787),
  /** Address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for the class network. */
  host: z.string().min(1).default('127.0.0.1'),
  /** Data directory: the LevelDB database is its `db` folder (and `secret` its signing secret, see secret.ts). */
  dataDir: z.string().min(1),
  /** HMAC-SHA256 secret that signs session tokens (at least 32 characters). */
  secret: z.string().min(32),
  /** Largest WebSocket frame accepted; a bigger one closes that client's socket (code 1009). */
  maxMessageBytes: z.number().int().positive().default(8 * 1024 * 1024),
  /** fsync every write: survives power loss too, not only a killed process; slower. */
  fsync: z.boolean().default(false),
  /**
   * Documents one socket may have waiting for authentication at once. A student opens the
   * text and every layer of an article together (class size + 3); Hocuspocus's default of
   * 100 closes the socket of a student in a class of 100.
   */
  maxPendingDocuments: z.number().int().positive().default(500),
  /** Quiet time before a changed document is compacted in the database, ms. */
  compactDebounceMs: z.number().int().nonnegative().default(2_000),
  /** The class this server hosts: students join it with its code (http-api.ts). */
  /** `newClass`: replace a session kept in the data directory (class-session.ts loadOrCreateSession) */
  session: z.object({ corpus: idSchema, title: z.string().max(200), newClass: z.boolean().optional() }).optional(),
  /** Built renderer to serve over HTTP, so students can open the app from the teacher's address. */
  rendererDir: z.string().optional(),
  /** Per-user and per-connection quotas (quotas.ts; defaults in docs/server.md). */
  quotas: quotasSchema.prefault({}),
  /** A school's server of several processes: PostgreSQL instead of LevelDB, Redis between processes (school.ts, docs/deploy-scale.md). */
  school: schoolOptionsSchema.optional(),
  /** Bearer token that may read GET /metrics; without it /metrics is not served (ops-http.ts, docs/deploy.md). */
  metricsToken: z.string().min(16).optional(),
  /** Reverse proxies in front of this server, by address: their X-Forwarded-For names the client (client-address.ts). */
  trustedProxies: z.array(z.string()).default([]),
});

export type SyncServerOptions = z.input<typeof syncServerOptionsSchema>;

export interface SyncServerDeps {
  /** Clock for token expiry, ms since the epoch. */
  now: () => number;
  /** Structured log (server-log.ts); silent when absent. */
  log?: ServerLog;
}

/** What onAuthenticate leaves in the connection context. */
export interface SessionContext {
  claims: Claims;
}

export interface SyncServer {
  /** ws:// URL clients connect to. */
  url: string;
  port: number;
  host: string;
  store: ServerStore;
  /** The hosted class and its join codes, when the server was started with `session`. */
  session: ClassSession | null;
  hocuspocusServer: Server<SessionContext>;
  /** Drains (drain.ts) and closes the database: nothing acknowledged is lost. */
  stop(): Promise<void>;
}

/** The hosted class's session and where its changes are kept: the data directory, or the school's database. */
async function classSession(
  options: z.infer<typeof syncServerOptionsSchema>,
  school: School | null,
  disconnect: (corpus: string, user: string) => void,
): Promise<{ session: ClassSession | null; keeper: SessionKeeper }> {
  if (!options.session) return { session: null, keeper: fileSessionKeeper(options.dataDir) };
  if (school) return school.classSession(options.session, disconnect);
  return { session: loadOrCreateSession(options.dataDir, options.session.corpus, options.session.title, Date.now(), options.session.newClass), keeper: fileSessionKeeper(options.dataDir) };
}

export function databaseDir(dataDir: string): string {
  return join(dataDir, 'db');
}

export function authenticate(
  secret: string,
  now: () => number,
  policy: (corpus: string) => CorpusPolicy | Promise<CorpusPolicy> = () => OPEN_POLICY,
  budget: Pick<SocketBudget, 'take' | 'refused'> = { take: () => undefined, refused: async () => undefined },
) {
  const decideAccess = async ({ token, documentName, connectionConfig, socketId }: onAuthenticatePayload<SessionContext>): Promise<SessionContext> => {
    const verified = verifyToken(secret, token, now());
    if (!verified.ok) throw new Refusal(verified.error);
    const known = policy(verified.value.corpus);
    const decision = decide(verified.value, documentName, known instanceof Promise ? await known : known);
    if (decision.access === 'deny') throw new Refusal(decision.reason ?? 'forbidden-read');
    budget.take(socketId, verified.value.user);
    connectionConfig.readOnly = decision.access === 'read';
    return { claims: verified.value };
  };
  return async (payload: onAuthenticatePayload<SessionContext>): Promise<SessionContext> => {
    try {
      return await decideAccess(payload);
    } catch (error) {
      await budget.refused(payload.socketId);
      throw error;
    }
  };
}

export async function startSyncServer(input: SyncServerOptions, deps: SyncServerDeps = { now: Date.now }): Promise<SyncServer> {
  const options = syncServerOptionsSchema.parse(input);
  lightAwareness();
  turnWrites();
  presencePace();
  const log = deps.log ?? silentLog();
  let draining = false;
  privateDir(options.dataDir);
  const school = options.school ? await openSchool(options.school) : null;
  const store: ServerStore = school?.store ?? (await DocStore.open(databaseDir(options.dataDir), { fsync: options.fsync }));
  const { session, keeper } = await classSession(options, school, (corpus, user) => disconnect(corpus, user));
  const policies = classPolicy(() => server.hocuspocus);
  const budget = socketBudget(options.quotas);
  /** The class policy, with the members the teacher removed when this server hosts the class. */
  const policyFor = (corpus: string): CorpusPolicy | Promise<CorpusPolicy> => {
    const removed = session?.corpus === corpus ? new Set(session.removed) : undefined;
    const known = policies.policy(corpus);
    return known instanceof Promise ? known.then((p) => ({ ...p, removed })) : { ...known, removed };
  };
  /** Closes the open connections of a removed member. */
  const disconnect = (corpus: string, user: string): void => {
    for (const document of server.hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        const claims = connection.context?.claims;
        if (claims?.corpus !== corpus || claims.user !== user) continue;
        connection.sendStateless(errorNotice('member-removed', document.name)); // the app shows why
        connection.close({ code: 4403, reason: reasonText('member-removed') });
      }
    }
  };
  const metrics = serverMetrics(() => server.hocuspocus);
  const timedStore = metrics.timedStore(store);
  const compactions = compactionQueue((name) => timedStore.compact(name));
  /** Assignments' due times and team layers (classwork-rules.ts), with the server's clock. */
  const classworkRule: WriteRule = (claims, name) => {
    const known = policies.policy(claims.corpus);
    return known instanceof Promise ? null : classworkRefusal(claims, name, known.classwork, deps.now());
  };
  /** Assignments' kinds and class votes (entry-rules.ts). */
  const entryRules: EntryRules = (claims, name) => {
    const known = policies.policy(claims.corpus);
    return known instanceof Promise ? null : studentEntryRule(claims, name, known);
  };
  const server: Server<SessionContext> = new Server<SessionContext>({
    port: options.port,
    address: options.host,
    quiet: true,
    stopOnSignals: false,
    debounce: options.compactDebounceMs,
    maxDebounce: options.compactDebounceMs * 5,
    websocketOptions: { maxPayload: options.maxMessageBytes },
    maxPendingDocuments: options.maxPendingDocuments,
    extensions: [...(school?.extensions ?? []), metrics.extension(), writeGuard(options.quotas, deps.now, observedWrites(metrics, log), classworkRule, school?.writeRate(options.quotas, deps.now), entryRules), presenceGuard(options.quotas, deps.now), presenceFilter((corpus) => policies.presenceRules(corpus)), persistence(timedStore, compactions), backupRoute(store, options.secret, deps.now), heartbeat()],
    onAuthenticate: observedAccess(authenticate(options.secret, deps.now, policyFor, budget), metrics, log),
    onDisconnect: async ({ socketId, context }) => budget.release(socketId, context?.claims?.user),
    onRequest: opsHttp({ metrics, metricsToken: options.metricsToken ?? null, ready: () => !draining, log }, httpApi({
      session,
      keeper,
      disconnect,
      ...(school?.limiter ? { limiter: school.limiter } : {}),
      trustedProxies: trustedProxySet(options.trustedProxies),
      secret: options.secret,
      rendererDir: options.rendererDir ?? null,
      now: deps.now,
      recordMember,
      addresses: (): string[] => reachableAddresses(options.host).map((a) => `http://${a.includes(':') ? `[${a}]` : a}:${server.address.port}`),
    })),
  });
  countSent(server.hocuspocus, metrics.sent);
  /**
   * The server records who joined in the corpus roster (clients learn from it which layers exist),
   * up to the roster quota, and gives them their colour (member-colors.ts): it returns the colour,
   * or null when the roster is full.
   */
  async function recordMember(corpus: string, user: string, entry: RosterEntry): Promise<string | null> {
    const connection = await server.hocuspocus.openDirectConnection(corpusDocName(corpus));
    const admitted = !school || (await school.admit(corpus, user, [...rosterMap(connection.document!).keys()], options.quotas.maxRoster));
    let color: string | null = null;
    await connection.transact((doc) => {
      if (!admitted || (!rosterMap(doc).has(user) && rosterMap(doc).size >= options.quotas.maxRoster)) return;
      color = memberColor(readRoster(doc), user, entry.color);
      recordRosterMember(doc, user, { ...entry, color });
    });
    await connection.disconnect();
    return color;
  }
  try {
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.listen().then(() => resolve(), reject);
    });
  } catch (error) {
    await (school ?? store).close();
    throw error;
  }
  const { port } = server.address;
  const urlHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `ws://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${port}`,
    port,
    host: options.host,
    store,
    session,
    hocuspocusServer: server,
    async stop() {
      draining = true;
      await policies.close();
      await drain(server, log);
      await compactions.stop();
      await (school ?? store).close();
    },
  };
}
