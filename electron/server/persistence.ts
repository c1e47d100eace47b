/**
 * The Hocuspocus extension that keeps documents in the DocStore: loads (compacted) on
 * onLoadDocument, persists a writable connection's update in beforeHandleMessage — after the
 * write guard accepted it, before Hocuspocus applies and acknowledges it — and server-side
 * writes in onChange; compacts on the debounced onStoreDocument. A document the database cannot
 * read is refused to the client as `storage-corrupt` (Hocuspocus would say "permission-denied"),
 * and logged with its name.
 */
import { isTransactionOrigin, type Extension } from '@hocuspocus/server';
import { inboundUpdate } from './inbound';
import { Refusal } from './reasons';
import { StorageCorrupt } from './storage-integrity';
import type { ServerStore } from './pg-store';
import { applyStoredUpdate } from './stored-update';

export function persistence(store: ServerStore): Extension {
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
      if (update) await store.append(documentName, update);
    },
    async onChange({ documentName, transactionOrigin, update }) {
      // a client's update was stored before it was applied; one relayed by Redis was stored by the process it came to
      if (isTransactionOrigin(transactionOrigin) && (transactionOrigin.source === 'connection' || transactionOrigin.source === 'redis')) return;
      await store.append(documentName, update).catch((error: unknown) => console.error('storage: append failed', error));
    },
    async onStoreDocument({ documentName }) {
      await store.compact(documentName);
    },
  };
}

function storageRefusal(error: unknown): never {
  if (!(error instanceof StorageCorrupt)) throw error;
  console.error(error.message);
  throw new Refusal('storage-corrupt');
}
