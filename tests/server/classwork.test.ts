/**
 * Assignments and teams, enforced by a real server (classwork-rules.ts, classwork-shape.ts),
 * attacked with raw-protocol clients: a student's write before the due time is stored, after it
 * (by the server's clock, moved forward here) refused `assignment-closed` and not stored; the
 * teacher's extension re-opens one student at once; students cannot write an assignment, nor the
 * teacher a malformed one. A team's members write its layer, others are refused; blind works
 * per team (a member taken out of a team while blind loses its layer at once); a student taken
 * out of a team can no longer write its layer.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assignmentsMap, extendFor, readAssignments, writeAssignment, type Assignment } from '../../shared/model/assignments';
import { setBlind } from '../../shared/model/class-settings';
import { corpusDocName, layerDocName, teamOwner } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import { moveToTeam, readTeams, teamsMap, writeTeam } from '../../shared/model/teams';
import { CORPUS, record, recordIds, serverFor, token, waitFor, type OpenDoc } from './helpers';
import { MSG, updateFrame, type RawClient } from './raw-client';

const MINUTE = 60_000;
/** the server's clock runs `offset` ms ahead of the machine's (tokens stay valid: at most minutes) */
let offset = 0;
const live = serverFor('each', {}, { articles: ['a1', 'a2'], now: () => Date.now() + offset });
const client = live.client;
const raw = live.raw;
const corpusName = corpusDocName(CORPUS);

beforeEach(() => {
  offset = 0;
});

function recordUpdate(id: string, user: string): Uint8Array {
  const doc = new Y.Doc();
  addAnnotation(doc, record(id, user));
  return Y.encodeStateAsUpdate(doc);
}

/** Sends a record to `name` over a raw connection and returns the server's answer: 'ack', or the refusal's code. */
async function rawWrite(student: RawClient, name: string, id: string, user: string): Promise<string> {
  const acks = student.acks(name).length;
  const notices = student.notices(name).length;
  student.send(updateFrame(name, recordUpdate(id, user)));
  await waitFor(() => student.acks(name).length > acks, `the answer to ${id}`);
  const notice = student.notices(name).slice(notices).find((n) => n.type === 'glose-error');
  return student.acks(name).at(-1) === 'ack' ? 'ack' : (notice?.code ?? 'nack');
}

/** What the server holds in `name`, read by the teacher. */
async function stored(name: string): Promise<string[]> {
  const view = await client().openSynced(name, token('teacher', 'teacher'));
  return recordIds(view.doc);
}

async function teacherCorpus(): Promise<OpenDoc> {
  return client().openSynced(corpusName, token('teacher', 'teacher'));
}

async function acknowledged(open: OpenDoc): Promise<void> {
  await waitFor(() => !open.provider.hasUnsyncedChanges, 'the server acknowledging the teacher');
}

const assignment = (due: number | null): Assignment => ({
  title: 'Spotify and AI',
  articles: ['a1'],
  instructions: 'Mark the *claims*.\n\n- one\n- two',
  kinds: ['claim', 'rebuttal'],
  due,
  extensions: {},
  created: Date.now(),
});

