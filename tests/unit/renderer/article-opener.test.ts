import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openArticle } from '../../../renderer/store/article-opener';
import { createArticleState } from '../../../renderer/store/article-state';
import { setBlind } from '../../../shared/model/class-settings';
import { addArticle } from '../../../shared/model/corpus';
import { corpusDocName, layerDocName, textDocName } from '../../../shared/model/doc-names';
import { recordMember, rosterMap } from '../../../shared/model/roster';
import type { Role } from '../../../shared/model/roster';
import { layerWith, recordAt, TEXT } from './article-fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A corpus of one article with a roster, and a loader over in-memory documents. */
function classroom() {
  const docs = new Map<string, Y.Doc>();
  const corpusDoc = new Y.Doc();
  const textDoc = new Y.Doc();
  addArticle(corpusDoc, textDoc, { id: 'a1', title: 'Le chômage', language: 'fr', source: 'test', order: 0 }, TEXT);
  docs.set(corpusDocName('c'), corpusDoc);
  docs.set(textDocName('c', 'a1'), textDoc);
  for (const [id, role] of [['ana', 'student'], ['bob', 'student'], ['mme', 'teacher']] as const) {
    recordMember(corpusDoc, id, { name: id, color: '#000000', role });
    docs.set(layerDocName('c', 'a1', id), layerWith(recordAt(`${id}1`, id, 'chômage')));
  }
  const loadDoc = async (name: string) => docs.get(name) ?? Promise.reject(new Error(`no such document: ${name}`));
  return { docs, corpusDoc, textDoc, loadDoc };
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

  it('is settled once every layer asked for is in, and not before', async () => {
    const room = classroom();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowBob = async (name: string) => (name === layerDocName('c', 'a1', 'bob') ? held.then(() => room.loadDoc(name)) : room.loadDoc(name));
    const state = createArticleState('a1', 'ana');
    openArticle(state, 'c', 'a1', 'ana', { loadDoc: slowBob, role: () => 'student' });
    await settle();
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
