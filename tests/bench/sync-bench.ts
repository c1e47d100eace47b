/**
 * `npm run bench` suite "sync": a class in one room. Each simulated student holds the
 * article text (with awareness) and every student's layer, creates one annotation per
 * second in their own layer and moves their selection twice per second. Latency is from
 * the write until the record has reached every other student (the slowest receiver);
 * write times travel in the record's note, clocks are `timeOrigin + now()` of threads of
 * one process. The server runs as a child process so its RSS (peak VmRSS) and CPU
 * (utime+stime over the window) come from /proc. The same workload runs through the bare
 * y-websocket 1.5.4 relay (one socket per document, no auth, no persistence) as the
 * baseline. Students live in worker threads (this same file, started with tsx).
 * Full run: 60 s per system and size; --quick: 4 s.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket-relay';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addAnnotation, annotationsMap } from '../../shared/model/layer';
import { newId } from '../../shared/model/record';
import type { BenchOptions, BenchResult } from './bench-types';
import { cpuTicks, freePort, memoryMb, percentile, seedArticle, startChild, startGloseServer, token } from './bench-server';

type System = 'glose' | 'relay';
interface WorkerInput { bench: 'sync'; system: System; url: string; corpus: string; users: string[]; mine: string[]; tokens: Record<string, string> }
type Pace = { durationMs: number; drainMs: number };
type FromWorker = { type: 'ready' } | { type: 'done'; written: string[]; arrivals: [string, number][] };
interface OpenDoc { doc: Y.Doc; awareness: Awareness | null; synced: Promise<void>; destroy: () => void }

const WORKERS = 2;
/** Time for the last writes to arrive after the window, and quiet time before it (connection storms settle). */
const DRAIN_MS = { full: 3_000, quick: 1_500 };
const SETTLE_MS = { full: 3_000, quick: 1_000 };
const now = () => performance.timeOrigin + performance.now();
/** Worker threads do not inherit the tsx loader: register it, then load this file. */
const WORKER_BOOT = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
const layerName = (corpus: string, user: string) => `corpus/${corpus}/layer/a1/${user}`;

// ---------------------------------------------------------------- worker side: students

function student(input: WorkerInput, user: string): (name: string, awareness: boolean) => OpenDoc {
  if (input.system === 'relay') {
    return (name, withAwareness) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(input.url, name, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
      if (!withAwareness) provider.awareness.setLocalState(null);
      const synced = new Promise<void>((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
      return { doc, awareness: withAwareness ? provider.awareness : null, synced, destroy: () => provider.destroy() };
    };
  }
  const socket = new HocuspocusProviderWebsocket({ url: input.url, WebSocketPolyfill: WebSocket });
  return (name, withAwareness) => {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: input.tokens[user]!, ...(withAwareness ? {} : { awareness: null }) });
    provider.attach();
    const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
    return { doc, awareness: provider.awareness, synced, destroy: () => (provider.destroy(), socket.destroy()) };
  };
}

async function workerMain(input: WorkerInput): Promise<void> {
  const written: string[] = [];
  const arrivals: [string, number][] = [];
  const students = input.mine.map((user) => {
    const open = student(input, user);
    const text = open(`corpus/${input.corpus}/text/a1`, true);
    const layers = new Map(input.users.map((u) => [u, open(layerName(input.corpus, u), false)]));
    for (const [owner, { doc }] of layers) {
      if (owner === user) continue;
      annotationsMap(doc).observe((event) => {
        for (const [id, change] of event.changes.keys) {
          const note = change.action === 'add' ? annotationsMap(doc).get(id)?.get('note') : undefined;
          if (typeof note === 'string') arrivals.push([id, now() - Number(note.slice('sent:'.length))]);
        }
      });
    }
    return { user, text, layers };
  });
  await Promise.all(students.flatMap((s) => [s.text.synced, ...[...s.layers.values()].map((l) => l.synced)]));
  parentPort!.postMessage({ type: 'ready' } satisfies FromWorker);
  const pace = await new Promise<Pace>((resolve) => parentPort!.once('message', resolve));
  const timers = students.flatMap((s, i) => {
    const own = s.layers.get(s.user)!.doc;
    const write = () => {
      const id = newId();
      const at = new Date().toISOString();
      const author = { id: s.user, name: s.user, color: '#0072b2' };
      const target = { start: 0, end: 5, exact: 'words', prefix: '', suffix: '' };
      addAnnotation(own, { id, kind: 'claim', target, note: `sent:${now()}`, author, created: at, modified: at, links: [], status: 'open' });
      written.push(id);
    };
    // the app's presence shape (renderer/store/presence.ts): code point offsets
    const select = () => s.text.awareness?.setLocalStateField('selection', { start: Math.floor(Math.random() * 250), end: 250 + Math.floor(Math.random() * 250) });
    const phase = (i * 1000) / students.length;
    return [setTimeout(() => timers.push(setInterval(write, 1000)), phase), setInterval(select, 500)];
  });
  await new Promise((r) => setTimeout(r, pace.durationMs));
  timers.forEach((t) => clearInterval(t));
  await new Promise((r) => setTimeout(r, pace.drainMs));
  parentPort!.postMessage({ type: 'done', written, arrivals } satisfies FromWorker);
  for (const s of students) [s.text, ...s.layers.values()].forEach((d) => d.destroy());
}