describe('assignments', () => {
  it('accept writes before the due time, refuse them after (server clock), and re-open one student on an extension', async () => {
    const teacher = await teacherCorpus();
    writeAssignment(teacher.doc, 'as1', assignment(Date.now() + 10 * MINUTE));
    await acknowledged(teacher);

    const alice = await raw();
    const bob = await raw();
    const aliceLayer = layerDocName(CORPUS, 'a1', 'alice');
    const bobLayer = layerDocName(CORPUS, 'a1', 'bob');
    expect(await alice.open(aliceLayer, token('student', 'alice'))).not.toMatch(/denied/);
    expect(await bob.open(bobLayer, token('student', 'bob'))).not.toMatch(/denied/);
    expect(await rawWrite(alice, aliceLayer, 'before', 'alice')).toBe('ack');

    offset = 11 * MINUTE; // the due time has passed on the server's clock
    expect(await rawWrite(alice, aliceLayer, 'after', 'alice')).toBe('assignment-closed');
    expect(await rawWrite(bob, bobLayer, 'bob-after', 'bob')).toBe('assignment-closed');
    // an article outside the assignment stays open
    const other = layerDocName(CORPUS, 'a2', 'alice');
    await alice.open(other, token('student', 'alice'));
    expect(await rawWrite(alice, other, 'elsewhere', 'alice')).toBe('ack');

    // the teacher gives Alice 20 more minutes: honoured at once, for her only
    extendFor(teacher.doc, 'as1', 'alice', Date.now() + 30 * MINUTE);
    await acknowledged(teacher);
    expect(await rawWrite(alice, aliceLayer, 'extended', 'alice')).toBe('ack');
    expect(await rawWrite(bob, bobLayer, 'bob-still-late', 'bob')).toBe('assignment-closed');

    expect(await stored(aliceLayer)).toEqual(['before', 'extended']);
    expect(await stored(bobLayer)).toEqual([]);
  });

  it('cannot be written by a student or the projector, nor written malformed by the teacher', async () => {
    const teacher = await teacherCorpus();
    const forged = new Y.Doc();
    writeAssignment(forged, 'forged', assignment(null));
    for (const [role, user] of [['student', 'mallory'], ['observer', 'projector']] as const) {
      const attacker = await raw();
      await attacker.open(corpusName, token(role, user));
      attacker.send(updateFrame(corpusName, Y.encodeStateAsUpdate(forged)));
      await waitFor(() => attacker.notices(corpusName).some((n) => n.code === 'forbidden-write'), `the refusal of the ${role}`);
    }

    // the teacher's own app writing a malformed entry (an HTML instruction field as a shared type, an unknown field)
    const malformed = new Y.Doc();
    malformed.getMap('assignments').set('bad', { ...assignment(null), script: '<script>' });
    const nested = new Y.Doc();
    const text = new Y.Map<unknown>();
    nested.getMap('assignments').set('nested', text);
    const rawTeacher = await raw();
    await rawTeacher.open(corpusName, token('teacher', 'teacher'));
    for (const bad of [malformed, nested]) {
      const notices = rawTeacher.notices(corpusName).length;
      rawTeacher.send(updateFrame(corpusName, Y.encodeStateAsUpdate(bad)));
      await waitFor(() => rawTeacher.notices(corpusName).slice(notices).some((n) => n.code === 'invalid-record'), 'the refusal of a malformed assignment');
    }
    writeAssignment(teacher.doc, 'good', assignment(null));
    await acknowledged(teacher);
    const fresh = await client().openSynced(corpusName, token('student', 'alice'));
    expect([...assignmentsMap(fresh.doc).keys()]).toEqual(['good']);
    expect([...readAssignments(fresh.doc).keys()]).toEqual(['good']);
  });
});

