/**
 * `npm run bench` suite "sync": classes writing at once, measured with the server and the load
 * generator in separate processes (load-generator.ts), so each one's CPU comes from /proc and a
 * reader sees which one saturated. Workloads: one room of 100 (`_100`) and 10 rooms of 30 in one
 * server process (`_10x30`). Every member writes one annotation a second in its own layer and
 * moves its selection twice a second; latency is from a write until the record has reached every
 * other member of its room (the slowest receiver); `sync_full_p99_ms_*` is the same seen by the
 * full clients alone (documents decoded and applied). The same workloads run through the bare
 * y-websocket 1.5.4 relay (one socket per document, no auth, no persistence) as the baseline.
 * The room of 100 runs also on a school's server, on a throw-away PostgreSQL: one process
 * (`--postgres`, `sync_p99_ms_pg_1proc`) and two sharing documents through a throw-away Redis
 * (`--postgres --redis`, `sync_p99_ms_redis_2proc`), with their ratios to the laptop's single
 * process `sync_p99_ms_100` of the same run (`sync_p99_ratio_redis_2proc`, aim < 1.5;
 * `sync_p99_ratio_pg_1proc`) and of two processes to one (`sync_p99_ratio_redis_2proc_to_pg_1proc`);
 * the three alternate, three windows each, pooled (roomOf100).
 * Everything runs twice: first with the load generator at the lowest priority, so the server takes
 * a core whenever it has work (placement.ts, `nice`: the figures are the server's, not its fight
 * with the generator), then the old way, every process on every CPU at the same priority (the
 * same names ending in `_shared`).
 * Full run: 30 s per system, workload and placement, after a warm-up of 5 s at the same pace; --quick:
 * 4 s after 1 s. The warm-up's writes are not in the window's figures (a school's server runs for
 * hours; its first second, when both processes compile their write paths, is reported apart as
 * `sync_warmup_p99_ms_*`); CPU, memory and the loop probes are the window's too.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions, BenchResult } from './bench-types';
import { cpuTicks, freePort, memoryMb, percentile, probed, seedArticle, startChild, startGloseServer, token } from './bench-server';
import type { Arrival, FromGenerator, GeneratorInput, Pace, Room } from './load-generator';
import type { System } from './load-student';
import type { ProbeReport } from './loop-probe';
import { launcher, placementLine, PLACEMENTS, placementSkipReason, placeSelf, type Placement } from './placement';
import { stallLines } from './stall-timeline';
import { schoolSkipReason, startPostgres, startRedis } from '../server/school-infra';

export interface Workload { label: string; rooms: number; size: number; fullPerRoom: number }
export const WORKLOADS: Workload[] = [
  { label: '100', rooms: 1, size: 100, fullPerRoom: 3 },
  { label: '10x30', rooms: 10, size: 30, fullPerRoom: 1 },
];
const SETTLE_MS = { full: 3_000, quick: 1_000 };
const DRAIN_MS = { full: 5_000, quick: 1_500 };
const WARMUP_MS = { full: 5_000, quick: 1_000 };
/** Alternate rounds of the room of 100 on one and on two processes (roomOf100): full run, quick run; the `_shared` placement has one. */
const ROUNDS = { full: 3, quick: 1 };
/** The window: 30 s (--quick: 4 s); `GLOSE_SYNC_WINDOW_S` sets another length, for a sustained run (sync-one.ts). */
function windowMs(quick: boolean): number {
  const asked = Number(process.env.GLOSE_SYNC_WINDOW_S);
  return asked > 0 ? asked * 1000 : quick ? 4_000 : 30_000;
}

/** Longest wait for every member to be connected and synced before the window opens. */
const READY_TIMEOUT_MS = 300_000;

/**
 * The load generator's V8 helper threads limited to one: at nice 19 its helpers' bursts (up to two
 * cores) kept its own main thread off the CPU for 100–150 ms (docs/benchmarks.md, "the generator's
 * long busy turns"); and a young generation of up to 64 MB a semi-space (16 by default), which halves
 * its GC time and kept its own major collections from slowing writes (docs/benchmarks.md, "the
 * collectors' episodes"). Same workload, members and arrivals counted; only the simulated class's process.
 */
