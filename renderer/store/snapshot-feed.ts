/**
 * Opens an article's layers from its snapshot (layer-snapshots.ts) and keeps that snapshot
 * written. Seeding applies a layer's stored state to its document as soon as the one snapshot
 * read is done, before the layer's own IndexedDB database is opened (so into a document nobody
 * listens to yet: doc-store.ts's docNow), and every layer the snapshot holds reaches the
 * article state in the same task (one paint, not thirty); the layer's own database is then
 * loaded and merges in behind (Yjs merges identical or older state without a change, and
 * anything newer arrives as an ordinary update). Once the layers are loaded, their states are
 * written back: at once when the opener says so, and again shortly after any change.
 */
import * as Y from 'yjs';
import type { LayerSnapshots } from './layer-snapshots';

/** The origin of what a snapshot adds to a document (neither the user's action nor the server's). */
export const SNAPSHOT = 'glose:snapshot';
const SAVE_AFTER_MS = 500;

export interface SnapshotFeed {
  /**
   * Once the snapshot is read (now if it is): gives owner's stored state to `open`, which
   * applies it to the layer's document and returns that document, then calls `add` with it (if
   * the snapshot holds that owner); then `load` (the layer's own database), in the next task
   * when the layers were waiting for the snapshot, so that opening their databases does not
   * delay the first paint.
   */
  seed(owner: string, open: (fill: (doc: Y.Doc) => void) => Y.Doc, add: (doc: Y.Doc) => void, load: () => void): void;
  /** The owner's layer has loaded: it is part of the snapshot from now on. */
  track(owner: string, doc: Y.Doc): void;
  untrack(owner: string): void;
  /** writes the snapshot now */
  save(): void;
  /** writes a change not written yet, and stops */
  stop(): void;
}

/** `batch` runs the seeding of every layer asked for before the snapshot was read, as one change. */
export function snapshotFeed(snapshots: LayerSnapshots, batch: (work: () => void) => void): SnapshotFeed {
  let stored: ReadonlyMap<string, Uint8Array> | null = null;
  const waiting: (() => () => void)[] = [];
  void snapshots.read().then((states) => {
    stored = states;
    const loads: (() => void)[] = [];
    batch(() => waiting.splice(0).forEach((seed) => loads.push(seed())));
    // the layers' own databases are opened after the layers the snapshot holds are painted
    setTimeout(() => loads.forEach((load) => load()));
  });
  const tracked = new Map<string, Y.Doc>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    void snapshots.write(new Map([...tracked].map(([owner, doc]) => [owner, Y.encodeStateAsUpdate(doc)])));
  };
  const later = () => {
    if (timer === undefined) timer = setTimeout(save, SAVE_AFTER_MS);
  };
  return {
    seed(owner, open, add, load) {
      const seed = () => {
        const state = stored?.get(owner);
        let doc: Y.Doc | null = null;
        try {
          if (state) doc = open((target) => Y.applyUpdate(target, state, SNAPSHOT));
        } catch {
          // not a Yjs update: the layer's own database still loads
        }
        if (doc) add(doc);
        return load;
      };
      if (stored) seed()();
      else waiting.push(seed);
    },
    track(owner, doc) {
      if (tracked.get(owner) === doc) return;
      tracked.get(owner)?.off('update', later);
      tracked.set(owner, doc);
      doc.on('update', later);
    },
    untrack(owner) {
      tracked.get(owner)?.off('update', later);
      tracked.delete(owner);
    },
    save,
    stop() {
      if (timer !== undefined) save();
      for (const owner of [...tracked.keys()]) this.untrack(owner);
    },
  };
}
