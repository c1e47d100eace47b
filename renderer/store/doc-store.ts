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
}

const open = new Map<string, OpenDoc>();
/** documents filled by docNow whose storage and sync are not attached yet */
const filled = new Map<string, Y.Doc>();
/**
 * A new document named for `name`: its guid (which only subdocuments use) is the name, not a
 * random uuid (31 calls of crypto.getRandomValues per document, 30 documents per opening).
 */
const newDoc = (name: string) => new Y.Doc({ guid: name });

function entryOf(name: string): OpenDoc {
  let entry = open.get(name);
  if (!entry) {
    const prefilled = filled.get(name);
    filled.delete(name);
    const doc = prefilled ?? newDoc(name);
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
    // y-indexeddb stores a document's state as it is when its database opens: a document filled
    // before adds a full copy at every opening, so its database is compacted to one entry
    // (y-indexeddb's own storeState) at the first idle moment after it loaded
    if (prefilled) void ready.then(() => requestIdleCallback(() => void storeState(persistence)), () => {});
  }
  return entry;
}

/**
 * The document `name` at once, with `fill` applied to it (an error of `fill` is thrown). A
 * document not open yet is filled before its storage and sync are attached, which happens when
 * it is first loaded (loadDoc): nobody listens to its updates yet, so nothing is encoded or
 * written for each (most of the cost of applying a class's 30 layers), then y-indexeddb stores
 * its state as it is when its database opens and the sync handshake sends what the server lacks.
 */
export function docNow(name: string, fill: (doc: Y.Doc) => void): Y.Doc {
  let doc = open.get(name)?.doc ?? filled.get(name);
  if (!doc) filled.set(name, (doc = newDoc(name)));
  fill(doc);
  return doc;
}

/** The document `name`, resolved once its IndexedDB copy has been loaded. */
export function loadDoc(name: string): Promise<Y.Doc> {
  const entry = entryOf(name);
  // attached on every request: a document the server refused earlier is tried again
  return entry.ready.then((doc) => (attach(name, doc), doc));
}
