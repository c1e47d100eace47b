/**
 * What ran in a server's long turns: reads the CPU profiles and stalls that the loop probe wrote
 * (`GLOSE_PROBE_CPU=<dir> npm run bench -- --only=sync`: `<pid>-<n>.cpuprofile` beside
 * `<pid>-<n>.stalls.json`) and, for each window, sorts the profile's samples that fall inside the
 * stalls longer than `--over` ms (default 50) into a few costs of the server (GC, the write
 * guard's validation, storage, presence, the fan-out's writes, applying to the document, socket
 * reads, other), beside the same shares over the whole window: a cost that is larger inside the
 * stalls than overall is what makes them. A busy stall (its main thread ran at least half of it, stall-timeline.ts) is
 * the server's own work; a starved one is the machine not running it, and its samples say only
 * where it was taken off the CPU. Usage: `node --import tsx tests/bench/stall-profile.ts DIR [--over=50]`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfiledStalls } from './loop-probe';
import { busy } from './stall-timeline';

interface Frame { functionName: string; url: string }
interface Node { id: number; callFrame: Frame; children?: number[] }
interface Profile { nodes: Node[]; startTime: number; samples: number[]; timeDeltas: number[] }

/** The server's costs, by the outermost frame of ours on a sample's stack (the first rule that matches). */
const COSTS: [string, (f: Frame) => boolean][] = [
  ['validation', (f) => /write-guard|update-check/.test(f.url)],
  ['storage', (f) => /server\/(storage|persistence|pg-store)\.ts/.test(f.url)],
  ['presence', (f) => /awareness-scratch|presence-(guard|filter)|y-protocols\/awareness/.test(f.url)],
  ['fan-out', (f) => /turn-writes/.test(f.url) || f.functionName === 'broadcast' || f.functionName === 'writev'],
  ['document apply', (f) => /^(readSyncMessage|readSyncStep2|readUpdate|applyUpdate)$/.test(f.functionName)],
];
const LEAVES: Record<string, string> = { '(garbage collector)': 'GC', '(idle)': 'idle' };
const NAMES = ['GC', ...COSTS.map(([name]) => name), 'socket reads', 'other', 'idle'];

/** Each sample's cost and time (ms since the epoch). */
function classify(profile: Profile, offsetMs: number): { cost: string; at: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const costOf = new Map<number, string>();
  const cost = (id: number): string => {
    if (costOf.has(id)) return costOf.get(id)!;
    const stack: Frame[] = [];
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) stack.unshift(byId.get(x)!.callFrame);
    const ours = stack.map((f) => COSTS.find(([, match]) => match(f))?.[0]).find(Boolean);
    const found = ours ?? LEAVES[stack.at(-1)!.functionName] ?? (stack.some((f) => /crossws|\/ws\/|stream_base_commons/.test(f.url)) ? 'socket reads' : 'other');
    costOf.set(id, found);
    return found;
  };
  let t = profile.startTime;
  return profile.samples.map((id, i) => ((t += profile.timeDeltas[i] ?? 0), { cost: cost(id), at: t / 1000 + offsetMs }));
}

const shares = (samples: { cost: string }[]): string => {
  const count = new Map<string, number>();
  for (const s of samples) count.set(s.cost, (count.get(s.cost) ?? 0) + 1);
  return NAMES.filter((n) => count.has(n)).map((n) => `${n} ${Math.round((100 * count.get(n)!) / samples.length)} %`).join(', ');
};

function report(base: string, overMs: number): string[] {
  const { epochOffsetMs, stalls } = JSON.parse(readFileSync(`${base}.stalls.json`, 'utf8')) as ProfiledStalls;
  const samples = classify(JSON.parse(readFileSync(`${base}.cpuprofile`, 'utf8')) as Profile, epochOffsetMs);
  const long = stalls.filter((s) => s[1] > overMs);
  const inside = (kind: boolean) => samples.filter((s) => long.some((stall) => busy(stall) === kind && s.at <= stall[0] && s.at >= stall[0] - stall[1] - 10));
  const [busyOnes, starved] = [inside(true), inside(false)];
  return [
    `${base}: ${samples.length} samples; ${long.length} stalls over ${overMs} ms (${long.filter(busy).length} busy)`,
    `  whole window: ${shares(samples)}`,
    `  in busy stalls (${busyOnes.length} samples): ${busyOnes.length ? shares(busyOnes) : '-'}`,
    `  in starved stalls (${starved.length} samples): ${starved.length ? shares(starved) : '-'}`,
  ];
}

const [directory] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const over = Number(process.argv.find((a) => a.startsWith('--over='))?.slice('--over='.length) ?? 50);
if (!directory || !existsSync(directory)) {
  console.error('usage: node --import tsx tests/bench/stall-profile.ts DIR [--over=50]');
  process.exit(2);
}
const bases = readdirSync(directory).filter((f) => f.endsWith('.stalls.json')).map((f) => join(directory, f.slice(0, -'.stalls.json'.length)));
for (const base of bases.sort()) console.log(report(base, over).join('\n'));