describe('teams', () => {
  it('let members write the team layer and refuse everyone else; blind works per team', async () => {
    const teacher = await teacherCorpus();
    writeTeam(teacher.doc, 't1', { name: 'Reds', members: ['alice', 'bob'] });
    writeTeam(teacher.doc, 't2', { name: 'Blues', members: ['carol'] });
    await acknowledged(teacher);
    const t1 = layerDocName(CORPUS, 'a1', teamOwner('t1'));

    const alice = await client().openSynced(t1, token('student', 'alice'));
    expect(alice.denied).toBeNull();
    addAnnotation(alice.doc, record('from-alice', 'alice'));
    const bob = await client().openSynced(t1, token('student', 'bob'));
    await waitFor(() => recordIds(bob.doc).includes('from-alice'), 'Bob reads his team’s layer');
    addAnnotation(bob.doc, record('from-bob', 'bob'));
    await waitFor(() => recordIds(alice.doc).includes('from-bob'), 'Alice sees Bob’s mark in the team layer');

    // Carol (another team) reads but cannot write; a raw write is refused and not stored
    const carol = await raw();
    expect(await carol.open(t1, token('student', 'carol'))).not.toMatch(/denied/);
    carol.send(updateFrame(t1, recordUpdate('from-carol', 'carol')));
    await waitFor(() => carol.notices(t1).some((n) => n.code === 'forbidden-write'), 'the refusal of Carol');
    // the teacher reads it and does not write it
    const teacherView = await client().openSynced(t1, token('teacher', 'teacher'));
    expect(teacherView.scope).toBe('readonly');

    // blind: Alice sees her team's layer, not team t2's nor Carol's own; Carol not team t1's
    setBlind(teacher.doc, true);
    await acknowledged(teacher);
    const t2 = layerDocName(CORPUS, 'a1', teamOwner('t2'));
    expect((await client().openSynced(t1, token('student', 'alice'))).denied).toBeNull();
    expect((await client().openSynced(t2, token('student', 'alice'))).denied).toMatch(/^forbidden-read/);
    expect((await client().openSynced(layerDocName(CORPUS, 'a1', 'carol'), token('student', 'alice'))).denied).toMatch(/^forbidden-read/);
    expect((await client().openSynced(t1, token('student', 'carol'))).denied).toMatch(/^forbidden-read/);
    expect((await client().openSynced(t1, token('observer', 'projector'))).denied).toMatch(/^forbidden-read/);
    // still blind, the teacher takes Alice out of her team: her open connection to its layer is closed
    const watching = await raw();
    expect(await watching.open(t1, token('student', 'alice'))).not.toMatch(/denied/);
    moveToTeam(teacher.doc, 'alice', null);
    await acknowledged(teacher);
    await waitFor(() => watching.received.some((r) => r.document === t1 && r.type === MSG.close && /forbidden-read/.test(r.text ?? '')), 'the close of Alice’s connection to her old team');
    expect((await client().openSynced(t1, token('student', 'alice'))).denied).toMatch(/^forbidden-read/);
    // the reveal: everyone reads every team
    setBlind(teacher.doc, false);
    await acknowledged(teacher);
    const revealed = await client().openSynced(t1, token('student', 'carol'));
    expect(revealed.denied).toBeNull();
    await waitFor(() => recordIds(revealed.doc).join() === 'from-alice,from-bob', 'Carol reads team t1 after the reveal');
  });

  it('refuse a member taken out of the team at their next write (and accept them back at once), and refuse a student in two teams', async () => {
    const teacher = await teacherCorpus();
    writeTeam(teacher.doc, 't1', { name: 'Reds', members: ['alice', 'bob'] });
    await acknowledged(teacher);
    const t1 = layerDocName(CORPUS, 'a1', teamOwner('t1'));
    const bob = await raw();
    await bob.open(t1, token('student', 'bob'));
    expect(await rawWrite(bob, t1, 'in-team', 'bob')).toBe('ack');
    moveToTeam(teacher.doc, 'bob', null);
    await acknowledged(teacher);
    expect(await rawWrite(bob, t1, 'out-of-team', 'bob')).toBe('forbidden-write');
    // put back in, on the same connection: he writes again at once
    moveToTeam(teacher.doc, 'bob', 't1');
    await acknowledged(teacher);
    expect(await rawWrite(bob, t1, 'back-in-team', 'bob')).toBe('ack');
    expect(await stored(t1)).toEqual(['back-in-team', 'in-team']);

    // Carol, reading the team's layer, is put in the team: her read-only connection is closed for her app to open it again, and then she writes
    const carol = await raw();
    expect(await carol.open(t1, token('student', 'carol'))).toBe('readonly');
    moveToTeam(teacher.doc, 'carol', 't1');
    await acknowledged(teacher);
    await waitFor(() => carol.received.some((r) => r.document === t1 && r.type === MSG.close && /^access-changed/.test(r.text ?? '')), 'the close of Carol’s read-only connection');
    const again = await raw();
    expect(await again.open(t1, token('student', 'carol'))).not.toMatch(/readonly|denied/);
    expect(await rawWrite(again, t1, 'from-carol', 'carol')).toBe('ack');

    // a forged teams map putting Alice in two teams is refused as a whole
    const twice = new Y.Doc();
    teamsMap(twice).set('t2', { name: 'Blues', members: ['alice'] });
    const rawTeacher = await raw();
    await rawTeacher.open(corpusName, token('teacher', 'teacher'));
    rawTeacher.send(updateFrame(corpusName, Y.encodeStateAsUpdate(twice)));
    await waitFor(() => rawTeacher.notices(corpusName).some((n) => n.code === 'invalid-record'), 'the refusal of a student in two teams');
    const fresh = await client().openSynced(corpusName, token('student', 'carol'));
    expect([...readTeams(fresh.doc).keys()]).toEqual(['t1']);
  });
});