// ---------------------------------------------------------------- main side: servers, figures

async function startServer(system: System, dataDir: string, corpus: string): Promise<{ child: ChildProcess; url: string }> {
  if (system === 'glose') {
    const glose = await startGloseServer(dataDir);
    await seedArticle(glose.url, corpus, 'a1');
    return glose;
  }
  const port = await freePort();
  const child = await startChild(['node_modules/y-websocket-relay/bin/server.js'], { ...process.env, HOST: '127.0.0.1', PORT: String(port) });
  return { child, url: `ws://127.0.0.1:${port}` };
}

function rssMb(pid: number): number {
  return memoryMb(pid).rss;
}

interface Measure { p50: number; p99: number; rss: number; cpu: number; incomplete: number; writes: number }

async function measure(system: System, count: number, quick: boolean): Promise<Measure> {
  const mode = quick ? 'quick' : 'full';
  const pace: Pace = { durationMs: quick ? 4_000 : 60_000, drainMs: DRAIN_MS[mode] };
  const dataDir = mkdtempSync(join(tmpdir(), 'glose-bench-'));
  const corpus = 'bench';
  const { child, url } = await startServer(system, dataDir, corpus);
  const users = Array.from({ length: count }, (_, i) => `s${i}`);
  const tokens = Object.fromEntries(users.map((u) => [u, token('student', u, corpus)]));
  const workers = Array.from({ length: WORKERS }, (_, w) => {
    const input: WorkerInput = { bench: 'sync', system, url, corpus, users, mine: users.filter((_, i) => i % WORKERS === w), tokens };
    return new Worker(WORKER_BOOT, { eval: true, workerData: input });
  });
  const next = (w: Worker) => new Promise<FromWorker>((resolve, reject) => w.once('message', resolve).once('error', reject));
  try {
    await Promise.all(workers.map(next));
    await new Promise((r) => setTimeout(r, SETTLE_MS[mode]));
    const pid = child.pid!;
    const ticks0 = cpuTicks(pid);
    const t0 = Date.now();
    let rss = rssMb(pid);
    const sampler = setInterval(() => (rss = Math.max(rss, rssMb(pid))), 500);
    const done = workers.map(next);
    workers.forEach((w) => w.postMessage(pace));
    const reports = (await Promise.all(done)) as Extract<FromWorker, { type: 'done' }>[];
    const cpu = ((cpuTicks(pid) - ticks0) / 100 / ((Date.now() - t0) / 1000)) * 100;
    clearInterval(sampler);
    const slowest = new Map<string, { n: number; max: number }>();
    for (const [id, ms] of reports.flatMap((r) => r.arrivals)) {
      const s = slowest.get(id) ?? { n: 0, max: 0 };
      slowest.set(id, { n: s.n + 1, max: Math.max(s.max, ms) });
    }
    const written = reports.flatMap((r) => r.written);
    const complete = written.map((id) => slowest.get(id)).filter((s) => s?.n === count - 1).map((s) => s!.max).sort((a, b) => a - b);
    return { p50: percentile(complete, 50), p99: percentile(complete, 99), rss, cpu, incomplete: written.length - complete.length, writes: written.length };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run({ quick }: BenchOptions): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const count of [30, 100]) {
    const glose = await measure('glose', count, quick);
    const relay = await measure('relay', count, quick);
    process.stdout.write(`  ${count} students: glose ${JSON.stringify(glose)}\n  ${count} students: relay ${JSON.stringify(relay)}\n`);
    results.push(
      { name: `sync_p50_ms_${count}`, value: glose.p50, unit: 'ms' },
      { name: `sync_p99_ms_${count}`, value: glose.p99, unit: 'ms' },
      { name: `server_rss_mb_${count}`, value: glose.rss, unit: 'MB' },
      { name: `server_cpu_pct_${count}`, value: glose.cpu, unit: '%' },
      { name: `sync_incomplete_${count}`, value: glose.incomplete, unit: 'writes' },
      { name: `baseline_sync_p50_ms_${count}`, value: relay.p50, unit: 'ms' },
      { name: `baseline_sync_p99_ms_${count}`, value: relay.p99, unit: 'ms' },
      { name: `baseline_server_rss_mb_${count}`, value: relay.rss, unit: 'MB' },
      { name: `baseline_server_cpu_pct_${count}`, value: relay.cpu, unit: '%' },
      { name: `sync_p99_ratio_${count}`, value: glose.p99 / relay.p99, unit: 'x' },
    );
  }
  return results;
}

if (!isMainThread && (workerData as WorkerInput | null)?.bench === 'sync') {
  workerMain(workerData as WorkerInput).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
