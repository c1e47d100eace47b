/**
 * The write-rate quota per user (`writesPerSecond`/`writeBurst` and `writeBytesPerSecond`/
 * `writeBytesBurst`, quotas.ts): two token buckets per user, asked once per update by the write
 * guard. A laptop's single process keeps them in memory. A school's processes share them in Redis
 * — one atomic script per update that refills and takes both buckets, on Redis's clock — so a
 * student whose sockets reach several processes gets the quota once, not once per process.
 *
 * When Redis does not answer (down, reconnecting, or slower than `waitMs`), the update is counted
 * in this process's own buckets instead, and so are the next ones for `retryMs` before Redis is
 * asked again (a slow Redis does not slow every write): the limit then holds per process, as on
 * a laptop. We chose this over refusing writes, because refusing would stop every student of the
 * school from saving while Redis is away, and over letting writes through unmetered, because an
 * attacker could then write without limit by making Redis slow. docs/deploy-scale.md says so.
 */
import type { Redis, Result } from 'ioredis';
import { Bucket, buckets, type Quotas } from './quotas';

export type RateQuotas = Pick<Quotas, 'writesPerSecond' | 'writeBurst' | 'writeBytesPerSecond' | 'writeBytesBurst'>;

export interface WriteRate {
  /** Takes one write of `bytes` from `user`'s quota: false (nothing taken) when the rate is exceeded. */
  take(user: string, bytes: number): boolean | Promise<boolean>;
}

/** The buckets of this process (a laptop; and a school's process while Redis does not answer). */
export function memoryWriteRate(quotas: RateQuotas, now: () => number): { take(user: string, bytes: number): boolean } {
  const writes = buckets<string>(() => new Bucket(quotas.writeBurst, quotas.writesPerSecond, now));
  const bytes = buckets<string>(() => new Bucket(quotas.writeBytesBurst, quotas.writeBytesPerSecond, now));
  return { take: (user, n) => writes(user).take(1) && bytes(user).take(n) };
}

/**
 * KEYS: the user's writes bucket, bytes bucket. ARGV: writeBurst, writesPerSecond, bytesBurst,
 * bytesPerSecond, this update's bytes. Each bucket is a hash {level, at}; a missing one is full.
 * Both are taken or neither; each expires once it would be full again.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function level(key, cap, rate)
  local v = redis.call('HMGET', key, 'level', 'at')
  if not v[1] then return cap end
  return math.min(cap, tonumber(v[1]) + (now - tonumber(v[2])) / 1000 * rate)
end
local function keep(key, value, cap, rate)
  redis.call('HSET', key, 'level', value, 'at', now)
  redis.call('PEXPIRE', key, math.ceil((cap - value) / rate * 1000) + 1000)
end
local cw, rw, cb, rb, n = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local w, b = level(KEYS[1], cw, rw), level(KEYS[2], cb, rb)
if w < 1 or b < n then return 0 end
keep(KEYS[1], w - 1, cw, rw)
keep(KEYS[2], b - n, cb, rb)
return 1`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** TAKE, sent once and then called by its SHA (ioredis's defineCommand). */
    gloseTakeWrite(writes: string, bytes: string, ...args: number[]): Result<number, Context>;
  }
}

/** How long an update waits for Redis before this process's buckets decide, ms. */
export const REDIS_WAIT_MS = 250;
/** After Redis did not answer, how long this process decides alone before asking it again, ms. */
export const REDIS_RETRY_MS = 5_000;
const WARN_EVERY_MS = 60_000;

export interface RedisWriteRateOptions {
  waitMs?: number;
  retryMs?: number;
  warn?: (message: string) => void;
}

export function redisWriteRate(redis: Redis, prefix: string, quotas: RateQuotas, now: () => number, options: RedisWriteRateOptions = {}): WriteRate {
  const { waitMs = REDIS_WAIT_MS, retryMs = REDIS_RETRY_MS, warn = (m: string) => console.warn(m) } = options;
  const local = memoryWriteRate(quotas, now);
  const args = [quotas.writeBurst, quotas.writesPerSecond, quotas.writeBytesBurst, quotas.writeBytesPerSecond];
  redis.defineCommand('gloseTakeWrite', { numberOfKeys: 2, lua: TAKE });
  let aloneUntil = 0;
  let warnedAt = -Infinity;
  let alone = 0;
  /** Redis did not answer: this process decides alone for `retryMs`, and says so at most once a minute. */
  const unanswered = (why: string): void => {
    aloneUntil = now() + retryMs;
    if (now() - warnedAt < WARN_EVERY_MS) return;
    warn(`write-rate quota counted by this process alone for ${retryMs} ms: ${why} (${alone} writes counted alone since the last warning)`);
    [warnedAt, alone] = [now(), 0];
  };
  const decideAlone = (user: string, n: number): boolean => (alone++, local.take(user, n));
  return {
    async take(user, n) {
      if (now() < aloneUntil) return decideAlone(user, n);
      if (redis.status !== 'ready') return unanswered(`redis is ${redis.status}`), decideAlone(user, n);
      // a hash tag keeps both keys of a user in one slot (Redis Cluster)
      const key = `${prefix}:write-rate:{${user}}`;
      let timer: NodeJS.Timeout | undefined;
      // late only after one more turn of the loop's I/O: a process that was itself too busy to read
      // for `waitMs` (its loop stalled) reads the answer Redis already sent, rather than blaming Redis
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => setImmediate(() => resolve('late')), waitMs)));
      try {
        const answer = await Promise.race([redis.gloseTakeWrite(`${key}:writes`, `${key}:bytes`, ...args, n), late]);
        if (answer !== 'late') return answer === 1;
        unanswered(`no answer within ${waitMs} ms`);
      } catch (error) {
        unanswered((error as Error).message);
      } finally {
        clearTimeout(timer);
      }
      return decideAlone(user, n);
    },
  };
}
