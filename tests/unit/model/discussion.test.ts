import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addReply, buildThreads, deleteReply, discussionTypes, effectiveStatus, readDiscussion, setStatus, setVote, type OwnedRead } from '../../../shared/model/discussion';
import { addAnnotation, annotationsMap, readLayer } from '../../../shared/model/layer';
import { LOCAL } from '../../../shared/model/origins';
import type { Annotation } from '../../../shared/model/record';

const alice = { id: 'alice', name: 'Alice', color: '#0072B2' };
const bob = { id: 'bob', name: 'Bob', color: '#D55E00' };
const tina = { id: 'tina', name: 'Tina', color: '#009E73' };
const T = (m: number) => `2026-11-22T10:${String(m).padStart(2, '0')}:00.000Z`;

function claim(id: string, author = alice): Annotation {
  return { id, kind: 'claim', target: { start: 0, end: 7, exact: 'Spotify', prefix: '', suffix: '' }, note: '', author, created: T(0), modified: T(0), links: [], status: 'open' };
}

const owners: Record<string, string> = { a1: 'alice' };
const teacherRules = (annotationOwner: string, writer: string) => writer === annotationOwner || writer === 'tina';

function threadsOf(docs: Record<string, Y.Doc>, me: string) {
  const reads: OwnedRead[] = Object.entries(docs).map(([owner, doc]) => ({ owner, read: readDiscussion(doc) }));
  return buildThreads(reads, me, (id) => owners[id], teacherRules);
}

describe('discussion records', () => {
  it('stores replies and votes in the replier’s own layer and gathers them by annotation', () => {
    const layers = { alice: new Y.Doc(), bob: new Y.Doc(), tina: new Y.Doc() };
    addAnnotation(layers.alice, claim('a1'));
    addReply(layers.bob, { id: 'r2', about: 'a1', text: 'Source?', author: bob, created: T(2) });
    addReply(layers.tina, { id: 'r1', about: 'a1', text: 'See **page 3**', author: tina, created: T(1) });
    setVote(layers.bob, { about: 'a1', value: 'disagree', author: bob, at: T(2) });
    setVote(layers.tina, { about: 'a1', value: 'agree', author: tina, at: T(2) });
    // Alice's own layer holds only her annotation: nobody wrote into it
    expect(readDiscussion(layers.alice)).toEqual({ replies: [], votes: [], statuses: [], invalid: 0 });
    const thread = threadsOf(layers, 'bob').get('a1')!;
    expect(thread.replies.map((r) => [r.owner, r.text])).toEqual([['tina', 'See **page 3**'], ['bob', 'Source?']]);
    expect([thread.agree, thread.disagree, thread.mine]).toEqual([1, 1, 'disagree']);
  });

  it('keeps one vote per person per annotation: voting again replaces it, null withdraws it', () => {
    const bobLayer = new Y.Doc();
    setVote(bobLayer, { about: 'a1', value: 'agree', author: bob, at: T(1) });
    setVote(bobLayer, { about: 'a1', value: 'disagree', author: bob, at: T(2) });
    expect(readDiscussion(bobLayer).votes).toHaveLength(1);
    expect(threadsOf({ bob: bobLayer }, 'bob').get('a1')).toMatchObject({ agree: 0, disagree: 1, mine: 'disagree' });
    setVote(bobLayer, { about: 'a1', value: null });
    expect(readDiscussion(bobLayer).votes).toEqual([]);
  });

  it('deletes a reply', () => {
    const bobLayer = new Y.Doc();
    addReply(bobLayer, { id: 'r1', about: 'a1', text: 'Hm', author: bob, created: T(1) });
    deleteReply(bobLayer, 'r1');
    expect(readDiscussion(bobLayer).replies).toEqual([]);
  });

  it('lets the annotation’s owner and the teacher set the status, the latest wins, and ignores anyone else', () => {
    const layers = { alice: new Y.Doc(), bob: new Y.Doc(), tina: new Y.Doc() };
    const a1 = claim('a1');
    setStatus(layers.bob, { about: 'a1', status: 'resolved', author: bob, at: T(9) });
    expect(effectiveStatus(a1, threadsOf(layers, 'bob').get('a1'))).toBe('open');
    setStatus(layers.tina, { about: 'a1', status: 'resolved', author: tina, at: T(3) });
    expect(effectiveStatus(a1, threadsOf(layers, 'bob').get('a1'))).toBe('resolved');
    setStatus(layers.alice, { about: 'a1', status: 'open', author: alice, at: T(4) });
    expect(effectiveStatus(a1, threadsOf(layers, 'bob').get('a1'))).toBe('open');
  });

  it('skips and counts malformed records from the network', () => {
    const doc = new Y.Doc();
    doc.getMap('replies').set('bad', { about: 'a1', text: '', author: bob, created: T(1) });
    doc.getMap('votes').set('a1', { value: 'maybe', author: bob, at: T(1) });
    doc.getMap('statuses').set('a1', 'resolved');
    addReply(doc, { id: 'ok', about: 'a1', text: 'fine', author: bob, created: T(1) });
    const read = readDiscussion(doc);
    expect(read.invalid).toBe(3);
    expect(read.replies.map((r) => r.id)).toEqual(['ok']);
  });
});

describe('undo is scoped to the user’s own layer and own actions', () => {
  function undoFor(layer: Y.Doc) {
    return new Y.UndoManager([annotationsMap(layer), ...discussionTypes(layer)], { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 });
  }

  it('undoes and redoes one’s own annotation, reply and vote', () => {
    const bobLayer = new Y.Doc();
    const undo = undoFor(bobLayer);
    addAnnotation(bobLayer, claim('b1', bob));
    addReply(bobLayer, { id: 'r1', about: 'a1', text: 'Source?', author: bob, created: T(1) });
    setVote(bobLayer, { about: 'a1', value: 'agree', author: bob, at: T(1) });
    undo.undo();
    expect(readDiscussion(bobLayer).votes).toEqual([]);
    undo.undo();
    expect(readDiscussion(bobLayer).replies).toEqual([]);
    undo.undo();
    expect(readLayer(bobLayer).annotations).toEqual([]);
    undo.redo();
    expect(readLayer(bobLayer).annotations.map((a) => a.id)).toEqual(['b1']);
  });

  it('never undoes a change that arrived from elsewhere, even in the same document', () => {
    const mine = new Y.Doc();
    const otherDevice = new Y.Doc();
    const undo = undoFor(mine);
    addAnnotation(mine, claim('local', bob));
    // the same layer edited on another device (or restored from the server): a remote update
    Y.applyUpdate(otherDevice, Y.encodeStateAsUpdate(mine));
    addAnnotation(otherDevice, claim('remote', bob));
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(otherDevice), 'remote');
    expect(readLayer(mine).annotations.map((a) => a.id).sort()).toEqual(['local', 'remote']);
    undo.undo();
    undo.undo();
    expect(readLayer(mine).annotations.map((a) => a.id)).toEqual(['remote']);
    expect(undo.canUndo()).toBe(false);
  });
});
