/**
 * The Redis extension relaying a school's documents and presence between its processes, with the
 * changes themselves sent first, the state-vector exchange kept for healing, and presence paced.
 * `@hocuspocus/extension-redis` 4.7 (pinned) tells the other processes of a change only by
 * publishing the document's state vector (SyncStep1) once per turn: each of them answers with its
 * own state vector and a diff, and the process that has the change sends it in reply — three trips
 * through Redis, three diffs and two event loops before a student on another process sees a
 * classmate's write. Here the turn's changes of a document, merged, are published as one Yjs update
 * (only changes this process received, not the ones Redis brought: their process sends them; they
 * were checked and stored here before they were applied, as every change is). The other processes
 * apply it at once.
 *
 * The state-vector exchange stays, because it is what heals a message Redis dropped (its
 * publish/subscribe delivers at most once: a message is lost when a connection to Redis drops, or
 * when Redis cuts a subscriber that fell behind, which is a dropped connection too). It no longer
 * follows every change (it was two thirds of a change's Redis messages and most of the relay's CPU,
 * session scale8): a document's state vector goes out `healMs` after a change not yet covered by one
 * (so at most once per `healMs` per document), and for every open document `healMs` after a
 * connection to Redis comes back. A dropped message is so healed within `healMs`, both ways (the
 * exchange is symmetric).
 *
 * Presence through Redis is paced as presence-pace.ts paces it to clients: a document's presence
 * moves go out at most once per PRESENCE_WINDOW_MS, each client's latest state (a lone move at the
 * end of its turn, as before). The extension published every move of every client, each alone.
 *
 * Its store lock is left out: compaction is safe from several processes at once (pg-store.ts
 * locks the document in PostgreSQL), and the lock's lost races would be logged as errors at every
 * store. The publishes of one callback leave in one write to Redis (the connection is corked until
 * the callback and its first await are done), as turn-writes.ts does for clients' sockets; a turn's
 * publishes go before this process's writes to its own clients (turn-writes.ts's
 * `beforeClientWrites`), so the other processes apply them and write to their clients meanwhile. Like awareness-scratch.ts,
 * this leans on private members of the pinned version (`flushPublish`, `cancelPendingPublish`,
 * `pendingPublishes`, `publishFirstSyncStep`, `documents`, `pub`, `sub`, `pubKey`,
 * `encodeMessage`): recheck at any upgrade (tests/server/redis-relay.test.ts fails if the change
 * stops going first, or the exchange or presence stop being paced).
 */
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { isTransactionOrigin, OutgoingMessage, type Document, type Extension } from '@hocuspocus/server';
import type { Redis } from 'ioredis';
import type { Awareness } from 'y-protocols/awareness';
import { mergeUpdates } from 'yjs';
import { PRESENCE_WINDOW_MS } from './presence-pace';
import { beforeClientWrites } from './turn-writes';

/** What this module uses of the extension that its types keep private. */
type Publish = Redis['publish'];

/** A document's publishes of this turn, as the extension gathers them. */
interface Pending { document: Document; syncStepPending: boolean; awarenessClients: Set<number>; awareness?: Awareness }

interface Internals {
  pub: Pick<Redis, 'publish' | 'stream' | 'on'>;
  sub: Pick<Redis, 'on'>;
  documents: Map<string, Document>;
  pendingPublishes: Map<string, Pending>;
  pubKey(documentName: string): string;
  encodeMessage(message: Uint8Array): Buffer;
  publishFirstSyncStep(documentName: string, document: Document): Promise<number>;
  flushPublish(documentName: string): Promise<void>;
  cancelPendingPublish(documentName: string): void;
}

/** How long after a change (or a reconnection to Redis) a document's state vector goes out to heal a lost message, ms. */
export const HEAL_MS = 10_000;

/** A document's open presence window: the clients that moved during it, held until it ends. */
interface Window { clients: Set<number>; awareness?: Awareness }

