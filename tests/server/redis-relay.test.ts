/**
 * A school's processes relay a change through Redis in one message (redis-relay.ts): two
 * Hocuspocus instances on a throw-away Redis, a change made on one. It reaches the other even when
 * that one's answers are lost (the extension's own exchange needs them: state vector, answer,
 * reply); and when the change's own message is lost, the exchange still brings it, so nothing
 * Redis drops is lost for good. The publishes of one callback leave in one write. Skips with a printed reason where redis-server is not installed.
 */
import type { Socket } from 'node:net';
import { Hocuspocus, type DirectConnection } from '@hocuspocus/server';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { redisRelay } from '../../electron/server/redis-relay';
import { waitFor } from './helpers';
import { schoolSkipReason, startRedis, type Service } from './school-infra';

const skipped = schoolSkipReason();
if (skipped) console.log(`Redis relay tests skipped: ${skipped}`);

type Publish = (channel: string, message: Buffer) => Promise<number>;

/** Whether a published message (the extension's: identifier, then a Hocuspocus message) is a Yjs update. */
function isUpdate(message: Buffer): boolean {
  const d = decoding.createDecoder(message.subarray(1 + message[0]!));
  decoding.readVarString(d); // the document's name
  return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 2; // sync, update
}

describe.skipIf(skipped !== null)('changes relayed between processes through Redis', () => {
  let redis: Service;
  const open: { instance: Hocuspocus; connection: DirectConnection; client: Redis; extension: { onDestroy(): Promise<void> } }[] = [];

  /** A process: a Hocuspocus instance with the relay, whose publishes pass through `drop` first. */
  async function process_(name: string, drop: (channel: string, message: Buffer) => boolean = () => false) {
    const client = new Redis(redis.url);
    const extension = redisRelay(client, 'test') as ReturnType<typeof redisRelay> & { onDestroy(): Promise<void> };
    const pub = (extension as unknown as { pub: { publish: Publish } }).pub;
    const publish = pub.publish.bind(pub);
    pub.publish = (channel, message) => (drop(channel, message) ? Promise.resolve(0) : publish(channel, message));
    const instance = new Hocuspocus({ quiet: true, extensions: [extension] });
    const connection = await instance.openDirectConnection(name);
    open.push({ instance, connection, client, extension });
    return Object.assign(connection, { pub: pub as unknown as { publish: Publish; stream: Socket } });
  }

  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);
  afterEach(async () => {
    for (const { connection, instance, client, extension } of open.splice(0)) {
      await connection.disconnect();
      instance.closeConnections();
      await extension.onDestroy();
      client.disconnect();
    }
  });
  afterAll(() => redis?.stop());

  it('reaches the other process in one message, without its answers', async () => {
    const a = await process_('doc-1');
    const b = await process_('doc-1', (channel) => channel.includes('#reply:'));
    await a.transact((doc) => doc.getMap('m').set('k', 'from a'));
    await waitFor(() => b.document!.getMap('m').get('k') === 'from a', 'the change on the other process');
  });

  it("sends one callback's publishes to Redis in one write", async () => {
    const a = await process_('doc-3');
    const b = await process_('doc-3');
    const counts = { publishes: 0, writes: 0 };
    const publish = a.pub.publish;
    a.pub.publish = (channel, message) => (counts.publishes++, publish(channel, message));
    const stream = a.pub.stream as unknown as Record<'_write' | '_writev', (...args: unknown[]) => void>;
    for (const method of ['_write', '_writev'] as const) {
      const original = stream[method];
      stream[method] = (...args: unknown[]) => (counts.writes++, original.apply(a.pub.stream, args));
    }
    await a.transact((doc) => doc.getMap('m').set('k', 'counted'));
    await waitFor(() => b.document!.getMap('m').get('k') === 'counted', 'the change on the other process');
    await new Promise((resolve) => setTimeout(resolve, 200)); // the exchange's answers
    expect(counts.publishes).toBeGreaterThanOrEqual(2); // the change and its state vector, at least
    expect(counts.writes).toBeLessThan(counts.publishes);
  });

  it('still arrives through the exchange when its own message is lost', async () => {
    const a = await process_('doc-2', (_channel, message) => isUpdate(message));
    const b = await process_('doc-2');
    await a.transact((doc) => doc.getMap('m').set('k', 'healed'));
    await waitFor(() => b.document!.getMap('m').get('k') === 'healed', 'the change through the exchange');
  });
});
