/**
 * The write-rate quota shared in a real Redis (write-rate.ts): two counters on two Redis
 * connections — as two processes of a school hold them — give a user the burst once between
 * them, each user their own; while Redis is paused or gone, each counter decides alone within
 * its wait, and a user is still limited (per process). Skips with a printed reason without
 * redis-server.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisWriteRate } from '../../electron/server/write-rate';
import { schoolSkipReason, startRedis, type Service } from './school-infra';

const skipped = schoolSkipReason();
if (skipped) console.log(`write-rate tests skipped: ${skipped}`);

// a burst of 10 writes, refilled at one write every 100 s: nothing refills during a test
const QUOTAS = { writeBurst: 10, writesPerSecond: 0.01, writeBytesBurst: 1_000, writeBytesPerSecond: 1 };

describe.skipIf(skipped !== null)('write-rate quota in Redis', () => {
  let service: Service;
  const connections: Redis[] = [];
  const connect = async (): Promise<Redis> => {
    const redis = new Redis(service.url, { maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    connections.push(redis);
    await new Promise((resolve) => redis.once('ready', resolve));
    return redis;
  };
  const warnings: string[] = [];
  const counter = (redis: Redis, waitMs = 250, retryMs = 5_000) => redisWriteRate(redis, 'wr-test', QUOTAS, Date.now, { waitMs, retryMs, warn: (m) => warnings.push(m) });

  beforeAll(async () => {
    service = await startRedis();
  });
  afterAll(async () => {
    for (const redis of connections) redis.disconnect();
    await service?.stop();
  });

  it('gives a user the burst once across two processes, and each user their own', async () => {
    const [a, b] = [counter(await connect()), counter(await connect())];
    const answers: boolean[] = [];
    for (let i = 0; i < 30; i++) answers.push(await (i % 2 ? a : b).take('spread', 10));
    expect(answers.filter(Boolean)).toHaveLength(10);
    expect(answers.slice(0, 10).every(Boolean)).toBe(true);
    const concurrent = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).take('racing', 10)));
    expect(concurrent.filter(Boolean)).toHaveLength(10);
    expect(await a.take('another', 10)).toBe(true);
  });

  it('counts bytes too: one write larger than what is left is refused, and takes nothing', async () => {
    const a = counter(await connect());
    expect(await a.take('bytes', 900)).toBe(true);
    expect(await a.take('bytes', 200)).toBe(false);
    expect(await a.take('bytes', 100)).toBe(true);
  });

  it('decides in this process while Redis is paused, and asks Redis again once it answers', async () => {
    const [admin, slow, other] = [await connect(), await connect(), await connect()];
    const a = counter(slow, 200, 1_000);
    // another process has used up the user 'back''s burst: only Redis knows
    for (let i = 0; i < 10; i++) expect(await counter(other).take('back', 10)).toBe(true);
    await admin.call('CLIENT', 'PAUSE', '3000', 'ALL');
    const started = Date.now();
    const answers: boolean[] = [];
    for (let i = 0; i < 3; i++) answers.push(await a.take('paused', 10));
    expect(Date.now() - started).toBeLessThan(2_500); // not the 3 s of the pause
    expect(answers).toEqual([true, true, true]);
    expect(warnings.some((w) => w.includes('this process alone'))).toBe(true);
    expect(await a.take('back', 10)).toBe(true); // decided alone, without waiting for Redis
    await admin.call('CLIENT', 'UNPAUSE'); // answered when the pause ends: this connection is paused too
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await a.take('back', 10)).toBe(false);
  });

  it('takes Redis\'s answer when this process was too busy to read it in time, and does not blame Redis', async () => {
    const a = counter(await connect(), 100);
    const before = warnings.length;
    const answer = a.take('stalled', 10); // sent to Redis at once
    const until = Date.now() + 2_000;
    while (Date.now() < until); // this process's loop stalls (a burst of work, a starved CPU): Redis answers meanwhile
    expect(await answer).toBe(true);
    expect(warnings.slice(before)).toEqual([]);
  });

  it('decides in this process at once when Redis is gone: the burst, then refusals', async () => {
    const redis = await connect();
    const a = counter(redis);
    await service.stop();
    await new Promise((resolve) => (redis.status === 'ready' ? redis.once('close', resolve) : resolve(null)));
    const started = Date.now();
    const answers: boolean[] = [];
    for (let i = 0; i < 15; i++) answers.push(await a.take('offline', 10));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(answers.filter(Boolean)).toHaveLength(10);
  });
});
