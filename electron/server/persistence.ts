/**
 * The Hocuspocus extension that keeps documents in the DocStore: loads (compacted) on
 * onLoadDocument, persists a writable connection's update in beforeHandleMessage — before
 * Hocuspocus applies and acknowledges it — and server-side writes in onChange; compacts on
 * the debounced onStoreDocument. A document the database cannot read is refused to the client
 * as `storage-corrupt` (Hocuspocus would say "permission-denied"), and logged with its name.
 */
import { isTransactionOrigin, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { changes, inboundUpdate } from './inbound';
import { Refusal } from './reasons';
import { StorageCorrupt } from './storage-integrity';
import type { DocStore } from './storage';

export function persistence(store: DocStore): Extension {
  return {
    extensionName: 'glose-persistence',
    async onLoadDocument({ document, documentName }) {
      const stored = await store.load(documentName).catch(storageRefusal);
      if (stored) Y.applyUpdate(document, stored);
    },
    async beforeHandleMessage({ connection, document, documentName, update: frame }) {
      if (connection.readOnly) return;
      const update = inboundUpdate(frame);
      if (update && changes(document, update)) await store.append(documentName, update);
    },
    async onChange({ documentName, transactionOrigin, update }) {
      if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'connection') return;
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
