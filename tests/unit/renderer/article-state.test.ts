import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addReply, setStatus } from '../../../shared/model/discussion';
import { addAnnotation, annotationsMap, deleteAnnotation, updateAnnotation } from '../../../shared/model/layer';
import { createArticleState, type PlacementChange } from '../../../renderer/store/article-state';
import { author, layerWith, recordAt, TEXT } from './article-fixtures';

function opened(me = 'ana') {
  const state = createArticleState('a1', me);
  const changes: PlacementChange[] = [];
  state.observe((c) => changes.push(c));
  state.setText(TEXT);
  return { state, changes };
}

const ids = (list: { annotation: { id: string } }[]) => list.map((p) => p.annotation.id);

describe('article state', () => {
  it('has no placement until the text and the user’s own layer are there', () => {
    const state = createArticleState('a1', 'ana');
    expect(state.getSnapshot().placement).toBeNull();
    state.addLayer('ana', layerWith(recordAt('r1', 'ana', 'le chômage a baissé')));
    expect(state.getSnapshot().placement).toBeNull();
    state.setText(TEXT);
    const placement = state.getSnapshot().placement!;
    expect(ids(placement.placed)).toEqual(['r1']);
    expect(TEXT.slice(placement.placed[0]!.start, placement.placed[0]!.end)).toBe('le chômage a baissé');
  });

  it('anchors a classmate’s new mark alone and tells the painter only about it', () => {
    const { state, changes } = opened();
    const mine = layerWith(recordAt('r1', 'ana', 'Le ministre'), recordAt('r2', 'ana', 'INSEE'));
    const theirs = layerWith(recordAt('b1', 'bob', 'le contraire'));
    state.addLayer('ana', mine);
    state.addLayer('bob', theirs);
    const before = new Map([...state.all()].map((p) => [p.annotation.id, p]));
    changes.length = 0;

    addAnnotation(theirs, recordAt('b2', 'bob', 'répète-t-il'), 'remote');

    expect(changes).toHaveLength(1);
    expect(changes[0]!.reset).toBe(false);
    expect(changes[0]!.removed).toEqual([]);
    expect(ids(changes[0]!.added)).toEqual(['b2']);
    // every other record keeps the very placement it had: it was not anchored again
    for (const p of state.all()) if (p.annotation.id !== 'b2') expect(p).toBe(before.get(p.annotation.id));
    expect(ids(state.getSnapshot().placement!.placed)).toEqual(['r1', 'r2', 'b1', 'b2']);
  });

  it('reports a changed record as its old placement removed and its new one added, and a deleted one as removed', () => {
    const { state, changes } = opened();
    const mine = layerWith(recordAt('r1', 'ana', 'Le ministre'));
    state.addLayer('ana', mine);
    const old = state.find('r1')!;
    changes.length = 0;
    updateAnnotation(mine, 'r1', { kind: 'evidence' }, new Date());
    expect(changes[0]!.removed).toEqual([old]);
    expect(changes[0]!.added.map((p) => p.annotation.kind)).toEqual(['evidence']);
    // the target did not change: the anchor is reused, not resolved again
    expect(changes[0]!.added[0]!.start).toBe(old.start);
    const updated = state.find('r1')!;
    changes.length = 0;
    deleteAnnotation(mine, 'r1');
    expect(changes).toEqual([{ reset: false, removed: [updated], added: [] }]);
    expect(state.getSnapshot().placement!.placed).toEqual([]);
  });

  it('anchors everything again, once, when the text changes', () => {
    const { state, changes } = opened();
    state.addLayer('ana', layerWith(recordAt('r1', 'ana', 'Les chiffres de l’INSEE')));
    changes.length = 0;
    state.setText('Nouveau chapeau. ' + TEXT);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.reset).toBe(true);
    const p = state.find('r1')!;
    expect(p.anchor).toBe('moved');
    expect(('Nouveau chapeau. ' + TEXT).slice(p.start, p.end)).toBe('Les chiffres de l’INSEE');
    changes.length = 0;
    state.setText('Nouveau chapeau. ' + TEXT);
    expect(changes).toEqual([]);
  });

  it('keeps a snapshot until something changes, and tells subscribers when it does', () => {
    const { state } = opened();
    state.addLayer('ana', layerWith());
    let told = 0;
    const stop = state.subscribe(() => told++);
    const first = state.getSnapshot();
    expect(state.getSnapshot()).toBe(first);
    state.focus('r1');
    state.focus('r1');
    expect(told).toBe(1);
    expect(state.getSnapshot()).not.toBe(first);
    expect(state.getSnapshot().focusedId).toBe('r1');
    stop();
    state.hover('r1');
    expect(told).toBe(1);
  });

  it('skips and counts a malformed record from the network, and drops a record that becomes malformed', () => {
    const { state, changes } = opened();
    const theirs = layerWith(recordAt('b1', 'bob', 'le contraire'));
    state.addLayer('ana', layerWith());
    state.addLayer('bob', theirs);
    theirs.transact(() => annotationsMap(theirs).set('bad', new Y.Map([['kind', 42]]) as Y.Map<unknown>), 'remote');
    expect(state.getSnapshot().placement!.invalidCount).toBe(1);
    changes.length = 0;
    theirs.transact(() => (annotationsMap(theirs).get('b1') as Y.Map<unknown>).set('target', 'nowhere'), 'remote');
    expect(ids(changes[0]!.removed)).toEqual(['b1']);
    expect(state.getSnapshot().placement).toMatchObject({ placed: [], invalidCount: 2 });
  });

  it('lists a record whose passage is gone as an orphan, never drops it', () => {
    const { state } = opened();
    state.addLayer('ana', layerWith(recordAt('r1', 'ana', 'Les chiffres de l’INSEE disent le contraire')));
    state.setText('Un tout autre texte, sans rapport aucun avec le précédent.');
    const placement = state.getSnapshot().placement!;
    expect(placement.placed).toEqual([]);
    expect(ids(placement.orphans)).toEqual(['r1']);
  });

  it('gathers threads from every layer; a status counts from the owner or a teacher only', () => {
    const { state } = opened();
    const mine = layerWith(recordAt('r1', 'ana', 'Le ministre'));
    const bobs = layerWith();
    state.addLayer('ana', mine);
    state.addLayer('bob', bobs);
    state.setRoles((id) => (id === 'ana' ? 'student' : id === 'bob' ? 'student' : undefined));
    const at = new Date(Date.UTC(2026, 10, 29, 11)).toISOString();
    addReply(bobs, { id: 'rep1', about: 'r1', text: 'Source ?', author: author('bob'), created: at });
    setStatus(bobs, { about: 'r1', status: 'resolved', author: author('bob'), at });
    let thread = state.getSnapshot().threads.get('r1')!;
    expect(thread.replies.map((r) => [r.owner, r.text])).toEqual([['bob', 'Source ?']]);
    expect(thread.status).toBeUndefined();
    state.setRoles((id) => (id === 'bob' ? 'teacher' : 'student'));
    thread = state.getSnapshot().threads.get('r1')!;
    expect(thread.status?.status).toBe('resolved');
  });

  it('shows a link on both of its ends, including an end in another article once the corpus is read', () => {
    const { state } = opened();
    const link = { ...recordAt('r2', 'ana', 'INSEE'), links: [{ to: 'r1', rel: 'rebuts' }, { to: 'x9', rel: 'supports', article: 'a2' }] };
    state.addLayer('ana', layerWith(recordAt('r1', 'ana', 'Le ministre'), link));
    const { links } = state.getSnapshot();
    expect(links.get('r1')).toMatchObject([{ id: 'r2', rel: 'rebuts', direction: 'in', quote: 'INSEE' }]);
    expect(links.get('r2')?.find((l) => l.id === 'x9')?.quote).toBeUndefined();
    const elsewhere = { annotation: recordAt('x9', 'ana', 'le contraire'), article: 'a2' };
    state.setCorpus([elsewhere], [{ id: 'a2', title: 'Autre', language: 'fr', source: 's', hash: '0'.repeat(64), order: 1 }]);
    expect(state.getSnapshot().links.get('r2')?.find((l) => l.id === 'x9')).toMatchObject({ quote: 'le contraire', articleTitle: 'Autre' });
    expect(state.linkCandidates('r2').map((c) => c.id)).toEqual(['r1', 'x9']);
  });

  it('takes a layer out with its placements, and undoes only the user’s own actions', () => {
    const { state, changes } = opened();
    const mine = layerWith();
    state.addLayer('ana', mine);
    state.addLayer('bob', layerWith(recordAt('b1', 'bob', 'le contraire')));
    addAnnotation(mine, recordAt('r1', 'ana', 'Le ministre'));
    expect(ids(state.getSnapshot().placement!.placed)).toEqual(['r1', 'b1']);
    state.undo();
    expect(ids(state.getSnapshot().placement!.placed)).toEqual(['b1']);
    state.redo();
    changes.length = 0;
    state.removeLayer('bob');
    expect(ids(changes[0]!.removed)).toEqual(['b1']);
    expect(ids(state.getSnapshot().placement!.placed)).toEqual(['r1']);
  });
});
