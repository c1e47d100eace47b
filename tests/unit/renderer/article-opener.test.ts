import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openArticle } from '../../../renderer/store/article-opener';
import { createArticleState } from '../../../renderer/store/article-state';
import { setBlind } from '../../../shared/model/class-settings';
import { layerDocName, textDocName } from '../../../shared/model/doc-names';
import { recordMember, rosterMap } from '../../../shared/model/roster';
import type { Role } from '../../../shared/model/roster';
import { addAnnotation, annotationsMap } from '../../../shared/model/layer';
import type { Annotation } from '../../../shared/model/record';
import type { LayerEntry } from '../../../renderer/store/layer-snapshots';
import { plainOf } from '../../../renderer/store/layer-preview';
import { watchLayer } from '../../../renderer/store/layer-watch';
import { LOCAL } from '../../../shared/model/origins';
import { layerWith, recordAt, oneArticle, TEXT } from './article-fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A corpus of one article with a roster, and a loader over in-memory documents. */
function classroom() {
  const { docs, corpusDoc } = oneArticle();
  for (const [id, role] of [['ana', 'student'], ['bob', 'student'], ['mme', 'teacher']] as const) {
    recordMember(corpusDoc, id, { name: id, color: '#000000', role });
    docs.set(layerDocName('c', 'a1', id), layerWith(recordAt(`${id}1`, id, 'chômage')));
  }
  const loadDoc = async (name: string) => docs.get(name) ?? Promise.reject(new Error(`no such document: ${name}`));
  return { docs, corpusDoc, loadDoc };
}

const owners = (state: ReturnType<typeof createArticleState>) => [...state.all()].map((p) => p.owner).sort();

describe('article opener', () => {
  it('feeds the text, the user’s layer and the roster’s layers, which join and leave with the roster', async () => {
    const room = classroom();
    const state = createArticleState('a1', 'ana');
    const stop = openArticle(state, 'c', 'a1', 'ana', { loadDoc: room.loadDoc, role: () => 'student' });
    await settle();
    expect(state.getSnapshot().text).toBe(TEXT);
    expect(owners(state)).toEqual(['ana', 'bob', 'mme']);
    expect(state.getSnapshot().isTeacher).toBe(false);
    room.corpusDoc.transact(() => rosterMap(room.corpusDoc).delete('bob'));
    expect(owners(state)).toEqual(['ana', 'mme']);
    stop();
    expect(owners(state)).toEqual([]);
  });

  it('shows a student in a blind class only their own layer, and the others once the teacher reveals them', async () => {
    const room = classroom();
    setBlind(room.corpusDoc, true);
    const state = createArticleState('a1', 'ana');
    openArticle(state, 'c', 'a1', 'ana', { loadDoc: room.loadDoc, role: () => 'student' });
    await settle();
    expect(owners(state)).toEqual(['ana']);
    setBlind(room.corpusDoc, false);
    await settle();
    expect(owners(state)).toEqual(['ana', 'bob', 'mme']);
  });

  it('shows the projector no one’s layer while the class is blind, even copies it already holds', async () => {
    const room = classroom();
    const state = createArticleState('a1', 'wall');
    openArticle(state, 'c', 'a1', 'wall', { loadDoc: room.loadDoc, role: () => 'observer' });
    await settle();
    expect(owners(state)).toEqual(['ana', 'bob', 'mme']);
    setBlind(room.corpusDoc, true);
    await settle();
    expect(owners(state)).toEqual([]);
  });

  it('adds the layers loaded one by one (a first opening, no snapshot) together, in one change', async () => {
    const room = classroom();
    const state = createArticleState('a1', 'ana');
    const changes: string[][] = [];
    state.observe((c) => changes.push(c.added.map((p) => p.annotation.id).sort()));
    openArticle(state, 'c', 'a1', 'ana', { loadDoc: room.loadDoc, role: () => 'student' });
    await settle();
    // (the text's arrival is a change with nothing placed yet)
    expect(changes.filter((c) => c.length)).toEqual([['ana1', 'bob1', 'mme1']]);
  });

  it('is settled once every layer asked for is in, and not before; a slow layer holds the others back a quarter of a second at most', async () => {
    const room = classroom();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowBob = async (name: string) => (name === layerDocName('c', 'a1', 'bob') ? held.then(() => room.loadDoc(name)) : room.loadDoc(name));
    const state = createArticleState('a1', 'ana');
    openArticle(state, 'c', 'a1', 'ana', { loadDoc: slowBob, role: () => 'student' });
    await settle();
    expect(owners(state)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(owners(state)).toEqual(['ana', 'mme']);
    expect(state.getSnapshot().settled).toBe(false);
    release();
    await settle();
    expect(owners(state)).toEqual(['ana', 'bob', 'mme']);
    expect(state.getSnapshot().settled).toBe(true);
  });

  it('makes the user the teacher when they work alone', async () => {
    const room = classroom();
    const state = createArticleState('a1', 'ana');
    openArticle(state, 'c', 'a1', 'ana', { loadDoc: room.loadDoc, role: (): Role | null => null });
    await settle();
    expect(state.getSnapshot().isTeacher).toBe(true);
  });

  it('names a document that cannot be opened instead of loading forever', async () => {
    const room = classroom();
    room.docs.delete(textDocName('c', 'a1'));
    const state = createArticleState('a1', 'ana');
    openArticle(state, 'c', 'a1', 'ana', { loadDoc: room.loadDoc, role: () => 'student' });
    await settle();
    expect(state.getSnapshot().problem).toBe(textDocName('c', 'a1'));
  });
});

/**
 * The page's pair of stores, in memory: `docNow` gives a layer's document at once (filled
 * with the snapshot's state), `loadDoc` fills it from the layer's own "database" (the
 * classroom's document) when released; `decoded` lists the owners whose layer document was
 * made (each decodes a state).
 */
function withSnapshot(entries: (room: ReturnType<typeof classroom>) => Map<string, LayerEntry>) {
  const room = classroom();
  const live = new Map<string, Y.Doc>();
  const decoded: string[] = [];
  const docNow = (name: string, fill: (doc: Y.Doc) => void = () => {}) => {
    if (name.includes('/layer/')) decoded.push(name.split('/').pop()!);
    const doc = live.get(name) ?? (live.set(name, new Y.Doc()), live.get(name)!);
    fill(doc);
    return doc;
  };
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const loadDoc = async (name: string) => {
    if (!name.includes('/layer/')) return room.loadDoc(name);
    await held;
    const doc = docNow(name);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(await room.loadDoc(name)), 'idb');
    return doc;
  };
  const written: Map<string, LayerEntry>[] = [];
  const store = { read: async () => entries(room), write: async (s: ReadonlyMap<string, LayerEntry>) => void written.push(new Map(s)) };
  return { room, release, written, decoded, deps: { loadDoc, role: (): Role | null => 'teacher', snapshots: { store, docNow } } };
}

