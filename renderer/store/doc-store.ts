/**
 * Opens the Yjs documents the page works with, each persisted in IndexedDB (y-indexeddb) and
 * loaded from it before anyone reads or writes, so work survives reloads and offline use. In a
 * class session each document is also attached to the server (sync.ts), from the start.
 * A document is opened once per page and shared by every component that asks for it; one that
 * cannot be opened is reported to doc-errors.ts, which the app shows.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import { reportDocError } from './doc-errors';
import { attach, storageScope } from './sync';

interface OpenDoc {
  doc: Y.Doc;
  ready: Promise<Y.Doc>;
  persistence: IndexeddbPersistence;
  compacting?: boolean;
}


const open = new Map<string, OpenDoc>();

function entryOf(name: string): OpenDoc {
  let entry = open.get(name);
  if (!entry) {
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(storageScope() + name, doc);
    const ready = new Promise<Y.Doc>((resolve, reject) => {
      persistence.once('synced', () => resolve(doc));
      // y-indexeddb reports an unusable database (private mode, quota, blocked) on the request
      persistence._db.catch(reject);
    });
    ready.catch((error: unknown) => reportDocError(name, error));
    entry = { doc, ready, persistence };
    open.set(name, entry);
    // syncing starts alongside the IndexedDB load (Yjs merges both in any order): a revealed
    // class's 30 layers arrive without waiting for 30 databases to open first
    attach(name, doc);
  }
  return entry;
}

/**
 * The document `name` at once, while its IndexedDB copy may still be loading (Yjs merges it in).
 * y-indexeddb stores a document's state as it is when its database opens, so a document filled
 * before (from a layer snapshot) would add a full copy to its database at every opening: such a
 * database is compacted to one entry (y-indexeddb's own storeState) at the first idle moment after it loaded.
 */
export function docNow(name: string): Y.Doc {
  const entry = entryOf(name);
  if (!entry.compacting) {
    entry.compacting = true;
    void entry.ready.then(() => requestIdleCallback(() => void storeState(entry.persistence)), () => {});
  }
  return entry.doc;
}

/** The document `name`, resolved once its IndexedDB copy has been loaded. */
export function loadDoc(name: string): Promise<Y.Doc> {
  const entry = entryOf(name);
  // attached on every request: a document the server refused earlier is tried again
  return entry.ready.then((doc) => (attach(name, doc), doc));
}
