/**
 * The per-article snapshot of its layers: one IndexedDB database holding, for each article
 * opened on this machine, the state of every layer shown with it (owner → Yjs update), written
 * after its layers have loaded and whenever one changes. Opening the article reads it in one
 * transaction, so a class's 30 layers are painted at once instead of one database at a time;
 * each layer's own y-indexeddb database stays the record of truth and is merged in behind
 * (docs/decisions.md, "Opening an article: one snapshot, then each layer's own database").
 * Beside each state it keeps the layer's checked records as plain data (layer-preview.ts), so
 * the article is painted before any Yjs decoding. An entry of an older version holds the
 * state alone. What is read is checked like anything from a file: a broken entry reads as none.
 */
import * as idb from 'lib0/indexeddb';
import { z } from 'zod';
import { idSchema } from '../../shared/protocol/fields';

const DB_NAME = 'glose-layer-snapshots';
const STORE = 'articles';

const bytes = z.instanceof(Uint8Array);
/** the plain part is only shaped here; each record in it is checked when it is read (layer-preview.ts) */
const plainSchema = z.object({
  records: z.array(z.unknown()),
  invalid: z.array(z.tuple([z.string(), z.string()])),
  discussion: z.object({ replies: z.array(z.unknown()), votes: z.array(z.unknown()), statuses: z.array(z.unknown()), invalid: z.number() }),
});
const entrySchema = z.map(idSchema, z.union([bytes.transform((state) => ({ state })), z.object({ state: bytes, plain: plainSchema.optional() })]));

/** A layer's checked records, its invalid ones (id, reason) and its discussion, as stored: not trusted when read. */
export type StoredPlain = z.infer<typeof plainSchema>;

/** One layer in the snapshot: its Yjs state, and (written since the plain part exists) its records as plain data. */
export interface LayerEntry {
  state: Uint8Array;
  plain?: StoredPlain;
}

export interface LayerSnapshots {
  /** the stored layers of the article, by owner; an empty map when there are none (never rejects) */
  read(): Promise<ReadonlyMap<string, LayerEntry>>;
  /** replaces the article's snapshot (failures are ignored: the snapshot is only a shortcut) */
  write(layers: ReadonlyMap<string, LayerEntry>): Promise<void>;
}

let database: Promise<IDBDatabase> | null = null;
const open = () => (database ??= idb.openDB(DB_NAME, (db) => idb.createStores(db, [[STORE]])));

/**
 * Opens the snapshots' database ahead of the first article (the library calls it): an article
 * opened then reads its snapshot at once instead of waiting for the database to open first.
 */
export function openSnapshotsSoon(): void {
  open().catch(() => {
    // reading a snapshot then finds none: each layer's own database is read instead
  });
}

/**
 * The snapshot of article `key` (its storage scope, corpus and article). Its first read starts
 * at once, so that a view asking for it as it is first rendered has it read while React builds
 * the rest of the page.
 */
export function layerSnapshots(key: string): LayerSnapshots {
  const readNow = async (): Promise<ReadonlyMap<string, LayerEntry>> => {
    try {
      const [store] = idb.transact(await open(), [STORE], 'readonly');
      const parsed = entrySchema.safeParse(await idb.get(store!, key));
      return parsed.success ? parsed.data : new Map();
    } catch {
      return new Map();
    }
  };
  let early: Promise<ReadonlyMap<string, LayerEntry>> | null = readNow();
  return {
    read() {
      const read = early ?? readNow();
      early = null;
      return read;
    },
    async write(layers) {
      try {
        const [store] = idb.transact(await open(), [STORE]);
        await idb.rtop(store!.put(new Map(layers), key));
      } catch {
        // a full or unavailable database: the next opening reads each layer's own database
      }
    },
  };
}