const GENERATOR_FLAGS = ['--v8-pool-size=1', '--max-semi-space-size=64'];

/** A slow write for the stall timeline: the aim of the rooms of 30. */
const SLOW_MS = 50;

/** `probes`: the file each child's loop probe reports to (loop-probe.ts), in the order of `children`. */
interface Servers { children: ChildProcess[]; urls: string[]; probes: string[]; stop?: () => Promise<void> }

/** `root`: a fresh directory for the servers' data and probe reports. */
async function startServers(system: System, root: string, corpora: string[]): Promise<Servers> {
  const probe = join(root, 'probe.json');
  if (system === 'glose') {
    const glose = await startGloseServer(join(root, 'data'), false, [], probe);
    for (const corpus of corpora) await seedArticle(glose.url, corpus, 'a1');
    return { children: [glose.child], urls: [glose.url], probes: [probe] };
  }
  const port = await freePort();
  const node = probed(probe, { ...process.env, HOST: '127.0.0.1', PORT: String(port) });
  const child = await startChild([...node.args, 'node_modules/y-websocket-relay/bin/server.js'], node.env);
  return { children: [child], urls: [`ws://127.0.0.1:${port}`], probes: [probe] };
}

/** Longest wait for a server's probe report: a starved server's event loop can stall for tens of seconds. */
const PROBE_TIMEOUT_MS = 120_000;

/**
 * Each server's loop probe report since its last one: asked by SIGUSR2, read from its file; null
 * for a server that did not answer in time (its probe figures are then NaN, its latencies stand).
 */
async function probeReports(servers: Servers): Promise<(ProbeReport | null)[]> {
  servers.probes.forEach((file) => rmSync(file, { force: true }));
  servers.children.forEach((child) => child.kill('SIGUSR2'));
  for (let waited = 0; waited < PROBE_TIMEOUT_MS && !servers.probes.every((file) => existsSync(file)); waited += 50) await new Promise((r) => setTimeout(r, 50));
  return servers.probes.map((file) => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ProbeReport) : null));
}

/**
 * A school's server (docs/deploy-scale.md) on a throw-away PostgreSQL: one Glose process, as a school
 * starts (no Redis: one process needs none), or two sharing documents through Redis.
 */
export function startSchool(processes: 1 | 2): typeof startServers {
  return async (_system, root, corpora) => {
    const [redis, postgres] = await Promise.all([processes > 1 ? startRedis() : null, startPostgres()]);
    const stop = async () => void (await Promise.all([redis?.stop(), postgres.stop()]));
    try {
      const args = ['--postgres', postgres.url, ...(redis ? ['--redis', redis.url] : [])];
      const probes = Array.from({ length: processes }, (_, i) => join(root, `probe-${i + 1}.json`));
      const started = [];
      for (const [i, probe] of probes.entries()) started.push(await startGloseServer(join(root, String(i + 1)), false, args, probe));
      for (const corpus of corpora) await seedArticle(started[0]!.url, corpus, 'a1');
      return { children: started.map((p) => p.child), urls: started.map((p) => p.url), probes, stop };
    } catch (error) {
      await stop();
      throw error;
    }
  };
}

export interface Measure {
  p50: number; p99: number; warmupP99: number; fullP99: number; incomplete: number; writes: number; serverRss: number; serverCpu: number; generatorCpu: number;
  /** event-loop delay (the worst server's) and GC time (all servers') of the window, loop-probe.ts */
  serverLoopP99: number; serverLoopMax: number; serverGcMs: number; generatorLoopP99: number; generatorLoopMax: number; generatorGcMs: number;
  /** the latencies the percentiles come from, sorted, so that windows can be pooled (pooled()) */
  latencies: Latencies;
}

/** A window's complete writes to their slowest receiver, the warm-up's, and the full clients' alone, ms. */
interface Latencies { slowest: number[]; warmup: number[]; full: number[] }

