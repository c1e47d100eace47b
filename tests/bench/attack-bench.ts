/**
 * `npm run bench` suite "attack" (alone: `npm run bench -- --only=attack`): one hostile student
 * floods a class server (child process) with the attacks of issue 9 — 7.4 MB frames of ~650k
 * tiny items from three sockets at once, 20,000 layer documents for invented article ids on one
 * socket, a disk flood of valid records, and 7 MB awareness states — while another student (the
 * canary) writes a record every 50 ms and times each write until its acknowledgement. The
 * attacker runs in a worker thread (this same file), so its own work never delays the canary.
 * Figures: the canary's p99 acknowledgement time, the server's peak RSS (VmHWM), and how much
 * the data directory grew. The attacker sends at the speed of a 100 Mbit/s wired link (what one
 * laptop can push; on loopback it could push far more than any classroom network carries).
 * Full run: 20 s of attack; --quick: 6 s.
 */
import { execFileSync } from 'node:child_process';
import * as encoding from 'lib0/encoding';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { addAnnotation } from '../../shared/model/layer';
import type { Annotation } from '../../shared/model/record';
import { authFrame, awarenessFrame, frame, MSG, RawClient, updateFrame } from '../server/raw-client';
import type { BenchOptions, BenchResult } from './bench-types';
import { cpuTicks, memoryMb, percentile, seedArticle, startGloseServer, token } from './bench-server';

const CORPUS = 'bench';
/** The attacker's link: 100 Mbit/s wired Ethernet, faster than any classroom Wi-Fi. */
const LINK_BYTES_PER_SECOND = 12.5e6;
/** Worker threads do not inherit the tsx loader: register it, then load this file. */
const WORKER_BOOT = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
const layer = (owner: string, article = 'a1') => `corpus/${CORPUS}/layer/${article}/${owner}`;

function annotation(id: string, user: string, note = 'n'): Annotation {
  const at = new Date().toISOString();
  return { id, kind: 'claim', target: { start: 0, end: 5, exact: 'words', prefix: '', suffix: '' }, note, author: { id: user, name: user, color: '#0072b2' }, created: at, modified: at, links: [], status: 'open' };
}

/** ~650k tiny items in one update (~7.4 MB). */
function tinyItems(): Uint8Array {
  const doc = new Y.Doc();
  const map = doc.getMap('annotations');
  doc.transact(() => {
    for (let i = 0; i < 650_000; i++) map.set(i.toString(36), 0);
  });
  return Y.encodeStateAsUpdate(doc);
}

/** A valid update of five records with long notes (~100 KB), fresh each call. */
function bulkRecords(n: number): Uint8Array {
  const doc = new Y.Doc();
  for (let i = 0; i < 5; i++) addAnnotation(doc, annotation(`flood${n}x${i}`, 'mal', 'x'.repeat(19_000)));
  return Y.encodeStateAsUpdate(doc);
}

/** An awareness update of about 7 MB (one client's state: count, client id, clock, JSON). */
function hugePresence(): Uint8Array {
  const state = { user: { id: 'mal', name: 'Teacher', color: '#000000' }, article: 'x'.repeat(7 * 1024 * 1024), selection: null };
  return frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 4242), encoding.writeVarUint(e, 1), encoding.writeVarString(e, JSON.stringify(state))));
}

function duMb(dir: string): number {
  return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) / 1024;
}

/** The canary, connected before the attack: `write()` sends a record on its own layer; `times()` gives each write's time to acknowledgement. */
async function canary(url: string): Promise<{ write: () => void; times: () => Promise<number[]> }> {
  const client = await RawClient.connect(url);
  await client.open(layer('ana'), token('student', 'ana', CORPUS));
  const sent: number[] = [];
  const times: number[] = [];
  client.ws.on('message', () => {
    const acks = client.acks(layer('ana')).length;
    while (times.length < acks && times.length < sent.length) times.push(performance.now() - sent[times.length]!);
  });
  const doc = new Y.Doc();
  return {
    write() {
      const before = Y.encodeStateVector(doc);
      addAnnotation(doc, annotation(`ana${sent.length}`, 'ana'));
      sent.push(performance.now());
      client.send(updateFrame(layer('ana'), Y.encodeStateAsUpdate(doc, before)));
    },
    async times() {
      await new Promise((r) => setTimeout(r, 1_000));
      // a write never acknowledged counts with the time it has waited
      while (times.length < sent.length) times.push(performance.now() - sent[times.length]!);
      client.close();
      return times;
    },
  };
}

