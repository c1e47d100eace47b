/**
 * Compactions run in the background, one at a time and paced, not when Hocuspocus's debounced
 * store fires. Every document a class writes steadily reaches the store's longest debounce at
 * about the same moment (its members started together), so compacting each one then made a burst
 * of whole-document merges every ten seconds, during which the writes of every room waited (the
 * sync bench's slowest writes). Here a document waits in a set (once, however often it is
 * stored), and after each compaction the queue rests three times as long as it took, so
 * compaction takes at most about a quarter of the server's time and never more than one merge
 * at once stands between two messages. Compaction only rewrites what is already stored: a
 * compaction that has not run yet loses nothing (loading compacts too), so stopping drops the
 * waiting ones and waits for the running one.
 */

export interface CompactionQueue {
  /** Compacts `name` soon (once, if it is already waiting). */
  add(name: string): void;
  /** Drops the waiting compactions and resolves once the running one is done. */
  stop(): Promise<void>;
}

/** The share of the server's time compaction may take. */
const SHARE = 0.25;

export function compactionQueue(compact: (name: string) => Promise<void>): CompactionQueue {
  const waiting = new Set<string>();
  let running: Promise<void> | null = null;
  let stopped = false;
  async function work(): Promise<void> {
    // a Set iterates over the entries added while it runs, and skips the ones deleted
    for (const name of waiting) {
      waiting.delete(name);
      const started = performance.now();
      await compact(name).catch((error: unknown) => console.error(`storage: compacting ${name} failed`, error));
      if (stopped) break;
      await new Promise((resolve) => setTimeout(resolve, (performance.now() - started) * (1 / SHARE - 1)));
    }
    running = null;
  }
  return {
    add(name) {
      if (stopped) return;
      waiting.add(name);
      running ??= work();
    },
    async stop() {
      stopped = true;
      waiting.clear();
      await running;
    },
  };
}
