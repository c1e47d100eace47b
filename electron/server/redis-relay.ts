/**
 * The Redis extension relaying a school's documents and presence between its processes, with the
 * changes themselves sent first. `@hocuspocus/extension-redis` 4.7 (pinned) tells the other
 * processes of a change only by publishing the document's state vector (SyncStep1) once per turn:
 * each of them answers with its own state vector, and the process that has the change sends it in
 * reply — three trips through Redis and two event loops before a student on another process sees
 * a classmate's write, and two diffs against a state vector per process per change (the sync bench's
 * `sync_p99_ms_redis_2proc` was 1.66 × the single process's). Here the turn's changes of a
 * document, merged, are published as one Yjs update just before that state vector, on the same
 * connection (Redis keeps their order): the other processes apply it at once, as they would the
 * reply, and the exchange that follows finds nothing missing. It stays, because it is what heals a
 * message Redis dropped (its publish/subscribe delivers at most once). Only changes this process
 * received are sent (not the ones Redis brought: their process sends them); they were checked and
 * stored here before they were applied, as every change is.
 *
 * Its store lock is left out: compaction is safe from several processes at once (pg-store.ts
 * locks the document in PostgreSQL), and the lock's lost races would be logged as errors at every
 * store. The publishes of one callback leave in one write to Redis (the connection is corked until
 * the callback is done), as turn-writes.ts does for clients' sockets. Like awareness-scratch.ts, this leans on private members of the pinned version
 * (`flushPublish`, `cancelPendingPublish`, `pub`, `pubKey`, `encodeMessage`): recheck at any
 * upgrade (tests/server/redis-relay.test.ts fails if the change stops going first).
 */
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { isTransactionOrigin, OutgoingMessage, type Extension } from '@hocuspocus/server';
import type { Redis } from 'ioredis';
import { mergeUpdates } from 'yjs';

/** What this module uses of the extension that its types keep private. */
type Publish = Redis['publish'];

interface Internals {
  pub: Pick<Redis, 'publish' | 'stream'>;
  pubKey(documentName: string): string;
  encodeMessage(message: Uint8Array): Buffer;
  flushPublish(documentName: string): Promise<void>;
  cancelPendingPublish(documentName: string): void;
}

export function redisRelay(redis: Redis, prefix: string): Extension {
  const extension = new RedisExtension({ redis, prefix: `${prefix}-docs` });
  extension.onStoreDocument = async () => undefined;
  const internals = extension as unknown as Internals;
  /** Each document's changes of this turn, waiting for the extension's end-of-turn publish. */
  const turn = new Map<string, Uint8Array[]>();

  const onChange = extension.onChange.bind(extension);
  extension.onChange = async (data) => {
    const origin = data.transactionOrigin;
    if (!(isTransactionOrigin(origin) && origin.source === 'redis')) {
      const updates = turn.get(data.documentName);
      if (updates) updates.push(data.update);
      else turn.set(data.documentName, [data.update]);
    }
    return onChange(data);
  };

  const flushPublish = internals.flushPublish.bind(extension);
  internals.flushPublish = async (documentName) => {
    const updates = turn.get(documentName);
    turn.delete(documentName);
    const update = updates && (updates.length === 1 ? updates[0]! : mergeUpdates(updates));
    const message = update && new OutgoingMessage(documentName).createSyncMessage().writeUpdate(update).toUint8Array();
    // published before flushPublish's state vector, on the same connection: it arrives first
    const sent = message && internals.pub.publish(internals.pubKey(documentName), internals.encodeMessage(message));
    await Promise.all([sent, flushPublish(documentName)]);
  };

  // the publishes of one callback (a change, its state vector and presence; or the answers to
  // another process) leave in one write to Redis: corked until the callback is done
  const pub = internals.pub;
  const publish = pub.publish.bind(pub) as Publish;
  let corked = false;
  pub.publish = ((channel: string, message: Buffer) => {
    const stream = pub.stream as Redis['stream'] | undefined; // none before the first connection
    if (!corked && stream?.writable) {
      stream.cork();
      corked = true;
      process.nextTick(() => ((corked = false), stream.uncork()));
    }
    return publish(channel, message);
  }) as Publish;

  const cancelPendingPublish = internals.cancelPendingPublish.bind(extension);
  internals.cancelPendingPublish = (documentName) => {
    turn.delete(documentName);
    cancelPendingPublish(documentName);
  };
  return extension;
}
