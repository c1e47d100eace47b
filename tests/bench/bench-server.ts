/**
 * The sync server as a benchmark runs it: a child process (`npm run server`'s entry) on a free
 * port over a fresh data directory, so its memory and CPU come from /proc alone; with the
 * corpus's article list seeded by a teacher connection (students open only listed articles).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SERVER_NODE_FLAGS } from '../../electron/cli/server-node-flags';
import { mintToken } from '../../electron/server/tokens';
import { addArticle } from '../../shared/model/corpus';

export const SECRET = 'bench-secret-0123456789abcdef0123456789';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

/** Starts `args` (a node script and its arguments) and resolves once its stdout says it listens. */
export async function startChild(args: string[], env: NodeJS.ProcessEnv = process.env, stderr: 'inherit' | 'ignore' = 'inherit'): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', stderr], env });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => ((out += chunk.toString()), /listening on|running at/.test(out) && resolve()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return child;
}

/** Node's arguments and environment that load loop-probe.ts into a child, reporting to the file `probe` on SIGUSR2. */
export function probed(probe: string | undefined, env: NodeJS.ProcessEnv): { args: string[]; env: NodeJS.ProcessEnv } {
  return probe ? { args: ['--import', 'tsx', '--import', './tests/bench/loop-probe.ts'], env: { ...env, GLOSE_PROBE: probe } } : { args: ['--import', 'tsx'], env };
}

/**
 * The server runs with the Node flags it is deployed with (server-node-flags.ts;
 * `GLOSE_SERVER_HEAP_FLOOR=off` leaves them out, to compare). `quiet` drops the server's stderr (an attack makes it log every refusal); `extra`: more
 * arguments (`--postgres URL`…); `probe`: a file its loop probe reports to (loop-probe.ts).
 */
export async function startGloseServer(dataDir: string, quiet = false, extra: string[] = [], probe?: string): Promise<{ child: ChildProcess; url: string; port: number }> {
  const port = await freePort();
  const node = probed(probe, { ...process.env, GLOSE_LOG_LEVEL: 'warn' });
  const args = [...(process.env.GLOSE_SERVER_HEAP_FLOOR === 'off' ? [] : SERVER_NODE_FLAGS), ...node.args, 'electron/cli/server.ts', '--port', String(port), '--data', dataDir, '--secret', SECRET, ...extra];
  const child = await startChild(args, node.env, quiet ? 'ignore' : 'inherit');
  return { child, url: `ws://127.0.0.1:${port}`, port };
}

export function token(role: 'teacher' | 'student' | 'observer', user: string, corpus: string): string {
  return mintToken(SECRET, { role, user, corpus }, 3600, Date.now());
}

/** Lists article `id` in the corpus document through a teacher connection, and waits for the server's ack. */
export async function seedArticle(url: string, corpus: string, id: string): Promise<void> {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `corpus/${corpus}`, document: doc, token: token('teacher', 'teacher', corpus) });
  provider.attach();
  await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
  addArticle(doc, new Y.Doc(), { id, title: id, language: 'en', source: 'bench', order: 0 }, 'Some words of the bench article.');
  await new Promise<void>((resolve) => {
    const check = () => (provider.hasUnsyncedChanges ? setTimeout(check, 10) : resolve());
    check();
  });
  provider.destroy();
  socket.destroy();
}

/** CPU time a process has used (user + system), in clock ticks of 10 ms. */
export function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
}

/** Resident memory of a process now, and its peak so far, MB. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
