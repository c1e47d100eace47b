/**
 * The Hocuspocus extension that keeps documents in the DocStore: loads (compacted) on
 * onLoadDocument, persists a writable connection's update in beforeHandleMessage — after the
 * write guard accepted it, before Hocuspocus applies and acknowledges it — and server-side
 * writes in onChange; the debounced onStoreDocument puts the document in the background
 * compaction queue (compaction-queue.ts). A document the database cannot
 * read is refused to the client as `storage-corrupt` (Hocuspocus would say "permission-denied"),
 * and logged with its name. A write that cannot be stored (the database is gone: PostgreSQL
 * restarting) closes the writer's socket, so its client reconnects and sends it again.
 */
import { isTransactionOrigin, type Extension } from '@hocuspocus/server';
import type { CompactionQueue } from './compaction-queue';
import { inboundUpdate } from './inbound';
import { Refusal } from './reasons';
import { StorageCorrupt } from './storage-integrity';
import type { StoreOps } from './metrics';
import { applyStoredUpdate } from './stored-update';

export function persistence(store: StoreOps, compactions: CompactionQueue): Extension {
  return {
    extensionName: 'glose-persistence',
    async onLoadDocument({ document, documentName }) {
      const stored = await store.load(documentName).catch(storageRefusal);
      if (stored) applyStoredUpdate(document, stored, documentName);
    },
    async beforeHandleMessage({ connection, documentName, update: frame }) {
      if (connection.readOnly) return;
      // the write guard has read this frame: null when it refused it or it changes nothing
      const update = inboundUpdate(frame);
      if (!update) return;
      try {
        await store.append(documentName, update);
      } catch (error) {
        // not stored, so not acknowledged: the client keeps it and sends it again once reconnected
        console.error(`storage: a write to ${documentName} could not be stored (${(error as Error).message}); its socket is closed`);
        connection.webSocket.close(1011, 'storage-unavailable');
        throw error;
      }
    },
    async onChange({ documentName, transactionOrigin, update }) {
      // a client's update was stored before it was applied; one relayed by Redis was stored by the process it came to
      if (isTransactionOrigin(transactionOrigin) && (transactionOrigin.source === 'connection' || transactionOrigin.source === 'redis')) return;
      await store.append(documentName, update).catch((error: unknown) => console.error('storage: append failed', error));
    },
    async onStoreDocument({ documentName }) {
      compactions.add(documentName);
    },
  };
}

function storageRefusal(error: unknown): never {
  if (!(error instanceof StorageCorrupt)) throw error;
  console.error(error.message);
  throw new Refusal('storage-corrupt');
}
