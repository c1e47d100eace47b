/**
 * "Host a class" in the desktop app: starts the class server inside the app (plain Node code
 * from electron/server, listening on the classroom network), keeps its data and secret in the
 * app's data folder, advertises it on the network (mDNS) and gives the teacher a token. Hosting
 * again returns the running server. It also lists the classes others host nearby.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DiscoveredClass, HostClassResult, MethodInput } from '../../shared/api/contract';
import { reachableAddresses } from '../server/addresses';
import { DamagedSessionError, keptSession, sessionFile } from '../server/class-session';
import { advertiseSession, browseSessions, type DnsSdTransport } from '../server/discovery';
import { resolveSecret } from '../server/secret';
import { startSyncServer, type SyncServer } from '../server/sync-server';
import { mintToken } from '../server/tokens';

export const CLASS_PORT = 8787;
const TEACHER_TOKEN_HOURS = 12;

export interface HostingDeps {
  /** the app's data folder; the class lives in its `class` subfolder */
  userData: string;
  /** the built renderer, served to students' browsers */
  rendererDir: string;
  now: () => number;
  /** where to listen: 0.0.0.0 in the app, 127.0.0.1 in tests */
  host?: string;
  /** first port to try; the next ones are tried while it is taken */
  port?: number;
  /** mDNS, created when first needed: the hosted class is advertised, others are browsed */
  discovery: () => DnsSdTransport;
}

/** How long the first look for classes on the network waits for answers. */
const FIRST_BROWSE_MS = 1500;

/** The corpus of the hosted class: the one of the previous session in this folder (checked: a damaged one throws), or a new one. */
function hostedCorpus(dataDir: string): string {
  const file = sessionFile(dataDir);
  return existsSync(file) ? keptSession(file).corpus : `class-${randomBytes(6).toString('hex')}`;
}

export function classHost(deps: HostingDeps) {
  let running: { server: SyncServer; secret: string; advert: { stop(): void } } | null = null;
  let transport: DnsSdTransport | null = null;
  let browser: ReturnType<typeof browseSessions> | null = null;
  const mdns = () => (transport ??= deps.discovery());

  async function start(title: string): Promise<{ server: SyncServer; secret: string; advert: { stop(): void } }> {
    const dataDir = join(deps.userData, 'class');
    const secret = resolveSecret(dataDir);
    const session = { corpus: hostedCorpus(dataDir), title };
    const first = deps.port ?? CLASS_PORT;
    for (let port = first; port < first + 10; port++) {
      try {
        const server = await startSyncServer({ port, host: deps.host ?? '0.0.0.0', dataDir, secret, session, rendererDir: deps.rendererDir });
        const advert = advertiseSession(mdns(), { name: title, port: server.port, corpus: session.corpus, title });
        return { server, secret, advert };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      }
    }
    throw new Error(`ports ${first}–${first + 9} are all taken`);
  }

  return {
    async host({ title }: MethodInput<'hostClass'>): Promise<HostClassResult> {
      try {
        running ??= await start(title);
      } catch (error) {
        // the kept class is refused, not replaced: the teacher is told which file, in their language (HostClass.tsx)
        if (error instanceof DamagedSessionError) return { error: 'damaged', file: error.file, message: error.reason };
        return { error: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
      const { server, secret } = running;
      const corpus = server.session!.corpus;
      const token = mintToken(secret, { role: 'teacher', user: 'teacher', corpus }, TEACHER_TOKEN_HOURS * 3600, deps.now());
      const addresses = reachableAddresses(server.host).map((a) => `http://${a}:${server.port}`);
      return { server: `http://127.0.0.1:${server.port}`, token, corpus, addresses };
    },
    /** The classes advertised on the network (this one included), as join addresses. */
    async discover(): Promise<DiscoveredClass[]> {
      if (!browser) {
        browser = browseSessions(mdns(), () => undefined);
        await new Promise((resolve) => setTimeout(resolve, FIRST_BROWSE_MS));
      }
      return browser.sessions().map((s) => ({ name: s.name, title: s.title, server: s.url.replace(/^ws/, 'http') }));
    },
    async stop(): Promise<void> {
      running?.advert.stop();
      browser?.stop();
      transport?.destroy();
      await running?.server.stop();
      running = null;
      browser = null;
      transport = null;
    },
  };
}
