/**
 * The background compaction queue (compaction-queue.ts): a document stored many times while it
 * waits is compacted once, compactions never overlap and rest between them (so a burst of
 * stores does not become a burst of merges), a failed one does not stop the others, and stopping
 * drops the waiting ones and waits for the running one.
 */
import { describe, expect, it } from 'vitest';
import { compactionQueue } from '../../electron/server/compaction-queue';
import { waitFor } from './helpers';

const WORK_MS = 30;

function recorder(fail: (name: string) => boolean = () => false) {
  const runs: { name: string; start: number; end: number }[] = [];
  let running = 0;
  let overlapped = false;
  const compact = async (name: string) => {
    overlapped ||= running++ > 0;
    const start = performance.now();
    await new Promise((r) => setTimeout(r, WORK_MS));
    running--;
    runs.push({ name, start, end: performance.now() });
    if (fail(name)) throw new Error(`${name} is unreadable`);
  };
  return { runs, compact, overlapped: () => overlapped };
}

describe('the compaction queue', () => {
  it('compacts each stored document once, one at a time, resting between them, past a failure', async () => {
    const { runs, compact, overlapped } = recorder((name) => name === 'b');
    const queue = compactionQueue(compact);
    for (let i = 0; i < 5; i++) for (const name of ['a', 'b', 'c']) queue.add(name);
    await waitFor(() => runs.length === 3, 'three compactions', 10_000);
    expect(runs.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(overlapped()).toBe(false);
    // it rests three times as long as a compaction took; timers never fire early, so twice is a safe floor
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.start - runs[i - 1]!.end).toBeGreaterThanOrEqual(2 * WORK_MS);
    queue.add('a');
    await waitFor(() => runs.length === 4, 'a document stored again is compacted again', 10_000);
    await queue.stop();
  });

  it('stops: the running compaction finishes, the waiting ones are dropped, later stores are ignored', async () => {
    const { runs, compact } = recorder();
    const queue = compactionQueue(compact);
    for (const name of ['a', 'b', 'c']) queue.add(name);
    await new Promise((r) => setTimeout(r, WORK_MS / 3));
    await queue.stop();
    expect(runs.map((r) => r.name)).toEqual(['a']);
    queue.add('d');
    await new Promise((r) => setTimeout(r, 3 * WORK_MS));
    expect(runs.map((r) => r.name)).toEqual(['a']);
  });
});
