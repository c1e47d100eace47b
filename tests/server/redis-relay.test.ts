/**
 * A school's processes relay a change through Redis in one message (redis-relay.ts): two
 * Hocuspocus instances on a throw-away Redis, a change made on one. It reaches the other even when
 * that one's answers are lost (the extension's own exchange needs them: state vector, answer,
 * reply); the state-vector exchange no longer follows every change but goes out once per heal
 * window; when the change's own message is lost, or a process's connection to Redis drops, that
 * exchange still brings it, so nothing Redis drops is lost for good. Presence moves go out at
 * most once per window, each client's latest state. The publishes of one callback leave in one
 * write. Skips with a printed reason where redis-server is not installed.
 */
import type { Socket } from 'node:net';
import { Hocuspocus, type DirectConnection, type Document } from '@hocuspocus/server';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PRESENCE_WINDOW_MS } from '../../electron/server/presence-pace';
import { redisRelay } from '../../electron/server/redis-relay';
import { waitFor } from './helpers';
import { schoolSkipReason, startRedis, type Service } from './school-infra';

const skipped = schoolSkipReason();
if (skipped) console.log(`Redis relay tests skipped: ${skipped}`);

type Publish = (channel: string, message: Buffer) => Promise<number>;

/** A published message's (the extension's: identifier, then a Hocuspocus message) type and, for a sync message, its kind. */
function kindOf(message: Buffer): 'update' | 'state vector' | 'awareness' | 'other' {
  const d = decoding.createDecoder(message.subarray(1 + message[0]!));
  decoding.readVarString(d); // the document's name
  const type = decoding.readVarUint(d);
  if (type === 1) return 'awareness';
  if (type !== 0) return 'other';
  const sync = decoding.readVarUint(d);
  return sync === 2 ? 'update' : sync === 0 ? 'state vector' : 'other';
}
const isUpdate = (message: Buffer) => kindOf(message) === 'update';

/** How long after a change the tests' processes send the state vector that heals a lost message, ms. */
const HEAL_MS = 300;

describe.skipIf(skipped !== null)('changes relayed between processes through Redis', () => {
  let redis: Service;
  const open: { instance: Hocuspocus; connection: DirectConnection; client: Redis; extension: { onDestroy(): Promise<void> } }[] = [];

  /**
   * A process: a Hocuspocus instance with the relay, whose publishes pass through `drop` first and
   * are recorded in `published` (channel and kind).
   */
  async function process_(name: string, drop: (channel: string, message: Buffer) => boolean = () => false) {
    const client = new Redis(redis.url);
    type Relay = ReturnType<typeof redisRelay> & { onDestroy(): Promise<void>; onAwarenessUpdate(data: unknown): Promise<void> };
    const extension = redisRelay(client, 'test', HEAL_MS) as Relay;
    const internals = extension as unknown as { pub: { publish: Publish }; sub: Redis };
    const pub = internals.pub;
    const publish = pub.publish.bind(pub);
    const published: { channel: string; kind: ReturnType<typeof kindOf> }[] = [];
    pub.publish = (channel, message) => (published.push({ channel, kind: kindOf(message) }), drop(channel, message) ? Promise.resolve(0) : publish(channel, message));
    const instance = new Hocuspocus({ quiet: true, extensions: [extension] });
    const connection = await instance.openDirectConnection(name);
    open.push({ instance, connection, client, extension });
    return Object.assign(connection, { pub: pub as unknown as { publish: Publish; stream: Socket }, sub: internals.sub, published, extension });
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
    await a.transact((doc) => doc.getMap('m').set('k', 'counted'));
    await waitFor(() => b.document!.getMap('m').get('k') === 'counted', 'the change on the other process');
    // b answers the state vector that a sends later with its own state vector and a diff: one callback
    const counts = { publishes: 0, writes: 0 };
    const publish = b.pub.publish;
    b.pub.publish = (channel, message) => (counts.publishes++, publish(channel, message));
    const stream = b.pub.stream as unknown as Record<'_write' | '_writev', (...args: unknown[]) => void>;
    for (const method of ['_write', '_writev'] as const) {
      const original = stream[method];
      stream[method] = (...args: unknown[]) => (counts.writes++, original.apply(b.pub.stream, args));
    }
    await waitFor(() => counts.publishes >= 2, "b's answers to a's state vector", HEAL_MS * 10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(counts.writes).toBeLessThan(counts.publishes);
  });

  it('sends the state vector once per heal window, not after every change', async () => {
    const a = await process_('doc-4');
    const b = await process_('doc-4');
    const before = a.published.length; // the state vector of its load
    for (let i = 0; i < 5; i++) {
      await a.transact((doc) => doc.getMap('m').set('k', i));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(() => b.document!.getMap('m').get('k') === 4, 'the changes on the other process');
    const kinds = () => a.published.slice(before).filter((p) => !p.channel.includes('#reply:')).map((p) => p.kind);
    expect(kinds().filter((k) => k === 'update').length).toBe(5);
    expect(kinds()).not.toContain('state vector');
    await waitFor(() => kinds().includes('state vector'), 'the state vector of the heal window', HEAL_MS * 10);
    expect(kinds().filter((k) => k === 'state vector').length).toBe(1);
  });

  it('still arrives through the exchange when its own message is lost', async () => {
    const a = await process_('doc-2', (_channel, message) => isUpdate(message));
    const b = await process_('doc-2');
    await a.transact((doc) => doc.getMap('m').set('k', 'healed'));
    await waitFor(() => b.document!.getMap('m').get('k') === 'healed', 'the change through the exchange');
  });

  it('brings what a process missed while its connection to Redis was down', async () => {
    const a = await process_('doc-5');
    const b = await process_('doc-5');
    const reconnected = new Promise((resolve) => b.sub.once('ready', resolve));
    b.sub.disconnect(true); // ioredis connects again at once, as after a network cut
    await a.transact((doc) => doc.getMap('m').set('k', 'while b was away'));
    await reconnected;
    await waitFor(() => b.document!.getMap('m').get('k') === 'while b was away', 'the missed change after the reconnection', HEAL_MS * 10);
  });

  it('sends presence moves at most once per window, each client latest state', async () => {
    const a = await process_('doc-6');
    const b = await process_('doc-6');
    const awareness = new Awareness(new Y.Doc());
    // the extension relays presence of documents with client connections; a stands in for one
    const document = { connections: new Map([['client', {}]]) } as unknown as Document;
    const before = a.published.length;
    const start = performance.now();
    for (let i = 0; i < 6; i++) {
      awareness.setLocalState({ selection: i });
      await a.extension.onAwarenessUpdate({ documentName: 'doc-6', awareness, added: [], updated: [awareness.clientID], removed: [], document });
      await new Promise((resolve) => setTimeout(resolve, PRESENCE_WINDOW_MS / 5));
    }
    const state = () => b.document!.awareness.getStates().get(awareness.clientID) as { selection?: number } | undefined;
    await waitFor(() => state()?.selection === 5, 'the latest move on the other process');
    const windows = Math.ceil((performance.now() - start) / PRESENCE_WINDOW_MS);
    const sent = a.published.slice(before).filter((p) => p.kind === 'awareness').length;
    expect(sent).toBeGreaterThanOrEqual(2); // the first move at once, the last after its window
    expect(sent).toBeLessThanOrEqual(windows + 1);
    expect(sent).toBeLessThan(6);
  });
});