interface Payloads {
  big: Uint8Array;
  presence: Uint8Array;
  records: Uint8Array[];
}

interface AttackInput {
  bench: 'attack';
  url: string;
  ms: number;
}

async function attack(url: string, { big, presence, records }: Payloads, ms: number): Promise<void> {
  const mal = token('student', 'mal', CORPUS);
  const sockets = await Promise.all([0, 1, 2, 3, 4].map(() => RawClient.connect(url, true)));
  for (const s of sockets.slice(0, 3)) await s.open(layer('mal'), mal);
  await sockets[3]!.open(layer('mal'), mal);
  await sockets[4]!.open(`corpus/${CORPUS}`, mal);
  parentPort!.postMessage('ready');
  const end = Date.now() + ms;
  const until = () => Date.now() > end;
  // 20,000 invented article ids on one socket, at once
  for (let i = 0; i < 20_000; i++) sockets[4]!.send(authFrame(layer('mal', `invented${i}`), mal));
  let n = 0;
  // frames are built once; the attacker sends them at its link's speed
  const frames = { big: updateFrame(layer('mal'), big), presence: awarenessFrame(`corpus/${CORPUS}`, presence), records: records.map((r) => updateFrame(layer('mal'), r)) };
  let sentBytes = 0;
  const started = Date.now();
  const send = async (socket: RawClient, frame: Uint8Array) => {
    socket.send(frame);
    sentBytes += frame.length;
    const due = started + (sentBytes / LINK_BYTES_PER_SECOND) * 1000;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
  };
  while (!until()) {
    for (const s of sockets.slice(0, 3)) await send(s, frames.big);
    for (let i = 0; i < 20; i++) await send(sockets[3]!, frames.records[n++ % frames.records.length]!);
    await send(sockets[4]!, frames.presence);
    if (sockets[4]!.ws.readyState !== sockets[4]!.ws.OPEN || sockets[4]!.received.some((m) => m.type === MSG.close)) {
      sockets[4] = await RawClient.connect(url, true);
      await sockets[4].open(`corpus/${CORPUS}`, mal);
    }
  }
  sockets.forEach((s) => s.close());
  parentPort!.postMessage('done');
}

export async function run({ quick }: BenchOptions): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'glose-attack-'));
  const { child, url } = await startGloseServer(dataDir, true);
  try {
    await seedArticle(url, CORPUS, 'a1');
    const idle = memoryMb(child.pid!).rss;
    const disk0 = duMb(dataDir);
    const ana = await canary(url);
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { bench: 'attack', url, ms: quick ? 6_000 : 20_000 } satisfies AttackInput });
    const next = () => new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await next(); // payloads built, sockets open
    const timer = setInterval(() => ana.write(), 50);
    const [ticks0, t0] = [cpuTicks(child.pid!), Date.now()];
    await next();
    const cpu = ((cpuTicks(child.pid!) - ticks0) / 100 / ((Date.now() - t0) / 1000)) * 100;
    clearInterval(timer);
    await worker.terminate();
    const sorted = (await ana.times()).sort((a, b) => a - b);
    const { peak } = memoryMb(child.pid!);
    const alive = child.exitCode === null;
    process.stdout.write(`  canary writes ${sorted.length}, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms; server RSS idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB; server CPU ${cpu.toFixed(0)} %; alive ${alive}\n`);
    return [
      { name: 'attack_canary_p99_ms', value: percentile(sorted, 99), unit: 'ms' },
      { name: 'attack_canary_p50_ms', value: percentile(sorted, 50), unit: 'ms' },
      { name: 'attack_server_rss_mb', value: peak, unit: 'MB' },
      { name: 'attack_server_cpu_pct', value: cpu, unit: '%' },
      { name: 'attack_disk_growth_mb', value: duMb(dataDir) - disk0, unit: 'MB' },
    ];
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (!isMainThread && (workerData as AttackInput | null)?.bench === 'attack') {
  const input = workerData as AttackInput;
  const payloads = { big: tinyItems(), presence: hugePresence(), records: Array.from({ length: 400 }, (_, n) => bulkRecords(n)) };
  attack(input.url, payloads, input.ms).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
