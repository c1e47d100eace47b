/**
 * The limit on wrong join codes per client address (at most 20 a minute), so codes cannot be
 * guessed. An attempt is reserved before its code is evaluated — counted first, so concurrent
 * guesses cannot slip between a check and a count — and given back when the code was right or
 * the request unreadable: only wrong codes use the allowance, and the right code from a school
 * NAT is never slowed. One process keeps the counts in memory; a school's processes share them
 * in Redis (an atomic script per attempt), so a guesser gains nothing by spreading over them.
 */
import type { Redis } from 'ioredis';

export const MAX_FAILURES_PER_MINUTE = 20;
const WINDOW_MS = 60_000;

export interface JoinLimiter {
  /** Counts one attempt from `address`: false (not counted) when its wrong codes this minute are used up. */
  reserve(address: string): Promise<boolean>;
  /** Gives back an attempt that was not a wrong code. */
  release(address: string): Promise<void>;
}

/** Counts in this process's memory; `limit` attempts a minute per address (http-api.ts also limits `GET /api/class` with one). */
export function memoryJoinLimiter(now: () => number, limit = MAX_FAILURES_PER_MINUTE): JoinLimiter {
  const windows = new Map<string, { count: number; since: number }>();
  return {
    async reserve(address) {
      let w = windows.get(address);
      if (!w || now() - w.since >= WINDOW_MS) {
        if (windows.size > 10_000) for (const [k, v] of windows) if (now() - v.since >= WINDOW_MS) windows.delete(k);
        windows.set(address, (w = { count: 0, since: now() }));
      }
      if (w.count >= limit) return false;
      w.count++;
      return true;
    },
    async release(address) {
      const w = windows.get(address);
      if (w) w.count = Math.max(0, w.count - 1);
    },
  };
}

const RESERVE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if n > tonumber(ARGV[1]) then redis.call('DECR', KEYS[1]) return 0 end
return 1`;
const RELEASE = `if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then redis.call('DECR', KEYS[1]) end return 1`;

export function redisJoinLimiter(redis: Redis, prefix: string): JoinLimiter {
  const key = (address: string) => `${prefix}:join-failures:${address}`;
  return {
    async reserve(address) {
      return (await redis.eval(RESERVE, 1, key(address), MAX_FAILURES_PER_MINUTE, WINDOW_MS)) === 1;
    },
    async release(address) {
      await redis.eval(RELEASE, 1, key(address));
    },
  };
}
