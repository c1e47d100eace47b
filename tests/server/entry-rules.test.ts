/**
 * What a student may leave in a layer, enforced by a real server and attacked with raw-protocol
 * clients (entry-rules.ts): in an assignment that names its kinds, a record of another kind — new,
 * or an accepted record changed to another kind — is refused `kind-not-assigned` and never stored,
 * while an article outside any assignment takes every kind; a vote on a verdict is refused
 * `voting-closed` until the teacher opens the class vote, and taking it back is always allowed.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readVerdictVotes, VERDICT_VOTES_ROOT } from '../../shared/claims/verdict';
import { writeAssignment } from '../../shared/model/assignments';
import { writeSetting } from '../../shared/model/class-settings';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import { addAnnotation, annotationsMap } from '../../shared/model/layer';
import { CORPUS, record, serverFor, token, waitFor, type OpenDoc } from './helpers';
import { updateFrame } from './raw-client';

const live = serverFor('each', {}, { articles: ['a1', 'a2'] });

async function teacherCorpus(): Promise<OpenDoc> {
  return live.client().openSynced(corpusDocName(CORPUS), token('teacher', 'teacher'));
}

async function acknowledged(open: OpenDoc): Promise<void> {
  await waitFor(() => !open.provider.hasUnsyncedChanges, 'the server acknowledging the teacher');
}

/** A raw student connection to `name`; `send` answers 'ack' or the refusal's code. */
async function student(user: string, name: string): Promise<(update: Uint8Array) => Promise<string>> {
  const raw = await live.raw();
  expect(await raw.open(name, token('student', user))).not.toMatch(/denied/);
  return async (update) => {
    const acks = raw.acks(name).length;
    const notices = raw.notices(name).length;
    raw.send(updateFrame(name, update));
    await waitFor(() => raw.acks(name).length > acks, 'the server’s answer');
    if (raw.acks(name).at(-1) === 'ack') return 'ack';
    await waitFor(() => raw.notices(name).length > notices, 'the refusal notice');
    return raw.notices(name).slice(notices).find((n) => n.type === 'glose-error')?.code ?? 'nack';
  };
}

/** Records the change `edit` makes to `doc` as an update. */
function change(doc: Y.Doc, edit: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  edit();
  return Y.encodeStateAsUpdate(doc, before);
}

async function storedKinds(name: string): Promise<Record<string, unknown>> {
  const view = await live.client().openSynced(name, token('teacher', 'teacher'));
  return Object.fromEntries([...annotationsMap(view.doc)].map(([id, r]) => [id, r.get('kind')]));
}

describe('an assignment’s kinds at the server', () => {
  it('refuses a record of a kind the assignment does not use, new or changed, and only in its articles', async () => {
    const teacher = await teacherCorpus();
    const base = { title: 'Claims only', articles: ['a1'], instructions: '', due: null, extensions: {}, created: Date.now() };
    writeAssignment(teacher.doc, 'as1', { ...base, kinds: ['claim', 'rebuttal'] });
    await acknowledged(teacher);

    const a1 = layerDocName(CORPUS, 'a1', 'alice');
    const send = await student('alice', a1);
    const local = new Y.Doc();
    expect(await send(change(local, () => addAnnotation(local, record('c1', 'alice'))))).toBe('ack');
    const forged = new Y.Doc();
    expect(await send(change(forged, () => addAnnotation(forged, { ...record('q1', 'alice'), kind: 'question' })))).toBe('kind-not-assigned');
    // the accepted claim turned into a question, by a raw field write
    expect(await send(change(local, () => annotationsMap(local).get('c1')!.set('kind', 'question')))).toBe('kind-not-assigned');
    // a rebuttal is welcome
    const fresh = new Y.Doc();
    expect(await send(change(fresh, () => addAnnotation(fresh, { ...record('r1', 'alice', 10), kind: 'rebuttal' })))).toBe('ack');
    expect(await storedKinds(a1)).toEqual({ c1: 'claim', r1: 'rebuttal' });

    // an article in no assignment takes any kind of the tagset
    const a2 = layerDocName(CORPUS, 'a2', 'alice');
    const elsewhere = await student('alice', a2);
    const other = new Y.Doc();
    expect(await elsewhere(change(other, () => addAnnotation(other, { ...record('q2', 'alice'), kind: 'question' })))).toBe('ack');

    // a second assignment of a1 with the whole tagset opens every kind there
    writeAssignment(teacher.doc, 'as2', { ...base, kinds: null });
    await acknowledged(teacher);
    const later = new Y.Doc();
    expect(await send(change(later, () => addAnnotation(later, { ...record('q3', 'alice'), kind: 'question' })))).toBe('ack');
  });
});

describe('class votes on verdicts at the server', () => {
  it('refuses a vote until the teacher opens the class vote, and always lets a vote be taken back', async () => {
    const teacher = await teacherCorpus();
    const name = layerDocName(CORPUS, 'a1', 'ana');
    const send = await student('ana', name);
    const layer = new Y.Doc();
    const votes = layer.getMap(VERDICT_VOTES_ROOT);
    const vote = { rating: 'false', author: { id: 'ana', name: 'ana', color: '#0072b2' }, at: '2026-01-01T10:00:00.000Z' };
    const early = new Y.Doc();
    expect(await send(change(early, () => early.getMap(VERDICT_VOTES_ROOT).set('m1', vote)))).toBe('voting-closed');

    writeSetting(teacher.doc, 'verdictVote', true);
    await acknowledged(teacher);
    expect(await send(change(layer, () => votes.set('m1', vote)))).toBe('ack');

    writeSetting(teacher.doc, 'verdictVote', false);
    await acknowledged(teacher);
    const late = new Y.Doc();
    expect(await send(change(late, () => late.getMap(VERDICT_VOTES_ROOT).set('m1', { ...vote, rating: 'accurate' })))).toBe('voting-closed');
    expect(await send(change(layer, () => votes.delete('m1')))).toBe('ack');
    const view = await live.client().openSynced(name, token('teacher', 'teacher'));
    expect(readVerdictVotes(view.doc)).toEqual([]);
  });
});
