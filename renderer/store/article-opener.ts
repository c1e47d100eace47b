/**
 * Feeds an article state from the documents it is made of: the article's text, the user's own
 * layer and the layers of everyone the user may see (the corpus roster, except for a student or
 * the projector in a blind class: they see only their own — the server would refuse the others,
 * and copies kept from before blind must not show either), and the roles
 * that decide whose discussion status counts. Layers join and leave as the roster and the
 * class settings change. Documents come through an injected loader, so this runs on in-memory
 * documents in tests and on IndexedDB-backed, server-attached ones in the page.
 */
import type * as Y from 'yjs';
import { isBlind } from '../../shared/model/class-settings';
import { articleText } from '../../shared/model/corpus';
import { corpusDocName, layerDocName, textDocName } from '../../shared/model/doc-names';
import { readRoster, rosterIds, type Role } from '../../shared/model/roster';
import type { ArticleState } from './article-state';
import type { LayerSnapshots } from './layer-snapshots';
import { snapshotFeed } from './snapshot-feed';

export interface OpenerDeps {
  loadDoc: (name: string) => Promise<Y.Doc>;
  /** the user's role from their class pass, or null when working alone (then they are the teacher) */
  role: () => Role | null;
  /**
   * The article's layer snapshot, and the document of a name at once with a state applied
   * (before its storage has loaded it): layers the snapshot holds are shown from it, all
   * together, and their own storage is asked for after it was read (snapshot-feed.ts).
   */
  snapshots?: { store: LayerSnapshots; docNow: (name: string, fill: (doc: Y.Doc) => void) => Y.Doc };
}

/** How long layers loaded one by one may be held, so that they are shown together. */
const HOLD_MS = 250;

/** Whose layers, besides the user's own, the user can see. */
export function visibleOthers(corpusDoc: Y.Doc, me: string, role: Role | null): string[] {
  if (role !== 'teacher' && role !== null && isBlind(corpusDoc)) return [];
  return rosterIds(corpusDoc).filter((id) => id !== me);
}

/** Starts feeding `state`; returns the function that stops it (and takes the layers out again). */
export function openArticle(state: ArticleState, corpus: string, article: string, me: string, deps: OpenerDeps): () => void {
  let live = true;
  const stops: (() => void)[] = [];
  const feed = deps.snapshots && snapshotFeed(deps.snapshots.store, state.batch, state.plainLayer);
  const listen = (doc: Y.Doc, onUpdate: () => void) => {
    onUpdate();
    doc.on('update', onUpdate);
    stops.push(() => doc.off('update', onUpdate));
  };
  const loaded = (name: string, then: (doc: Y.Doc) => void, after = () => {}) =>
    void deps.loadDoc(name).then(
      (doc) => live && (then(doc), after()),
      () => live && (state.report(name), after()),
    );
  // Layers loaded from their own databases while others are still loading (the first opening,
  // with no snapshot yet) are held and added together, in one batch (one paint, not thirty):
  // when the last one has loaded, or HOLD_MS after the first was held, whichever comes first.
  const held: (() => void)[] = [];
  let holding: ReturnType<typeof setTimeout> | undefined;
  const addHeld = () => {
    clearTimeout(holding);
    holding = undefined;
    if (live) state.batch(() => held.splice(0).forEach((add) => add()));
  };
  const hold = (add: () => void) => {
    held.push(add);
    holding ??= setTimeout(addHeld, HOLD_MS);
  };
  // the roster (the corpus document) counts as pending until it has been read once
  let pending = 1;
  const done = () => {
    if (--pending === 0) addHeld();
    state.settle(pending === 0);
    if (pending === 0) feed?.save();
  };
  const addLayer = (owner: string) => {
    state.settle(false);
    pending++;
    const name = layerDocName(corpus, article, owner);
    const loadedLayer = (doc: Y.Doc) =>
      hold(() => {
        if (!wanted.has(owner)) return;
        state.addLayer(owner, doc);
        feed?.track(owner, doc);
      });
    const load = () => {
      if (live) loaded(name, loadedLayer, done);
    };
    const shown = () => live && wanted.has(owner);
    if (!feed) load();
    else
      feed.seed(owner, {
        open: (fill) => deps.snapshots!.docNow(name, fill),
        add: (doc) => shown() && state.addLayer(owner, doc),
        preview: (preview) => shown() && state.preview(owner, preview),
        drop: () => state.dropPreview(owner),
        load,
      });
  };
  const removeLayer = (owner: string) => {
    feed?.untrack(owner);
    state.removeLayer(owner);
  };
  const wanted = new Set([me]);

  /** The roster decides whose layers are shown; one batch, so the layers a snapshot holds are shown together. */
  const followRoster = (corpusDoc: Y.Doc) => {
    const roster = readRoster(corpusDoc);
    state.setRoster(roster);
    const role = deps.role();
    const others = new Set(visibleOthers(corpusDoc, me, role));
    for (const owner of [...wanted]) {
      if (owner === me || others.has(owner)) continue;
      wanted.delete(owner);
      removeLayer(owner);
    }
    for (const owner of others) {
      if (wanted.has(owner)) continue;
      wanted.add(owner);
      addLayer(owner);
    }
    state.setRoles((id) => (id === me ? role ?? 'teacher' : roster.get(id)?.role));
  };

  addLayer(me);
  loaded(textDocName(corpus, article), (doc) => listen(doc, () => state.setText(articleText(doc).toString())));
  loaded(corpusDocName(corpus), (corpusDoc) => {
    listen(corpusDoc, () => state.batch(() => followRoster(corpusDoc)));
    done();
  });
  return () => {
    live = false;
    clearTimeout(holding);
    feed?.stop();
    stops.forEach((stop) => stop());
    for (const owner of state.owners()) state.removeLayer(owner);
  };
}