describe('article opener with a layer snapshot', () => {
  const ids = (state: ReturnType<typeof createArticleState>) => [...state.all()].map((p) => p.annotation.id).sort();

  it('shows every layer the snapshot holds at once, then merges each layer’s newer database: nothing lost, nothing twice', async () => {
    const room = classroom();
    const states = new Map([...['ana', 'bob', 'mme']].map((id) => [id, Y.encodeStateAsUpdate(room.docs.get(layerDocName('c', 'a1', id))!)]));
    const setup = withSnapshot(() => new Map([...states].map(([owner, state]) => [owner, { state }])));
    // after the snapshot was written, bob's database gained a record and mme's lost hers
    const bob = setup.room.docs.get(layerDocName('c', 'a1', 'bob'))!;
    const mme = setup.room.docs.get(layerDocName('c', 'a1', 'mme'))!;
    for (const doc of [bob, mme]) Y.applyUpdate(doc, states.get(doc === bob ? 'bob' : 'mme')!);
    addAnnotation(bob, recordAt('bob2', 'bob', 'chiffres'), 'remote');
    mme.transact(() => annotationsMap(mme).delete('mme1'), 'remote');

    const state = createArticleState('a1', 'ana');
    const changes: string[][] = [];
    state.observe((c) => changes.push(c.added.map((p) => p.annotation.id).sort()));
    openArticle(state, 'c', 'a1', 'ana', setup.deps);
    await settle();
    // from the snapshot, before any layer database has loaded: the user's own layer, then the
    // classmates' together, in one change (the roster's arrival re-reads the user's own too)
    expect(ids(state)).toEqual(['ana1', 'bob1', 'mme1']);
    expect(state.getSnapshot().settled).toBe(false);
    expect(changes).toEqual([['ana1'], ['ana1', 'bob1', 'mme1']]);
    setup.release();
    await settle();
    expect(ids(state)).toEqual(['ana1', 'bob1', 'bob2']);
    expect(state.getSnapshot().settled).toBe(true);
    // written back once settled, with what the databases added
    const last = setup.written.at(-1)!;
    expect([...last.keys()].sort()).toEqual(['ana', 'bob', 'mme']);
    const reread = new Y.Doc();
    Y.applyUpdate(reread, last.get('bob')!.state);
    expect(last.get('bob')!.plain!.records.map((r) => (r as Annotation).id).sort()).toEqual(['bob1', 'bob2']);
    expect([...annotationsMap(reread).keys()].sort()).toEqual(['bob1', 'bob2']);
  });

  it('shows a blind student only their own layer from the snapshot, and ignores a broken entry', async () => {
    const room = classroom();
    const states = new Map([
      ['ana', { state: new Uint8Array([1, 2, 3, 250, 251]) }],
      ['bob', { state: Y.encodeStateAsUpdate(room.docs.get(layerDocName('c', 'a1', 'bob'))!) }],
    ]);
    const setup = withSnapshot(() => states);
    setBlind(setup.room.corpusDoc, true);
    const state = createArticleState('a1', 'ana');
    openArticle(state, 'c', 'a1', 'ana', { ...setup.deps, role: () => 'student' });
    await settle();
    expect(ids(state)).toEqual([]);
    setup.release();
    await settle();
    expect(ids(state)).toEqual(['ana1']);
    expect([...setup.written.at(-1)!.keys()]).toEqual(['ana']);
  });
});