/** The probes' figures for Measure, and the stall timeline printed. */
function probeFigures(report: Extract<FromGenerator, { type: 'done' }>, servers: (ProbeReport | null)[], receivers: number, label: string): Pick<Measure, 'serverLoopP99' | 'serverLoopMax' | 'serverGcMs' | 'generatorLoopP99' | 'generatorLoopMax' | 'generatorGcMs'> {
  const named = servers.map((r, i) => ({ name: servers.length > 1 ? `server ${i + 1}` : 'server', report: r }));
  const silent = named.filter((s) => !s.report).map((s) => `    ${label}: ${s.name} did not report its loop probe within ${PROBE_TIMEOUT_MS / 1000} s\n`);
  const sides = [...named.filter((s): s is { name: string; report: ProbeReport } => s.report !== null), { name: 'generator', report: report.probe }];
  process.stdout.write([...silent, ...stallLines(report.arrivals, receivers, sides, SLOW_MS).map((l) => `    ${label}: ${l}\n`)].join(''));
  const max = (f: (r: ProbeReport) => number) => Math.max(...servers.map((r) => (r ? f(r) : NaN)));
  return {
    serverLoopP99: max((r) => r.loopP99),
    serverLoopMax: max((r) => r.loopMax),
    serverGcMs: servers.reduce((n, r) => n + (r ? r.gcMs : NaN), 0),
    generatorLoopP99: report.probe.loopP99,
    generatorLoopMax: report.probe.loopMax,
    generatorGcMs: report.probe.gcMs,
  };
}

/** CPU use of `pids` since `ticks0`, percent of one core, over `ms`. */
const cpuPercent = (pids: number[], ticks0: number, ms: number) => ((pids.reduce((n, p) => n + cpuTicks(p), 0) - ticks0) / 100 / (ms / 1000)) * 100;

/** A write's latency split by path: to its slowest receiver on the writer's own process, and on the other processes. */
function pathLine(complete: Arrival[]): string {
  const sorted = (i: 5 | 6) => complete.map((a) => a[i]).filter((ms) => ms >= 0).sort((a, b) => a - b);
  const [own, other] = [sorted(5), sorted(6)];
  const later = complete.filter((a) => a[6] > a[5]).length;
  return `by path: receivers on the writer's process p50 ${percentile(own, 50).toFixed(1)} / p99 ${percentile(own, 99).toFixed(1)} ms, on the other process p50 ${percentile(other, 50).toFixed(1)} / p99 ${percentile(other, 99).toFixed(1)} ms; the other process last for ${later} of ${complete.length} writes`;
}

/** A measurement's percentiles, from its sorted latencies (kept with them). */
function percentiles(latencies: Latencies): Pick<Measure, 'p50' | 'p99' | 'warmupP99' | 'fullP99' | 'latencies'> {
  const { slowest, warmup, full } = latencies;
  return { p50: percentile(slowest, 50), p99: percentile(slowest, 99), warmupP99: percentile(warmup, 99), fullP99: percentile(full, 99), latencies };
}

