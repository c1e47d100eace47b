/**
 * The per-article snapshot of its layers: one IndexedDB database holding, for each article
 * opened on this machine, the state of every layer shown with it (owner → Yjs update), written
 * after its layers have loaded and whenever one changes. Opening the article reads it in one
 * transaction, so a class's 30 layers are painted at once instead of one database at a time;
 * each layer's own y-indexeddb database stays the record of truth and is merged in behind
 * (docs/decisions.md, "Opening an article: one snapshot, then each layer's own database").
 * What is read is checked like anything from a file: a broken entry reads as none.
 */
import * as idb from 'lib0/indexeddb';
import { z } from 'zod';
import { idSchema } from '../../shared/protocol/fields';

const DB_NAME = 'glose-layer-snapshots';
const STORE = 'articles';

const entrySchema = z.map(idSchema, z.instanceof(Uint8Array));

export interface LayerSnapshots {
  /** the stored layer states of the article, by owner; an empty map when there are none (never rejects) */
  read(): Promise<ReadonlyMap<string, Uint8Array>>;
  /** replaces the article's snapshot (failures are ignored: the snapshot is only a shortcut) */
  write(states: ReadonlyMap<string, Uint8Array>): Promise<void>;
}

let database: Promise<IDBDatabase> | null = null;
const open = () => (database ??= idb.openDB(DB_NAME, (db) => idb.createStores(db, [[STORE]])));

/** The snapshot of article `key` (its storage scope, corpus and article). */
export function layerSnapshots(key: string): LayerSnapshots {
  return {
    async read() {
      try {
        const [store] = idb.transact(await open(), [STORE], 'readonly');
        const parsed = entrySchema.safeParse(await idb.get(store!, key));
        return parsed.success ? parsed.data : new Map();
      } catch {
        return new Map();
      }
    },
    async write(states) {
      try {
        const [store] = idb.transact(await open(), [STORE]);
        await idb.rtop(store!.put(new Map(states), key));
      } catch {
        // a full or unavailable database: the next opening reads each layer's own database
      }
    },
  };
}
