/**
 * Counting per key (a client address) within a sliding minute-long window: `over` says whether
 * the key has used up its allowance, `count` adds one, in this process's memory. Used for the public
 * class-name endpoint (wrong join codes have their own limiter, shared across processes: join-limiter.ts). The table forgets stale keys once it grows large, so it cannot be inflated.
 */
const WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;

export interface RateWindow {
  over(key: string): boolean;
  count(key: string): void;
}

export function rateWindow(limit: number, now: () => number): RateWindow {
  const seen = new Map<string, { count: number; since: number }>();
  return {
    over(key) {
      const s = seen.get(key);
      return !!s && now() - s.since < WINDOW_MS && s.count >= limit;
    },
    count(key) {
      const s = seen.get(key);
      if (!s || now() - s.since >= WINDOW_MS) seen.set(key, { count: 1, since: now() });
      else s.count++;
      if (seen.size > MAX_KEYS) for (const [k, v] of seen) if (now() - v.since >= WINDOW_MS) seen.delete(k);
    },
  };
}
