/**
 * One sync measurement, repeated, for comparisons inside one quiet stretch of the machine (the
 * whole suite takes 15 minutes): `node --import tsx tests/bench/sync-one.ts [10x30|100|school1|school] [runs]`.
 * `school` is the room of 100 on two processes with Redis and PostgreSQL, `school1` on one process with PostgreSQL. Prints one line per run
 * (p50, p99, the server's GC time and longest loop delay, memory, CPU); with
 * `GLOSE_SYNC_WINDOW_S=300` the window lasts 5 minutes, and `GLOSE_SERVER_HEAP_FLOOR=off` starts
 * the server without its heap floor (docs/benchmarks.md, "The heap floor").
 */
import { measure, startSchool, WORKLOADS } from './sync-bench';

const kind = process.argv[2] ?? '10x30';
const runs = Number(process.argv[3] ?? 1);
const schools = { school1: startSchool(1), school: startSchool(2) };
const school = kind in schools ? schools[kind as keyof typeof schools] : undefined;
const workload = WORKLOADS.find((w) => w.label === (school ? '100' : kind));
if (!workload) throw new Error(`the workload is one of ${WORKLOADS.map((w) => w.label).join(', ')}, school1 or school`);
for (let i = 0; i < runs; i++) {
  const m = await measure('glose', workload, false, 'nice', school);
  const floor = process.env.GLOSE_SERVER_HEAP_FLOOR === 'off' ? 'without the heap floor' : 'with the heap floor';
  console.log(
    `${new Date().toISOString()} ${kind} ${floor}: p50 ${m.p50.toFixed(1)} / p99 ${m.p99.toFixed(1)} ms, server GC ${m.serverGcMs.toFixed(0)} ms, ` +
      `loop max ${m.serverLoopMax.toFixed(1)} ms, RSS ${m.serverRss.toFixed(0)} MB, CPU server ${m.serverCpu.toFixed(1)} / generator ${m.generatorCpu.toFixed(1)} %, ` +
      `${m.writes} writes, ${m.incomplete} incomplete`,
  );
}
process.exit(0);
