/**
 * Shared parts of the server tests: a real sync server on port 0 over a real LevelDB
 * directory in a temp folder, real HocuspocusProviders (one shared websocket per client,
 * `ws` as the WebSocket implementation), token minting and bounded waiting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { ServerStore } from '../../electron/server/pg-store';
import { startSyncServer, type SyncServer, type SyncServerDeps, type SyncServerOptions } from '../../electron/server/sync-server';
import { mintToken, type Role } from '../../electron/server/tokens';
import { addArticle } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import { annotationsMap } from '../../shared/model/layer';
import type { Annotation } from '../../shared/model/record';
import { RawClient } from './raw-client';

export const SECRET = 'test-secret-0123456789abcdef0123456789';
export const CORPUS = 'c1';

export function tempDir(prefix = 'glose-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function token(role: Role, user: string, corpus = CORPUS, ttlSeconds = 3600, now = Date.now()): string {
  return mintToken(SECRET, { role, user, corpus }, ttlSeconds, now);
}

/** The articles every test server's corpus has (students may open only layers of the corpus's articles). */
export const ARTICLES = ['a1', '000'];

export async function startServer(dataDir: string, extra: Partial<SyncServerOptions> = {}, articles = ARTICLES, deps?: SyncServerDeps): Promise<SyncServer> {
  const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, secret: SECRET, ...extra }, deps);
  await seedArticles(server.url, articles);
  return server;
}

/** A running server of the tests below, and clients that close with it. */
export interface LiveServer {
  readonly server: SyncServer;
  client: () => Client;
  /** a raw-protocol connection (raw-client.ts), closed with the server */
  raw: () => Promise<RawClient>;
}

/** How serverFor's server starts: the corpus's articles (default ARTICLES) and the server's clock. */
export interface ServerSetup {
  articles?: string[];
  now?: () => number;
}

/**
 * A real server over a fresh temporary folder for each test (`'each'`) or for the whole file or
 * describe block (`'all'`), stopped with its clients and its folder removed after.
 */
export function serverFor(scope: 'each' | 'all', extra: Partial<SyncServerOptions> = {}, setup: ServerSetup = {}): LiveServer {
  let running: { server: SyncServer; dir: string } | undefined;
  const pool = clientPool(() => live.server.url);
  const raws: RawClient[] = [];
  const live: LiveServer = {
    get server() {
      if (!running) throw new Error('the server is not running: serverFor starts it in a before hook');
      return running.server;
    },
    client: pool.client,
    raw: async () => (raws.push(await RawClient.connect(live.server.url)), raws.at(-1)!),
  };
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    const dir = tempDir();
    running = { server: await startServer(dir, extra, setup.articles, setup.now && { now: setup.now }), dir };
  });
  after(async () => {
    pool.destroyAll();
    raws.splice(0).forEach((r) => r.close());
    if (!running) return;
    await running.server.stop();
    removeDir(running.dir);
    running = undefined;
  });
  return live;
}

/** Resolves when `check` holds; rejects with `what` after `ms`. */
export async function waitFor(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface OpenDoc {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Set when the server refused the document. */
  denied: string | null;
  scope: string | null;
  stateless: string[];
}

/** One client: one websocket multiplexing every document it opens. */
export class Client {
  readonly socket: HocuspocusProviderWebsocket;
  readonly docs: OpenDoc[] = [];

  constructor(url: string, options: { delay?: number } = {}) {
    this.socket = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: WebSocket,
      delay: options.delay ?? 50,
      minDelay: 20,
      maxDelay: 200,
      factor: 1.5,
      maxAttempts: 0,
    });
  }

  open(name: string, tokenValue: string, doc = new Y.Doc()): OpenDoc {
    const open: OpenDoc = { doc, provider: null as unknown as HocuspocusProvider, denied: null, scope: null, stateless: [] };
    open.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      token: tokenValue,
      onAuthenticationFailed: ({ reason }) => (open.denied = reason),
      onAuthenticated: ({ scope }) => (open.scope = scope),
      onStateless: ({ payload }) => open.stateless.push(payload),
    });
    open.provider.attach();
    this.docs.push(open);
    return open;
  }

  /** Opens and waits for the first sync (or a refusal). */
  async openSynced(name: string, tokenValue: string, doc = new Y.Doc()): Promise<OpenDoc> {
    const open = this.open(name, tokenValue, doc);
    await waitFor(() => open.provider.isSynced || open.denied !== null, `sync of ${name}`);
    return open;
  }

  destroy(): void {
    for (const { provider } of this.docs) provider.destroy();
    this.socket.destroy();
  }
}

/** A valid annotation record by `user` (ids and times fixed, so tests are reproducible). */
export function record(id: string, user: string, start = 0): Annotation {
  return {
    id,
    kind: 'claim',
    target: { start, end: start + 5, exact: 'words', prefix: '', suffix: '' },
    note: `note ${id}`,
    author: { id: user, name: user, color: '#0072b2' },
    created: '2025-01-01T00:00:00.000Z',
    modified: '2025-01-01T00:00:00.000Z',
    links: [],
    status: 'open',
  };
}

/** Ids of the records in a layer document, sorted. */
export function recordIds(doc: Y.Doc): string[] {
  return [...annotationsMap(doc).keys()].sort();
}

/** Clients made during a test, destroyed together at its end. */
export function clientPool(url: () => string): { client: () => Client; destroyAll: () => void } {
  const made: Client[] = [];
  return {
    client: () => {
      const c = new Client(url());
      made.push(c);
      return c;
    },
    destroyAll: () => made.splice(0).forEach((c) => c.destroy()),
  };
}

/** Lists articles `ids` in the corpus document, as the teacher's app does (their texts are left alone). */
export async function seedArticles(url: string, ids: string[], corpus = CORPUS): Promise<void> {
  const teacher = new Client(url);
  try {
    const open = await teacher.openSynced(corpusDocName(corpus), token('teacher', 'seeder', corpus));
    for (const [order, id] of ids.entries()) {
      addArticle(open.doc, new Y.Doc(), { id, title: `Article ${id}`, language: 'en', source: 'test', order }, `Some words of article ${id}.`);
    }
    await waitFor(() => !open.provider.hasUnsyncedChanges, 'the article list at the server');
  } finally {
    teacher.destroy();
  }
}

/** Ids of the records of a layer as a store holds it; the store is closed after. */
export async function storedRecordIds(store: Pick<ServerStore, 'load' | 'close'>, name: string): Promise<string[]> {
  try {
    const doc = new Y.Doc();
    const update = await store.load(name);
    if (update) Y.applyUpdate(doc, update);
    return recordIds(doc);
  } finally {
    await store.close();
  }
}

/** One write the server made to a socket (recordWrites): whose socket, and what it carried. */
export interface SocketWrite { who: string; bytes: Buffer }

/** Records in `log`, under `who`, what each write to `socket` carries (one `_write` or `_writev`: one system call). */
export function recordWrites(socket: Socket, who: string, log: SocketWrite[]): void {
  const target = socket as unknown as { _write: (chunk: Buffer, ...rest: unknown[]) => void; _writev: (chunks: { chunk: Buffer }[], ...rest: unknown[]) => void };
  const [write, writev] = [target._write, target._writev];
  target._write = (chunk, ...rest) => (log.push({ who, bytes: Buffer.from(chunk) }), write.call(socket, chunk, ...rest));
  target._writev = (chunks, ...rest) => (log.push({ who, bytes: Buffer.concat(chunks.map((c) => Buffer.from(c.chunk))) }), writev.call(socket, chunks, ...rest));
}