export async function measure(system: System, workload: Workload, quick: boolean, placement: Placement, start: typeof startServers = startServers): Promise<Measure> {
  const mode = quick ? 'quick' : 'full';
  const root = mkdtempSync(join(tmpdir(), 'glose-bench-'));
  const corpora = Array.from({ length: workload.rooms }, (_, r) => `room${r}`);
  placeSelf(placement); // the servers inherit it
  const servers = await start(system, root, corpora).finally(() => placeSelf('shared'));
  const rooms: Room[] = corpora.map((corpus, r) => {
    const users = Array.from({ length: workload.size }, (_, i) => `r${r}s${i}`);
    return { urls: servers.urls, corpus, users, tokens: Object.fromEntries(users.map((u) => [u, token('student', u, corpus)])) };
  });
  const [execPath = process.execPath, ...prefix] = launcher(placement);
  const execArgv = [...prefix, ...(prefix.length ? [process.execPath] : []), ...GENERATOR_FLAGS, '--import', 'tsx'];
  const generator = fork('tests/bench/load-generator.ts', [], { execPath, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let sampler: NodeJS.Timeout | undefined;
  const next = () => new Promise<FromGenerator>((resolve, reject) => generator.once('message', (m) => resolve(m as FromGenerator)).once('exit', (code) => reject(new Error(`load generator exited (${code})`))));
  try {
    const ready = next();
    generator.send({ system, rooms, fullPerRoom: workload.fullPerRoom } satisfies GeneratorInput);
    const late = setTimeout(() => generator.kill('SIGKILL'), READY_TIMEOUT_MS); // next() then rejects: the generator exited
    await ready;
    clearTimeout(late);
    await new Promise((r) => setTimeout(r, SETTLE_MS[mode]));
    const serverPids = servers.children.map((c) => c.pid!);
    const pace: Pace = { warmupMs: WARMUP_MS[mode], durationMs: windowMs(quick), drainMs: DRAIN_MS[mode] };
    const done = next();
    generator.send(pace);
    // the window: CPU, memory and the servers' probes from the end of the warm-up on
    await new Promise((r) => setTimeout(r, pace.warmupMs));
    const [server0, generator0, t0] = [serverPids.reduce((n, p) => n + cpuTicks(p), 0), cpuTicks(generator.pid!), Date.now()];
    let serverRss = 0;
    const sample = () => (serverRss = Math.max(serverRss, serverPids.reduce((n, p) => n + memoryMb(p).rss, 0)));
    sampler = setInterval(sample, 500);
    await probeReports(servers); // the window starts afresh
    const report = (await done) as Extract<FromGenerator, { type: 'done' }>;
    const ms = Date.now() - t0;
    const serverCpu = cpuPercent(serverPids, server0, ms);
    const generatorCpu = cpuPercent([generator.pid!], generator0, ms);
    const inWindow = report.arrivals.filter((a) => a[4] >= report.windowStart);
    const probes = probeFigures({ ...report, arrivals: inWindow }, await probeReports(servers), workload.size - 1, `${workload.label} ${system}`);
    const complete = inWindow.filter((a) => a[1] === workload.size - 1);
    if (servers.urls.length > 1) process.stdout.write(`    ${workload.label} ${system}: ${pathLine(complete)}\n`);
    const slowest = complete.map((a) => a[2]).sort((a, b) => a - b);
    const warmup = report.arrivals.filter((a) => a[4] < report.windowStart).map((a) => a[2]).sort((a, b) => a - b);
    const full = inWindow.filter((a) => a[3] >= 0).map((a) => a[3]).sort((a, b) => a - b);
    return { ...percentiles({ slowest, warmup, full }), incomplete: inWindow.length - complete.length, writes: inWindow.length, serverRss, serverCpu, generatorCpu, ...probes };
  } finally {
    // stopped before the servers are killed: it reads their /proc entries
    clearInterval(sampler);
    generator.kill('SIGKILL');
    servers.children.forEach((c) => c.kill('SIGKILL'));
    await servers.stop?.();
    rmSync(root, { recursive: true, force: true });
  }
}

type Figure = [Exclude<keyof Measure, 'latencies'>, string, string];

/** What each process (the server, the load generator) reports of its own loop and collector. */
const loopFigures = (who: 'server' | 'generator'): Figure[] => [
  [`${who}LoopP99`, `${who}_loop_p99_ms`, 'ms'],
  [`${who}LoopMax`, `${who}_loop_max_ms`, 'ms'],
  [`${who}GcMs`, `${who}_gc_ms`, 'ms'],
];

/** What a measurement reports: its field, the figure's name (before the workload's label) and unit. */
const FIGURES: Figure[] = [
  ['p50', 'sync_p50_ms', 'ms'],
  ['p99', 'sync_p99_ms', 'ms'],
  ['warmupP99', 'sync_warmup_p99_ms', 'ms'],
  ['fullP99', 'sync_full_p99_ms', 'ms'],
  ['incomplete', 'sync_incomplete', 'writes'],
  ['serverRss', 'server_rss_mb', 'MB'],
  ['serverCpu', 'server_cpu_pct', '% of a core'],
  ['generatorCpu', 'generator_cpu_pct', '% of a core'],
  ...loopFigures('server'),
  ...loopFigures('generator'),
];

function figures(prefix: string, label: string, m: Measure): BenchResult[] {
  return FIGURES.map(([field, name, unit]) => ({ name: `${prefix}${name}_${label}`, value: m[field], unit }));
}

const FAILED: Measure = { p50: NaN, p99: NaN, warmupP99: NaN, fullP99: NaN, incomplete: NaN, writes: NaN, serverRss: NaN, serverCpu: NaN, generatorCpu: NaN, serverLoopP99: NaN, serverLoopMax: NaN, serverGcMs: NaN, generatorLoopP99: NaN, generatorLoopMax: NaN, generatorGcMs: NaN, latencies: { slowest: [], warmup: [], full: [] } };

/**
 * Several windows of one system as one: percentiles over all their writes; writes and incomplete
 * summed; CPU and GC time averaged per window; memory and loop delays the worst window's. A failed
 * window makes the whole NaN (it is reported, never quietly left out).
 */
function pooled(windows: Measure[]): Measure {
  if (windows.length === 1) return windows[0]!;
  if (windows.some((m) => Number.isNaN(m.p99))) return FAILED;
  const all = (key: keyof Latencies) => windows.flatMap((m) => m.latencies[key]).sort((a, b) => a - b);
  const sum = (key: 'writes' | 'incomplete') => windows.reduce((n, m) => n + m[key], 0);
  const mean = (key: 'serverCpu' | 'generatorCpu' | 'serverGcMs' | 'generatorGcMs') => windows.reduce((n, m) => n + m[key], 0) / windows.length;
  const worst = (key: 'serverRss' | 'serverLoopP99' | 'serverLoopMax' | 'generatorLoopP99' | 'generatorLoopMax') => Math.max(...windows.map((m) => m[key]));
  return {
    ...percentiles({ slowest: all('slowest'), warmup: all('warmup'), full: all('full') }),
    writes: sum('writes'), incomplete: sum('incomplete'),
    serverCpu: mean('serverCpu'), generatorCpu: mean('generatorCpu'), serverGcMs: mean('serverGcMs'), generatorGcMs: mean('generatorGcMs'),
    serverRss: worst('serverRss'), serverLoopP99: worst('serverLoopP99'), serverLoopMax: worst('serverLoopMax'), generatorLoopP99: worst('generatorLoopP99'), generatorLoopMax: worst('generatorLoopMax'),
  };
}

/** One measurement, printed at once; a failed one is reported as NaN with its reason, and the others still run. */
async function measured(system: System, workload: Workload, quick: boolean, placement: Placement, start?: typeof startServers, label: string = `${system} (${placement})`): Promise<Measure> {
  const m = await measure(system, workload, quick, placement, start).catch((error: unknown) => (process.stdout.write(`  ${workload.label}: ${label} failed: ${String(error)}\n`), FAILED));
  const { latencies: _, ...shown } = m;
  process.stdout.write(`  ${workload.label}: ${label} ${JSON.stringify(shown)}\n`);
  return m;
}

/** The room of 100 on the laptop's server, on a school's server of one process and of two (roomOf100). */
interface RoomOf100 { single: Measure; school1: Measure; school2: Measure }

/**
 * The room of 100 on the laptop's server (one process, LevelDB), on a school's of one process
 * (PostgreSQL) and of two (PostgreSQL and Redis), in `rounds` alternate rounds (one, school of one,
 * school of two; then the other way round: a drift of the machine weighs on all alike), each
 * system's windows pooled. A p99 is some 30 writes of a 30 s window, and in one quiet hour the
 * single process's swung from 10.6 to 18.8 ms (docs/benchmarks.md): the ratio of two lone windows
 * measured minutes apart said as much about the machine's moment as about the relay. The school of
 * one splits the two-process ratio into what the school's storage costs and what the second process does.
 */
async function roomOf100(quick: boolean, placement: Placement, rounds: number): Promise<RoomOf100> {
  const skipped = schoolSkipReason();
  if (skipped) process.stdout.write(`  pg_1proc and redis_2proc skipped: ${skipped}\n`);
  const windows: Record<keyof RoomOf100, Measure[]> = { single: [], school1: [], school2: [] };
  const room = WORKLOADS[0]!;
  const steps: (() => Promise<void>)[] = [
    async () => void windows.single.push(await measured('glose', room, quick, placement)),
    ...(skipped ? [] : [
      async () => void windows.school1.push(await measured('glose', room, quick, placement, startSchool(1), `glose on 1 process and PostgreSQL (${placement})`)),
      async () => void windows.school2.push(await measured('glose', room, quick, placement, startSchool(2), `glose on 2 processes, Redis and PostgreSQL (${placement})`)),
    ]),
  ];
  for (let round = 0; round < rounds; round++) for (const step of round % 2 === 0 ? steps : [...steps].reverse()) await step();
  if (!skipped && rounds > 1) {
    const ratio = (a: Measure, b: Measure) => `${(a.p99 / b.p99).toFixed(2)} (${a.p99.toFixed(1)} / ${b.p99.toFixed(1)} ms)`;
    const each = windows.single.map((m, i) => `two to one ${ratio(windows.school2[i]!, m)}, school of one to one ${ratio(windows.school1[i]!, m)}`);
    process.stdout.write(`  100: the ratios of each round: ${each.join('; ')}\n`);
  }
  const pool = (list: Measure[]) => (list.length ? pooled(list) : FAILED);
  return { single: pool(windows.single), school1: pool(windows.school1), school2: pool(windows.school2) };
}

/**
 * The room of 100 on one process and on a school's of one and two (roomOf100), then every workload on the relay and the
 * rooms of 30 on Glose, all in one placement; `suffix` ends each figure's name. The relay runs one
 * window of each workload.
 */
async function placed(quick: boolean, placement: Placement, suffix: string, rounds: number): Promise<BenchResult[]> {
  process.stdout.write(`  placement ${placement}: ${placementLine(placement)}\n`);
  const results: BenchResult[] = [];
  const { single, school1, school2 } = await roomOf100(quick, placement, rounds);
  for (const workload of WORKLOADS) {
    const label = `${workload.label}${suffix}`;
    const glose = workload === WORKLOADS[0] ? single : await measured('glose', workload, quick, placement);
    const relay = await measured('relay', workload, quick, placement);
    results.push(...figures('', label, glose), ...figures('baseline_', label, relay), { name: `sync_p99_ratio_${label}`, value: glose.p99 / relay.p99, unit: 'x' });
  }
  return [
    ...results,
    ...figures('', `pg_1proc${suffix}`, school1),
    ...figures('', `redis_2proc${suffix}`, school2),
    { name: `sync_p99_ratio_redis_2proc${suffix}`, value: school2.p99 / single.p99, unit: 'x' },
    { name: `sync_p99_ratio_pg_1proc${suffix}`, value: school1.p99 / single.p99, unit: 'x' },
    { name: `sync_p99_ratio_redis_2proc_to_pg_1proc${suffix}`, value: school2.p99 / school1.p99, unit: 'x' },
  ];
}

/**
 * The figures without a suffix are measured with the load generator at the lowest priority
 * (`nice`, placement.ts; `GLOSE_SYNC_PLACEMENT=split` puts it on CPUs of its own instead, which
 * the quiet run of 2026-12-05 13:50 found worse for both systems: the server's own helper threads
 * then share its one core); the same run measured the old way, every process on every CPU at the
 * same priority, is kept beside them for a release, its names ending in `_shared`.
 */
export async function run({ quick }: BenchOptions): Promise<BenchResult[]> {
  const asked = process.env.GLOSE_SYNC_PLACEMENT ?? 'nice';
  if (!(PLACEMENTS as readonly string[]).includes(asked)) throw new Error(`GLOSE_SYNC_PLACEMENT must be one of ${PLACEMENTS.join(', ')}`);
  const skipped = placementSkipReason(asked as Placement);
  if (skipped) process.stdout.write(`  placement ${asked} skipped (${skipped}): the figures without a suffix are measured shared\n`);
  const placement = skipped ? 'shared' : (asked as Placement);
  const main = await placed(quick, placement, '', quick ? ROUNDS.quick : ROUNDS.full);
  return placement === 'shared' ? main : [...main, ...(await placed(quick, 'shared', '_shared', 1))];
}