describe('article opener with a snapshot carrying plain records', () => {
  const noDiscussion = { replies: [], votes: [], statuses: [], invalid: 0 };
  const plainOfDoc = (doc: Y.Doc) => {
    const watch = watchLayer(doc, () => {}, () => {});
    return plainOf(watch);
  };
  const entryOf = (room: ReturnType<typeof classroom>, owner: string): LayerEntry => {
    const doc = room.docs.get(layerDocName('c', 'a1', owner))!;
    return { state: Y.encodeStateAsUpdate(doc), plain: plainOfDoc(doc) };
  };
  /** opens the article for ana from the snapshot `entries`, noting every change told (removed as -id) */
  function opened(entries: (room: ReturnType<typeof classroom>) => Map<string, LayerEntry>) {
    const { release, decoded, deps } = withSnapshot(entries);
    const state = createArticleState('a1', 'ana');
    const changes: string[][] = [];
    state.observe((c) => changes.push([...c.removed.map((p) => `-${p.annotation.id}`), ...c.added.map((p) => p.annotation.id)].sort()));
    openArticle(state, 'c', 'a1', 'ana', deps);
    return { state, decoded, changes, release };
  }
  const ids = (state: ReturnType<typeof createArticleState>) => [...state.all()].map((p) => p.annotation.id).sort();

  it('paints every layer from its plain records before any Yjs state is decoded, then switches to the documents telling nothing that did not change', async () => {
    const { state, decoded, changes, release } = opened((room) => new Map(['ana', 'bob', 'mme'].map((id) => [id, entryOf(room, id)])));
    await settle();
    expect(ids(state)).toEqual(['ana1', 'bob1', 'mme1']);
    expect(state.getSnapshot().placement).not.toBeNull();
    expect(decoded).toEqual([]);
    const told = changes.length;
    await settle();
    expect(decoded.sort()).toEqual(['ana', 'bob', 'mme']);
    expect(changes.length).toBe(told);
    expect([...annotationsMap(state.myLayer()!).keys()]).toEqual(['ana1']);
    release();
    await settle();
    expect(ids(state)).toEqual(['ana1', 'bob1', 'mme1']);
    expect(changes.length).toBe(told);
  });

  it('lets a record that differs in the layer’s state win, shows no plain copy that fails its checks, and takes out a preview whose state is broken', async () => {
    const { state, decoded, changes, release } = opened((room) => {
      const ana = entryOf(room, 'ana');
      const bob = entryOf(room, 'bob');
      const mme = entryOf(room, 'mme');
      return new Map([
        ['ana', { ...ana, plain: { ...ana.plain!, records: [{ ...(ana.plain!.records[0] as Annotation), note: 'an older note' }, recordAt('forged', 'ana', 'chiffres')] } }],
        ['bob', { ...bob, plain: { records: [{ id: 'bob1', kind: 'claim' }], invalid: [], discussion: noDiscussion } }],
        ['mme', { ...mme, state: new Uint8Array([1, 2, 3, 250, 251]) }],
      ]);
    });
    await settle();
    // bob's plain copy is refused: his layer is read from its state at once
    expect(decoded).toEqual(['bob']);
    expect(ids(state)).toEqual(['ana1', 'bob1', 'forged', 'mme1']);
    expect(state.find('ana1')!.annotation.note).toBe('an older note');
    const told = changes.length;
    await settle();
    expect(state.find('ana1')!.annotation.note).toBe('');
    expect(changes.slice(told)).toEqual([['-ana1', '-forged', '-mme1', 'ana1']]);
    expect(ids(state)).toEqual(['ana1', 'bob1']);
    release();
    await settle();
    expect(ids(state)).toEqual(['ana1', 'bob1', 'mme1']);
  });

  it('gives a write made while the user’s layer is a preview its document at once, records and all', async () => {
    const { state, decoded } = opened((room) => new Map([['ana', entryOf(room, 'ana')]]));
    await settle();
    expect(decoded).toEqual([]);
    const layer = state.myLayer()!;
    expect(decoded).toEqual(['ana']);
    expect([...annotationsMap(layer).keys()]).toEqual(['ana1']);
    addAnnotation(layer, recordAt('ana2', 'ana', 'chiffres'), LOCAL);
    expect(ids(state)).toEqual(['ana1', 'ana2']);
    state.undo();
    expect(ids(state)).toEqual(['ana1']);
  });
});
