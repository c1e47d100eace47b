/**
 * Which side of the sync bench stalls: the server's and the load generator's loop probes
 * (loop-probe.ts) laid beside the slow writes of the same run. A write is slow above `slowMs`;
 * it is put down to a side when one of that side's stalls (its event loop late by more than
 * 20 ms) overlaps the time from the write to its slowest arrival; a stall is `busy` when the
 * process's main thread ran at least half of it (its own work or GC), `starved` otherwise (the
 * machine ran something else: another process, or the process's own GC and compiler helper
 * threads, whose CPU is printed beside as what the process ran). Prints a summary per side, how many slow writes each side's stalls overlap,
 * and a timeline of the window by second.
 */
import type { Arrival } from './load-generator';
import type { ProbeReport, Stall } from './loop-probe';

export interface Side { name: string; report: ProbeReport }

const TIMELINE_LINES = 30;
const round = (n: number) => Math.round(n * 10) / 10;

/** Whether a stall overlaps [from, to] (a stall ending at `at` began `ms` earlier). */
const overlaps = (stalls: Stall[], from: number, to: number) => stalls.some(([at, ms]) => at >= from && at - ms <= to);

/**
 * Its main thread ran at least half of it; where the main thread's time is unknown (no /proc, or
 * a report from before it was recorded: NaN, null after JSON, or absent), the process's.
 */
export const busy = (s: Stall): boolean => (Number.isFinite(s[3]) ? s[3] : s[2]) >= s[1] / 2;

function describe({ name, report: r }: Side): string {
  const longest = r.stalls.reduce((n, s) => Math.max(n, s[1]), 0);
  const sum = (stalls: Stall[], i: 1 | 2 | 3) => round(stalls.reduce((n, s) => n + s[i], 0));
  return `${name}: event-loop delay p50 ${round(r.loopP50)} / p99 ${round(r.loopP99)} / max ${round(r.loopMax)} ms; GC ${round(r.gcMs)} ms in all (${r.gcMajor} major, longest ${round(r.gcMaxMs)} ms); ${r.stalls.length} stalls over 20 ms (longest ${round(longest)} ms), ${sum(r.stalls, 1)} ms in all, of which it ran ${sum(r.stalls, 2)} ms (main thread ${sum(r.stalls, 3)}); ${r.stalls.filter(busy).length} busy`;
}

/** Slow writes (complete ones: reached every classmate) and which side's stalls overlap them. */
export function stallLines(arrivals: Arrival[], receivers: number, sides: Side[], slowMs: number): string[] {
  const complete = arrivals.filter((a) => a[1] === receivers);
  const slow = complete.filter((a) => a[2] > slowMs);
  const lines = sides.map(describe);
  const blamed = slow.map((a) => sides.map((s) => overlaps(s.report.stalls, a[4], a[4] + a[2])));
  const blamedBusy = slow.map((a) => sides.map((s) => overlaps(s.report.stalls.filter(busy), a[4], a[4] + a[2])));
  const count = (of: boolean[][], test: (b: boolean[]) => boolean) => of.filter(test).length;
  const per = sides.map((s, i) => `${s.name} ${count(blamed, (b) => b[i]!)} (busy ${count(blamedBusy, (b) => b[i]!)})`);
  lines.push(`${slow.length} of ${complete.length} complete writes slower than ${slowMs} ms; overlapping a stall of ${per.join(', ')}; of none ${count(blamed, (b) => !b.some(Boolean))}`);
  if (complete.length === 0) return lines;
  const start = Math.min(...complete.map((a) => a[4]));
  const second = (at: number) => Math.floor((at - start) / 1000);
  const rows = new Map<number, { slow: number; worst: number; stalls: Stall[] }>();
  const row = (s: number) => rows.get(s) ?? (rows.set(s, { slow: 0, worst: 0, stalls: sides.map((): Stall => [0, 0, 0, 0]) }), rows.get(s)!);
  for (const a of slow) {
    const r = row(second(a[4]));
    r.slow++;
    r.worst = Math.max(r.worst, a[2]);
  }
  for (const [i, side] of sides.entries()) {
    for (const stall of side.report.stalls) {
      const r = stall[0] >= start ? row(second(stall[0])) : null;
      if (r && stall[1] > r.stalls[i]![1]) r.stalls[i] = stall;
    }
  }
  const shown = [...rows.entries()].sort((a, b) => a[0] - b[0]).filter(([, r]) => r.slow > 0 || r.stalls.some((s) => s[1] > slowMs));
  for (const [s, r] of shown.slice(0, TIMELINE_LINES)) {
    const stalls = sides.map((side, i) => `${side.name} ${round(r.stalls[i]![1])} ms (ran ${round(r.stalls[i]![2])}, main ${round(r.stalls[i]![3])})`);
    lines.push(`  t+${s} s: ${r.slow} slow (worst ${round(r.worst)} ms); longest stall ${stalls.join(', ')}`);
  }
  if (shown.length > TIMELINE_LINES) lines.push(`  … ${shown.length - TIMELINE_LINES} more seconds`);
  return lines;
}
