/**
 * The sync bench's loop probe (tests/bench/loop-probe.ts) tells a busy stall from a starved one
 * by the time the process's main thread ran, not by the CPU of all its threads: a main thread
 * that spins is busy; one that waits while another thread of the process burns a core (as V8's
 * GC helpers do) is not. Real threads of this process, their CPU time from /proc. Assertions are
 * on CPU time spent, never on wall time, so a loaded machine cannot break them.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startProbe } from '../bench/loop-probe';
import { busy } from '../bench/stall-timeline';

const BURN_MS = 120;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The longest stall the probe saw while `block` ran (with quiet time before and after for its timer). */
async function longestStall(block: () => Promise<void> | void) {
  const probe = startProbe();
  await pause(60);
  await block();
  await pause(60);
  return probe.report().stalls.reduce((a, b) => (b[1] > a[1] ? b : a));
}

describe.skipIf(process.platform !== 'linux')('the loop probe', () => {
  it('counts the main thread spinning as the main thread running', async () => {
    const stall = await longestStall(() => {
      const until = cpuMs() + BURN_MS;
      while (cpuMs() < until);
    });
    expect(stall[3]).toBeGreaterThanOrEqual(BURN_MS - 40); // ticks of 10 ms
    expect(stall[2]).toBeGreaterThanOrEqual(BURN_MS - 10);
  });

  it('does not count another thread burning a core as the main thread running', async () => {
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(
      `const { workerData: signal } = require('node:worker_threads');
       const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
       Atomics.wait(signal, 0, 0); // the main thread says go
       const until = cpu() + ${BURN_MS};
       while (cpu() < until);
       Atomics.store(signal, 0, 2);
       Atomics.notify(signal, 0);`,
      { eval: true, workerData: signal },
    );
    await pause(100); // the worker has started and waits
    const stall = await longestStall(() => {
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
      Atomics.wait(signal, 0, 1); // the main thread sleeps until the worker has burnt its share
    });
    await worker.terminate();
    expect(stall[2]).toBeGreaterThanOrEqual(BURN_MS - 10); // the process ran
    expect(stall[3]).toBeLessThanOrEqual(30); // its main thread hardly did
    expect(busy(stall)).toBe(false);
  });
});
