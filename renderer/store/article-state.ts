/**
 * The open article's state, outside React (the pattern of Recogito's TextAnnotatorState and
 * Hypothesis's store modules): the text, the layer documents and their records placed in the
 * text, focus, hover and editing, and — derived lazily — threads and links. Each record is
 * anchored once, when it arrives or changes (or when the text changes), and every change is
 * told to observers as records added and removed, so a painter repaints only those. A layer may
 * first be read from the snapshot's plain data (layer-preview.ts) and then switch to its
 * document: only the records that differ are told.
 * React reads it with useSyncExternalStore (subscribe/getSnapshot). DOM-free.
 */
import * as Y from 'yjs';
import { discussionTypes, type Thread } from '../../shared/model/discussion';
import { annotationsMap } from '../../shared/model/layer';
import { LOCAL } from '../../shared/model/origins';
import type { Article } from '../../shared/model/corpus';
import type { Annotation } from '../../shared/model/record';
import type { Located } from '../../shared/model/relations';
import { codePointIndex, type CodePointIndex } from '../../shared/text/code-points';
import { watchLayer, type RecordChanges } from './layer-watch';
import { changesBetween, plainOf, previewWatch, type Layer, type Preview } from './layer-preview';
import type { StoredPlain } from './layer-snapshots';
import { vouchedAuthor } from '../../shared/model/authorship';
import type { RosterEntry } from '../../shared/model/roster';
import { placeRecord, placementOf, type Placed, type Placement } from './placed-annotations';
import { articleLinks, articleThreads, linkCandidates, type RoleOf } from './article-derived';
import type { ShownLink } from './link-view';
import { stateSignals, type PlacementChange } from './state-signals';

export interface ArticleSnapshot {
  text: string | undefined;
  index: CodePointIndex | null;
  /** null until the text and the user's own layer are there */
  placement: Placement | null;
  threads: Map<string, Thread>;
  links: Map<string, ShownLink[]>;
  /** the user is the corpus's teacher (alone, they are) */
  isTeacher: boolean;
  focusedId: string | null;
  hoveredId: string | null;
  editingId: string | null;
  /** a document that could not be opened, by name: the view says so instead of loading forever */
  problem: string | null;
  /** every layer asked for is in (then the rest of the corpus may be read) */
  settled: boolean;
}

export type { PlacementChange } from './state-signals';

const keyOf = (owner: string, id: string) => `${owner}/${id}`;
const sameTarget = (a: Annotation['target'], b: Annotation['target']) =>
  a.start === b.start && a.end === b.end && a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;

export type ArticleState = ReturnType<typeof createArticleState>;

