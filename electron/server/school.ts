/**
 * A school's server: several sync-server processes behind one address, sharing everything a class
 * needs. Documents are stored in PostgreSQL (pg-store.ts: stored before acknowledged, from any
 * process); with Redis, `@hocuspocus/extension-redis` relays every document change and presence
 * between the processes that have a document open (redis-relay.ts), the wrong-join-code limit (join-limiter.ts) and
 * the write-rate quota (write-rate.ts) are counted in Redis, the roster quota is held by an atomic
 * Redis set per class, and the class session lives in PostgreSQL and is told to every process
 * through Redis (school-session.ts).
 * Blind mode and the article list are in the corpus document, so they reach every process as
 * documents do. Without these options the server is a laptop's: one process, one LevelDB.
 */
import type { Extension } from '@hocuspocus/server';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { ClassSession, SessionKeeper } from './class-session';
import { redisJoinLimiter, type JoinLimiter } from './join-limiter';
import { PgStore } from './pg-store';
import { redisRelay } from './redis-relay';
import type { Quotas } from './quotas';
import { schoolSession } from './school-session';
import { memoryWriteRate, redisWriteRate, type WriteRate } from './write-rate';

export const schoolOptionsSchema = z.object({
  /** PostgreSQL connection string (postgres://user@host:port/db): documents and class sessions. */
  postgres: z.string().min(1),
  /** Redis URL (redis://host:port): needed as soon as there is more than one process. */
  redis: z.string().min(1).optional(),
  /** Prefix of Redis keys and channels (several schools may share one Redis). */
  prefix: z.string().regex(/^[a-z0-9-]{1,32}$/).default('glose'),
});

export type SchoolOptions = z.input<typeof schoolOptionsSchema>;

const ADMIT = `
for i = 3, #ARGV do redis.call('SADD', KEYS[1], ARGV[i]) end
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
if redis.call('SCARD', KEYS[1]) < tonumber(ARGV[2]) then redis.call('SADD', KEYS[1], ARGV[1]) return 1 end
return 0`;

export interface School {
  store: PgStore;
  /** The Redis extension, when there is Redis. */
  extensions: Extension[];
  limiter?: JoinLimiter;
  /** The write-rate quota: counted in Redis for every process when there is Redis (write-rate.ts). */
  writeRate(quotas: Quotas, now: () => number): WriteRate;
  /**
   * Whether `user` may enter the roster of `corpus` (already in it, or it has room): one check for
   * every process. `known` are the members this process sees, so the count starts right.
   */
  admit: (corpus: string, user: string, known: string[], max: number) => Promise<boolean>;
  /** The hosted class's session and where changes to it go. */
  classSession(class_: { corpus: string; title: string }, disconnect: (corpus: string, user: string) => void): Promise<{ session: ClassSession; keeper: SessionKeeper }>;
  close(): Promise<void>;
}

export async function openSchool(input: SchoolOptions): Promise<School> {
  const options = schoolOptionsSchema.parse(input);
  const store = await PgStore.open(options.postgres);
  const redis = options.redis ? new Redis(options.redis, { maxRetriesPerRequest: 3 }) : null;
  redis?.on('error', (error: Error) => console.error(`redis: ${error.message}`));
  const closers: (() => Promise<void>)[] = [];
  return {
    store,
    extensions: redis ? [redisRelay(redis, options.prefix)] : [],
    ...(redis ? { limiter: redisJoinLimiter(redis, options.prefix) } : {}),
    writeRate: (quotas, now) => (redis ? redisWriteRate(redis, options.prefix, quotas, now) : memoryWriteRate(quotas, now)),
    async admit(corpus, user, known, max) {
      if (!redis) return known.includes(user) || known.length < max;
      return (await redis.eval(ADMIT, 1, `${options.prefix}:roster:${corpus}`, user, max, ...known)) === 1;
    },
    async classSession(class_, disconnect) {
      const shared = await schoolSession(store.pool, redis, options.prefix, class_, disconnect);
      closers.push(() => shared.close());
      return shared;
    },
    async close() {
      for (const close of closers) await close();
      redis?.disconnect();
      await store.close();
    },
  };
}