export function redisRelay(redis: Redis, prefix: string, healMs = HEAL_MS): Extension {
  const extension = new RedisExtension({ redis, prefix: `${prefix}-docs` });
  extension.onStoreDocument = async () => undefined;
  const internals = extension as unknown as Internals;
  const failed = (error: Error) => console.error(`redis: a publish failed (${error.message})`);
  const publish = (documentName: string, message: Uint8Array) => internals.pub.publish(internals.pubKey(documentName), internals.encodeMessage(message));
  /** Each document's changes of this turn, waiting for the extension's end-of-turn publish. */
  const turn = new Map<string, Uint8Array[]>();
  const heals = new Map<string, NodeJS.Timeout>();
  const windows = new Map<string, Window>();

  /** The document's state vector goes out in `healMs`, unless it is already due. */
  const heal = (documentName: string, document: Document): void => {
    if (heals.has(documentName)) return;
    const timer = setTimeout(() => {
      heals.delete(documentName);
      if (internals.documents.get(documentName) === document) internals.publishFirstSyncStep(documentName, document).catch(failed);
    }, healMs);
    heals.set(documentName, timer.unref());
  };
  // messages may have been lost while a connection was down: every open document heals
  for (const client of [internals.pub, internals.sub]) {
    let connected = false;
    client.on('ready', () => (connected ? internals.documents.forEach((document, name) => heal(name, document)) : (connected = true)));
  }

  /** Opens a presence window on the document; when it ends, what it held goes out and opens the next one. */
  const openWindow = (documentName: string): void => {
    const window: Window = { clients: new Set() };
    windows.set(documentName, window);
    setTimeout(() => {
      if (windows.get(documentName) !== window) return; // the document was unloaded
      if (window.clients.size === 0 || !window.awareness) return void windows.delete(documentName);
      publish(documentName, new OutgoingMessage(documentName).createAwarenessUpdateMessage(window.awareness, [...window.clients]).toUint8Array()).catch(failed);
      openWindow(documentName);
    }, PRESENCE_WINDOW_MS).unref();
  };

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
    const pending = internals.pendingPublishes.get(documentName);
    if (pending?.syncStepPending) {
      pending.syncStepPending = false; // the change itself goes below; the exchange later
      heal(documentName, pending.document);
    }
    const window = windows.get(documentName);
    if (pending && pending.awarenessClients.size > 0) {
      if (!window) openWindow(documentName); // this turn's moves go out now
      else {
        pending.awarenessClients.forEach((id) => window.clients.add(id));
        window.awareness = pending.awareness;
        pending.awarenessClients.clear();
      }
    }
    const updates = turn.get(documentName);
    turn.delete(documentName);
    const update = updates && (updates.length === 1 ? updates[0]! : mergeUpdates(updates));
    const sent = update && publish(documentName, new OutgoingMessage(documentName).createSyncMessage().writeUpdate(update).toUint8Array());
    await Promise.all([sent, flushPublish(documentName)]);
  };

  // the publishes of one callback (a change and presence; or the two answers to another process's
  // state vector, the second one await later) leave in one write to Redis: corked until the
  // callback's ticks and the microtasks queued by then are done
  const pub = internals.pub;
  const pubPublish = pub.publish.bind(pub) as Publish;
  let corked = false;
  pub.publish = ((channel: string, message: Buffer) => {
    const stream = pub.stream as Redis['stream'] | undefined; // none before the first connection
    if (!corked && stream?.writable) {
      stream.cork();
      corked = true;
      process.nextTick(() => queueMicrotask(() => ((corked = false), stream.uncork())));
    }
    return pubPublish(channel, message);
  }) as Publish;

  // the turn's publishes leave at the start of the end of turn, before this process writes to its own
  // clients (turn-writes.ts), so the other processes apply and send them meanwhile; the extension's own
  // end-of-turn callback then finds nothing left (and still serves a turn turn-writes.ts did not end)
  const stopEarly = beforeClientWrites(() => {
    for (const documentName of [...internals.pendingPublishes.keys()]) internals.flushPublish(documentName).catch(failed);
    if (corked) {
      corked = false;
      pub.stream.uncork();
    }
  });
  const onDestroy = extension.onDestroy.bind(extension);
  extension.onDestroy = async () => {
    stopEarly();
    return onDestroy();
  };

  const cancelPendingPublish = internals.cancelPendingPublish.bind(extension);
  internals.cancelPendingPublish = (documentName) => {
    turn.delete(documentName);
    clearTimeout(heals.get(documentName));
    heals.delete(documentName);
    windows.delete(documentName);
    cancelPendingPublish(documentName);
  };
  return extension;
}
