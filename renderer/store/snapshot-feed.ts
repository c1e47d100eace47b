/**
 * Opens an article's layers from its snapshot (layer-snapshots.ts) and keeps that snapshot
 * written. Once the one snapshot read is done, every layer it holds reaches the article state
 * in the same task (one paint, not thirty): from its plain records when the snapshot has them
 * (no Yjs decoding before the first paint), else from its Yjs state. After that paint, the
 * layers' states are applied to their documents (docNow: before their own IndexedDB databases
 * are opened, so into documents nobody listens to yet) and the state switches to them (a
 * preview whose state cannot be read is taken out); then the layers' own databases are loaded
 * and merge in behind (Yjs merges identical or older state without a change, and anything
 * newer arrives as an ordinary update). Once the layers are loaded, their states and records
 * are written back: at once when the opener says so, and again shortly after any change.
 */
import * as Y from 'yjs';
import type { Preview } from './layer-preview';
import type { LayerEntry, LayerSnapshots, StoredPlain } from './layer-snapshots';

/** The origin of what a snapshot adds to a document (neither the user's action nor the server's). */
export const SNAPSHOT = 'glose:snapshot';
const SAVE_AFTER_MS = 500;
/** in a page that paints no frame (hidden), the layers' documents are not waited for longer than this */
const FRAME_AT_MOST_MS = 100;

/** What the feed does with one layer of the snapshot (the opener's side). */
export interface LayerSeed {
  /** applies a state to the layer's document (docNow) and returns that document */
  open: (fill: (doc: Y.Doc) => void) => Y.Doc;
  /** the layer's document is in */
  add: (doc: Y.Doc) => void;
  /** shows the layer from plain data until its document is in; false when refused */
  preview: (preview: Preview) => boolean;
  /** a preview's document cannot be read: the preview goes, the layer's own database still loads */
  drop: () => void;
  /** loads the layer's own database */
  load: () => void;
}

export interface SnapshotFeed {
  /** Once the snapshot is read (now if it is): feeds owner's stored layer to `seed`, then loads its database. */
  seed(owner: string, seed: LayerSeed): void;
  /** The owner's layer has loaded: it is part of the snapshot from now on. */
  track(owner: string, doc: Y.Doc): void;
  untrack(owner: string): void;
  /** writes the snapshot now */
  save(): void;
  /** writes a change not written yet, and stops */
  stop(): void;
}

/** Runs `work` once, after the next frame is painted (in Node, with no frames: in the next task). */
function afterPaint(work: () => void): void {
  let done = false;
  const once = () => void (done || ((done = true), work()));
  if (typeof requestAnimationFrame !== 'function') return void setTimeout(once);
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, FRAME_AT_MOST_MS);
}

/**
 * `batch` runs the seeding of every layer asked for before the snapshot was read, as one
 * change; `plainOf` gives what the article state reads of a layer, to be stored with its state.
 */
export function snapshotFeed(snapshots: LayerSnapshots, batch: (work: () => void) => void, plainOf: (owner: string) => StoredPlain | undefined): SnapshotFeed {
  let stored: ReadonlyMap<string, LayerEntry> | null = null;
  const waiting: (() => void)[] = [];
  // previewed layers' documents, and the databases of the layers seeded, waiting for the next paint
  const previews: (() => void)[] = [];
  const loads: (() => void)[] = [];
  let scheduled = false;
  // the layers' own databases are opened after the layers the snapshot holds are painted
  const loadAll = () => {
    const now = loads.splice(0);
    setTimeout(() => now.forEach((load) => load()));
  };
  const afterSeeds = () => {
    if (!previews.length) return loadAll();
    if (scheduled) return;
    scheduled = true;
    afterPaint(() => {
      scheduled = false;
      batch(() => previews.splice(0).forEach((materialise) => materialise()));
      loadAll();
    });
  };
  void snapshots.read().then((entries) => {
    stored = entries;
    batch(() => waiting.splice(0).forEach((seed) => seed()));
    afterSeeds();
  });
  /** seeds `owner`; a previewed layer's document is made after the next paint (or when asked for) */
  const seedNow = (owner: string, s: LayerSeed) => {
    const entry = stored?.get(owner);
    if (!entry) return;
    let doc: Y.Doc | null | undefined;
    const materialise = () => {
      if (doc !== undefined) return doc;
      try {
        doc = s.open((target) => Y.applyUpdate(target, entry.state, SNAPSHOT));
      } catch {
        doc = null; // not a Yjs update: the layer's own database still loads
      }
      if (doc) s.add(doc);
      else s.drop();
      return doc;
    };
    if (entry.plain && s.preview({ plain: entry.plain, materialise })) previews.push(materialise);
    else materialise();
  };
  const tracked = new Map<string, Y.Doc>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    void snapshots.write(new Map([...tracked].map(([owner, doc]) => [owner, { state: Y.encodeStateAsUpdate(doc), plain: plainOf(owner) }])));
  };
  const later = () => {
    if (timer === undefined) timer = setTimeout(save, SAVE_AFTER_MS);
  };
  return {
    seed(owner, seed) {
      const now = () => {
        seedNow(owner, seed);
        loads.push(seed.load);
      };
      if (!stored) return void waiting.push(now);
      now();
      afterSeeds();
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
