/**
 * Where the sync bench's processes run on the machine's CPUs, so a latency figure is the server's
 * and not the load generator's fight with it for the same cores (students' laptops never run a
 * hundred simulated classmates beside the class server):
 * - `split`: the server side (the bench's own process and all it starts: the servers, Redis,
 *   PostgreSQL) on the first half of the CPUs this process may use, the load generator on the
 *   other half (sched_setaffinity through util-linux's `taskset`, every thread of a process);
 * - `nice`: every process on every CPU, the generator at the lowest priority (`nice -n 19`), so
 *   the server takes a core whenever it has work;
 * - `shared`: every process on every CPU at the same priority (the figures before 2026-12-05 13:00).
 * Children inherit their parent's affinity, so the bench pins itself before starting the servers
 * and unpins itself after (`placeSelf`); the generator is started through a prefix (`launcher`).
 */
import { execFileSync } from 'node:child_process';

export const PLACEMENTS = ['split', 'nice', 'shared'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** A CPU list as `taskset` and /proc write it ("0,2-3") → [0, 2, 3]. */
export function cpuList(list: string): number[] {
  return list.trim().split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    return Array.from({ length: to! - from + 1 }, (_, i) => from + i);
  });
}

/** The CPUs this process may run on, from `taskset -cp` ("pid 12's current affinity list: 0,2-3"). */
const allowedCpus = (): number[] => cpuList(execFileSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' }).split(':').pop()!);

let all: number[] | null = null;
const cpus = (): number[] => (all ??= allowedCpus());
const half = (side: 'server' | 'generator'): string => {
  const n = Math.floor(cpus().length / 2);
  return (side === 'server' ? cpus().slice(0, n) : cpus().slice(n)).join(',');
};

/** Why `placement` cannot be used here, or null. */
export function placementSkipReason(placement: Placement): string | null {
  const tool = placement === 'split' ? 'taskset' : placement === 'nice' ? 'nice' : null;
  if (!tool) return null;
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
  } catch {
    return `${tool} is not installed`;
  }
  if (placement === 'split' && cpus().length < 2) return `this process may use ${cpus().length} CPU, and the split needs two`;
  return null;
}

/** Pins every thread of this process to the server's CPUs (`split`) or to all of them (the others, and to undo). */
export function placeSelf(placement: Placement): void {
  if (placement !== 'split' && all === null) return; // never pinned
  execFileSync('taskset', ['-a', '-p', '-c', placement === 'split' ? half('server') : cpus().join(','), String(process.pid)], { stdio: 'ignore' });
}

/** The command prefix that starts the load generator in its place (`[]`: none). */
export function launcher(placement: Placement): string[] {
  if (placement === 'split') return ['taskset', '-c', half('generator')];
  return placement === 'nice' ? ['nice', '-n', '19'] : [];
}

/** What the bench prints about the placement. */
export function placementLine(placement: Placement): string {
  if (placement === 'split') return `server side on CPU ${half('server')}, load generator on CPU ${half('generator')} (taskset)`;
  return placement === 'nice' ? 'every process on every CPU, load generator at nice 19' : 'every process on every CPU at the same priority';
}
