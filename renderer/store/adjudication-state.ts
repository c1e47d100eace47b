/**
 * The adjudication of one article, outside React: it reads the article's text, every
 * annotator's layer (the corpus roster, the user included, the gold layer not) and the gold
 * layer, keeps them open so new marks appear while annotators still work, and aligns them into
 * units (shared/curation/units.ts). A key's plan (shared/curation/plan.ts) is written to the
 * gold layer in one LOCAL transaction, which a Y.UndoManager on the gold layer's records and
 * decisions undoes and redoes. Documents come through an injected loader (IndexedDB-backed and
 * server-attached in the page, in memory in tests). DOM-free; React reads it with
 * useSyncExternalStore.
 */
import * as Y from 'yjs';
import { targetFor } from '../../shared/anchor/selectors';
import { acceptSpan, mergeSpans, rejectSpan, type Plan } from '../../shared/curation/plan';
import { alignUnits, progress, type Unit } from '../../shared/curation/units';
import { articleText, readTagset } from '../../shared/model/corpus';
import { decisionsMap, readDecisions, writeDecision } from '../../shared/model/curation';
import { corpusDocName, GOLD_OWNER, layerDocName, textDocName } from '../../shared/model/doc-names';
import { addAnnotation, annotationsMap, deleteAnnotation, layerReader } from '../../shared/model/layer';
import { LOCAL } from '../../shared/model/origins';
import { newId, type Author } from '../../shared/model/record';
import { readRoster, rosterIds } from '../../shared/model/roster';
import type { Tagset } from '../../shared/model/tagset';
import { codePointIndex, type CodePointIndex } from '../../shared/text/code-points';

export interface AdjudicationSnapshot {
  /** null until the text, the roster and the gold layer are in */
  index: CodePointIndex | null;
  tagset: Tagset | null;
  /** annotators with a span on the article, by name, with the names shown */
  owners: { id: string; name: string }[];
  units: Unit[];
  progress: { done: number; todo: number };
  canUndo: boolean;
  canRedo: boolean;
}

type Reader = ReturnType<typeof layerReader>;

export type Adjudication = ReturnType<typeof createAdjudication>;

export function createAdjudication(corpus: string, article: string, me: Author, loadDoc: (name: string) => Promise<Y.Doc>, now = () => new Date()) {
  const layers = new Map<string, { doc: Y.Doc; reader: Reader }>();
  let text: Y.Doc | null = null;
  let corpusDoc: Y.Doc | null = null;
  let gold: { doc: Y.Doc; reader: Reader; undo: Y.UndoManager } | null = null;
  let snapshot: AdjudicationSnapshot | null = null;
  let index: CodePointIndex | null = null;
  let live = true;
  const listeners = new Set<() => void>();
  const stops: (() => void)[] = [];

  const changed = () => {
    snapshot = null;
    for (const listener of [...listeners]) listener();
  };
  const listen = (doc: Y.Doc, onUpdate = changed) => {
    doc.on('update', onUpdate);
    stops.push(() => doc.off('update', onUpdate));
  };
  const watch = (owner: string) => {
    if (layers.has(owner) || owner === GOLD_OWNER) return;
    void loadDoc(layerDocName(corpus, article, owner)).then((doc) => {
      if (!live || layers.has(owner)) return;
      const reader = layerReader(doc);
      layers.set(owner, { doc, reader });
      stops.push(reader.destroy);
      listen(doc);
      changed();
    });
  };
  const annotators = () => (corpusDoc ? [...new Set([...rosterIds(corpusDoc), me.id])].filter((id) => id !== GOLD_OWNER) : []);

  void loadDoc(textDocName(corpus, article)).then((doc) => {
    text = doc;
    listen(doc, () => ((index = null), changed()));
    changed();
  });
  void loadDoc(corpusDocName(corpus)).then((doc) => {
    corpusDoc = doc;
    // members who join while the adjudicator works bring their layers in
    listen(doc, () => (annotators().forEach(watch), changed()));
    annotators().forEach(watch);
    changed();
  });
  void loadDoc(layerDocName(corpus, article, GOLD_OWNER)).then((doc) => {
    const undo = new Y.UndoManager([annotationsMap(doc), decisionsMap(doc)], { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 });
    gold = { doc, reader: layerReader(doc), undo };
    stops.push(gold.reader.destroy, () => undo.destroy());
    listen(doc);
    changed();
  });

  const build = (): AdjudicationSnapshot => {
    if (text && !index) index = codePointIndex(articleText(text).toString());
    const roster = corpusDoc ? readRoster(corpusDoc) : new Map();
    const ids = annotators().filter((id) => layers.has(id));
    const read = ids.map((owner) => ({ owner, annotations: layers.get(owner)!.reader.read().annotations }));
    const nameOf = (id: string) => roster.get(id)?.name ?? (id === me.id ? me.name : read.find((l) => l.owner === id)?.annotations[0]?.author.name ?? id);
    const ready = !!(index && corpusDoc && gold);
    const units = ready ? alignUnits(read, gold!.reader.read().annotations, readDecisions(gold!.doc)) : [];
    return {
      index: ready ? index : null,
      tagset: corpusDoc ? readTagset(corpusDoc) : null,
      owners: ids.filter((id) => read.some((l) => l.owner === id && l.annotations.length > 0)).map((id) => ({ id, name: nameOf(id) })).sort((a, b) => a.name.localeCompare(b.name)),
      units,
      progress: progress(units),
      canUndo: !!gold?.undo.canUndo(),
      canRedo: !!gold?.undo.canRedo(),
    };
  };

  /** Writes a plan to the gold layer in one undoable transaction. */
  const write = (plan: Plan) => {
    if (!gold || !index) return;
    const at = now().toISOString();
    const author = { ...me, id: GOLD_OWNER };
    const idx = index;
    gold.doc.transact(() => {
      for (const id of plan.remove) deleteAnnotation(gold!.doc, id);
      for (const g of plan.add) {
        addAnnotation(gold!.doc, { id: g.id, kind: g.kind, target: targetFor(idx, g.start, g.end), note: '', author, created: at, modified: at, links: [], status: 'open' });
      }
      for (const [about, d] of plan.decide) writeDecision(gold!.doc, about, d && { ...d, author: me, at });
    }, LOCAL);
  };
  const unitOf = (key: string) => (snapshot ?? build()).units.find((u) => u.spans.some((s) => s.key === key));
  const act = (key: string, plan: (unit: Unit) => Plan) => {
    const unit = unitOf(key);
    if (unit) write(plan(unit));
  };

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot(): AdjudicationSnapshot {
      return (snapshot ??= build());
    },
    accept: (key: string, kind?: string) => act(key, (unit) => acceptSpan(unit, key, newId(), kind)),
    merge: (key: string) => act(key, (unit) => mergeSpans(unit, key, newId())),
    reject: (key: string) => act(key, (unit) => rejectSpan(unit, key)),
    undo: () => gold?.undo.undo(),
    redo: () => gold?.undo.redo(),
    stop() {
      live = false;
      stops.forEach((stop) => stop());
      listeners.clear();
    },
  };
}