export function createArticleState(article: string, me: string) {
  let text: string | undefined;
  let index: CodePointIndex | null = null;
  const layers = new Map<string, Layer>();
  const placed = new Map<string, Placed>();
  const view = { focusedId: null as string | null, hoveredId: null as string | null, editingId: null as string | null, problem: null as string | null, settled: false };
  let roleOf: RoleOf = () => undefined;
  /** the server-written roster: the names and colours shown for each layer's owner */
  let roster: ReadonlyMap<string, RosterEntry> = new Map();
  // the user's own actions (records and discussion, LOCAL origin) are what Ctrl+Z undoes
  let undo: Y.UndoManager | null = null;
  // sealed: the view is handing over to another state (article-handover.ts), nothing more is written here
  let sealed = false;
  let corpus: { elsewhere: Located[]; articles: Article[] } = { elsewhere: [], articles: [] };
  let snapshot: ArticleSnapshot | null = null;
  let placement: Placement | null = null;
  let threads: Map<string, Thread> | null = null;
  let links: Map<string, ShownLink[]> | null = null;
  const signals = stateSignals();

  const notify = (what: { records?: boolean; discussion?: boolean; corpus?: boolean }) => {
    snapshot = null;
    if (what.records) placement = threads = links = null;
    if (what.discussion) threads = null;
    if (what.corpus) links = null;
    signals.changed();
  };
  const tell = signals.placed;
  const place = (owner: string, annotation: Annotation): Placed | null => {
    if (!index) return null;
    const before = placed.get(keyOf(owner, annotation.id));
    const p: Placed = before && sameTarget(before.annotation.target, annotation.target) && before.annotation.detached === annotation.detached
      ? { ...before, annotation }
      : placeRecord(index, annotation, owner, owner === me);
    placed.set(keyOf(owner, annotation.id), p);
    return p;
  };
  const apply = (owner: string, changes: RecordChanges) => {
    const change: PlacementChange = { reset: false, removed: [], added: [] };
    for (const id of changes.deleted) {
      const old = placed.get(keyOf(owner, id));
      if (old) change.removed.push(old);
      placed.delete(keyOf(owner, id));
    }
    for (const annotation of changes.upserted) {
      const old = placed.get(keyOf(owner, annotation.id));
      const p = place(owner, annotation);
      if (old) change.removed.push(old);
      if (p) change.added.push(p);
    }
    tell(change);
    notify({ records: true });
  };
  const removeLayer = (owner: string) => {
    const layer = layers.get(owner);
    if (!layer) return;
    layer.watch.stop();
    layers.delete(owner);
    if (owner === me) undo = (undo?.destroy(), null);
    apply(owner, { upserted: [], deleted: [...layer.watch.records.keys()] });
  };
  const authorOf = (owner: string) => (claimed: Annotation['author']) => vouchedAuthor(owner, roster, claimed);
  /** `owner`'s layer is now read from `next`: only the records that differ from before are told */
  const switchTo = (owner: string, next: Layer) => {
    const before = layers.get(owner);
    before?.watch.stop();
    layers.set(owner, next);
    if (owner === me && before?.doc !== next.doc) {
      undo?.destroy();
      undo = next.doc && new Y.UndoManager([annotationsMap(next.doc), ...discussionTypes(next.doc)], { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 });
    }
    apply(owner, changesBetween(before?.watch.records ?? new Map(), next.watch.records));
    notify({ discussion: true });
  };
  const startLayer = (owner: string, doc: Y.Doc) =>
    switchTo(owner, { doc, watch: watchLayer(doc, (changes) => apply(owner, changes), () => notify({ discussion: true }), authorOf(owner)) });
  const startPreview = (owner: string, preview: Preview): boolean => {
    const watch = previewWatch(preview.plain, authorOf(owner));
    if (watch) switchTo(owner, { doc: null, watch, preview });
    return watch !== null;
  };
  const setView = (key: 'focusedId' | 'hoveredId' | 'editingId', id: string | null) => {
    if (view[key] === id) return;
    view[key] = id;
    notify({});
  };
  /** the text and the user's own layer are there: the article can be shown with its marks */
  const ready = () => index !== null && layers.has(me);
  const placeAll = () => {
    placed.clear();
    for (const [owner, { watch }] of layers) for (const a of watch.records.values()) place(owner, a);
  };

  return {
    article,
    setText(next: string) {
      if (next === text) return;
      text = next;
      index = codePointIndex(next);
      const removed = [...placed.values()];
      placeAll();
      tell({ reset: true, removed, added: [...placed.values()] });
      notify({ records: true });
    },
    /** Starts reading `owner`'s layer document (the user's own, or a visible classmate's); a preview switches to it. */
    addLayer(owner: string, doc: Y.Doc) {
      if (layers.get(owner)?.doc === doc) return;
      startLayer(owner, doc);
    },
    /**
     * Shows `owner`'s layer from the snapshot's plain data until its document is added; false
     * (and nothing shown) when the data fails its checks or the layer's document is already in.
     */
    preview(owner: string, preview: Preview): boolean {
      return !layers.get(owner)?.doc && startPreview(owner, preview);
    },
    /** Takes `owner`'s layer out if it is still only a preview. */
    dropPreview(owner: string) {
      if (layers.get(owner)?.preview) removeLayer(owner);
    },
    /** What `owner`'s layer reads now, as plain data for the snapshot. */
    plainLayer: (owner: string): StoredPlain | undefined => {
      const layer = layers.get(owner);
      return layer && plainOf(layer.watch);
    },
    removeLayer,
    owners: () => [...layers.keys()],
    ready,
    /** The user's own layer document, to write to (a preview is switched to its document first). */
    myLayer: (): Y.Doc | undefined => {
      if (sealed) return undefined;
      layers.get(me)?.preview?.materialise();
      return layers.get(me)?.doc ?? undefined;
    },
    /** undoes and redoes the user's own actions on this article */
    undo: () => (sealed ? undefined : undo?.undo()),
    redo: () => (sealed ? undefined : undo?.redo()),
    /** From now on nothing is written through this state: no layer to write to, no undo. */
    seal: () => void (sealed = true),
    /** The placement of a record of this article, the user's own first. */
    find: (id: string): Placed | undefined => placed.get(keyOf(me, id)) ?? [...placed.values()].find((p) => p.annotation.id === id),
    all: (): Iterable<Placed> => placed.values(),
    focus: (id: string | null) => setView('focusedId', id),
    hover: (id: string | null) => setView('hoveredId', id),
    edit: (id: string | null) => setView('editingId', id),
    report(problem: string) {
      view.problem = problem;
      notify({});
    },
    settle(settled: boolean) {
      if (view.settled === settled) return;
      view.settled = settled;
      notify({});
    },
    setRoles(next: RoleOf) {
      roleOf = next;
      notify({ discussion: true });
    },
    /** The roster changed: layers whose owner is now named or coloured otherwise are read again. */
    setRoster(next: ReadonlyMap<string, RosterEntry>) {
      const before = roster;
      roster = next;
      const same = (a?: RosterEntry, b?: RosterEntry) => a?.name === b?.name && a?.color === b?.color;
      for (const [owner, { doc, preview }] of [...layers]) {
        if (same(before.get(owner), next.get(owner))) continue;
        if (doc) startLayer(owner, doc);
        else if (!startPreview(owner, preview!)) removeLayer(owner);
      }
    },
    /** The annotations of the corpus's other articles, which links may point at. */
    setCorpus(elsewhere: Located[], articles: Article[]) {
      corpus = { elsewhere, articles };
      notify({ corpus: true });
    },
    /** What a link from annotation `from` may point at (read when the link picker opens). */
    linkCandidates: (from: string) => linkCandidates(article, from, placed.values(), corpus.elsewhere, corpus.articles),
    subscribe: signals.subscribe,
    /** The painter's feed: every change of placements, as it happens (once per batch). */
    observe: signals.observe,
    /** Runs `work` (layers added, removed…) and tells subscribers and the painter once, at its end. */
    batch: signals.batch,
    getSnapshot(): ArticleSnapshot {
      if (snapshot) return snapshot;
      if (ready() && !placement) {
        const invalid = [...layers.values()].reduce((n, l) => n + l.watch.invalid.size, 0);
        placement = placementOf(placed.values(), invalid);
      }
      const current = ready() ? placement : null;
      threads ??= articleThreads(layers, placed, me, roleOf);
      links ??= articleLinks(article, placed.values(), corpus.elsewhere, corpus.articles);
      return (snapshot = { text, index, placement: current, threads, links, isTeacher: roleOf(me) === 'teacher', ...view });
    },
    destroy() {
      for (const owner of [...layers.keys()]) removeLayer(owner);
      signals.clear();
    },
  };
}
