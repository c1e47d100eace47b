/**
 * Where a process of the sync bench stalls: its event-loop delay (perf_hooks'
 * monitorEventLoopDelay, p50/p99/max), its garbage collections (PerformanceObserver 'gc': total,
 * major ones, the longest) and a timeline of its stalls (a 10 ms timer that fires late by more
 * than STALL_MS, with the wall-clock time it ended, the CPU time the process used meanwhile (all
 * its threads: V8's GC and compiler helpers too) and the time its main thread ran (from
 * /proc/thread-self/stat, in 10 ms ticks; NaN where /proc is absent): a stall in which the main
 * thread hardly ran is the machine not running it, one in which it ran is the process busy), so
 * the bench can lay slow samples beside the stalls of the server and of the generator in the same run. The generator starts one in its
 * own code; a server (Glose's or the bare relay) loads this file with `--import` and, when
 * GLOSE_PROBE names a file, writes its report there on each SIGUSR2 and starts afresh.
 */
import { closeSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/**
 * A stall: it ended at `at` (ms since the epoch), lasted `ms`, the process's threads used `cpuMs` of CPU
 * in it and its main thread ran `mainMs` of it (GC entries: their duration, twice).
 */
export type Stall = [at: number, ms: number, cpuMs: number, mainMs: number];
export interface ProbeReport { loopP50: number; loopP99: number; loopMax: number; gcMs: number; gcMajor: number; gcMaxMs: number; stalls: Stall[]; gcs: Stall[] }

const STALL_MS = 20;
const TICK_MS = 10;
const epoch = (): number => performance.timeOrigin + performance.now();

/**
 * The CPU time the calling thread has used, ms (utime + stime of /proc/thread-self/stat, in ticks
 * of 10 ms), read through one descriptor kept open; NaN where /proc is absent.
 */
function threadCpu(): () => number {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/stat', 'r');
  } catch {
    return () => NaN;
  }
  const buffer = Buffer.alloc(1024);
  process.once('exit', () => closeSync(fd));
  return () => {
    const text = buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0));
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14 and 15 of stat)
  };
}

export interface Probe {
  /** What happened since the start or the last report, and starts afresh. */
  report(): ProbeReport;
}

export function startProbe(): Probe {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let stalls: Stall[] = [];
  let gcs: Stall[] = [];
  let gcMajor = 0;
  let last = performance.now();
  let cpu = process.cpuUsage();
  const mainCpu = threadCpu();
  let main = mainCpu();
  const ticker = setInterval(() => {
    const late = performance.now() - last - TICK_MS;
    const used = process.cpuUsage(cpu);
    const mainNow = mainCpu();
    if (late > STALL_MS) stalls.push([epoch(), late, (used.user + used.system) / 1000, mainNow - main]);
    last = performance.now();
    cpu = process.cpuUsage();
    main = mainNow;
  }, TICK_MS);
  ticker.unref();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcs.push([performance.timeOrigin + entry.startTime + entry.duration, entry.duration, entry.duration, entry.duration]);
      // a gc entry's detail says its kind (Node's types do not declare it on PerformanceEntry)
      if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gcMajor++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    report() {
      const ms = (ns: number) => ns / 1e6;
      const out: ProbeReport = {
        loopP50: ms(histogram.percentile(50)),
        loopP99: ms(histogram.percentile(99)),
        loopMax: ms(histogram.max),
        gcMs: gcs.reduce((n, g) => n + g[1], 0),
        gcMajor,
        gcMaxMs: gcs.reduce((n, g) => Math.max(n, g[1]), 0),
        stalls,
        gcs: gcs.filter((g) => g[1] >= 5),
      };
      histogram.reset();
      [stalls, gcs, gcMajor] = [[], [], 0];
      return out;
    },
  };
}

/** The stalls of a profiled window, written beside its profile (`<pid>-<n>.stalls.json`) for stall-profile.ts. */
export interface ProfiledStalls {
  /** Add to a profile's timestamps (µs of the monotonic clock) / 1000 to get ms since the epoch. */
  epochOffsetMs: number;
  stalls: Stall[];
  gcs: Stall[];
}

/**
 * With GLOSE_PROBE_CPU naming a directory, each window between two SIGUSR2 is also CPU-profiled
 * there (`<pid>-<n>.cpuprofile`, for Chromium's DevTools or speedscope): where a server's time
 * goes; and the window's stalls beside it (`<pid>-<n>.stalls.json`): what ran in each. The load
 * generator profiles its own window the same way (load-generator.ts).
 */
export function cpuProfiles(directory: string): (report: ProbeReport, then: () => void) => void {
  const session = new Session();
  session.connect();
  let n = 0;
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  return (report, then) => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) {
        const base = join(directory, `${process.pid}-${n++}`);
        writeFileSync(`${base}.cpuprofile`, JSON.stringify(result.profile));
        const epochOffsetMs = epoch() - Number(process.hrtime.bigint()) / 1e6;
        writeFileSync(`${base}.stalls.json`, JSON.stringify({ epochOffsetMs, stalls: report.stalls, gcs: report.gcs } satisfies ProfiledStalls));
      }
      session.post('Profiler.start');
      then();
    });
  };
}

const file = process.env.GLOSE_PROBE;
if (file) {
  const probe = startProbe();
  // the profile is written before the report, which the bench waits for
  const profile = process.env.GLOSE_PROBE_CPU ? cpuProfiles(process.env.GLOSE_PROBE_CPU) : (_: ProbeReport, then: () => void) => then();
  process.on('SIGUSR2', () => {
    const window = probe.report();
    const report = JSON.stringify(window);
    profile(window, () => {
      writeFileSync(`${file}.part`, report);
      renameSync(`${file}.part`, file); // whole, never half-written
    });
  });
}
