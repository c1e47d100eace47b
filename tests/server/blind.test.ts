/**
 * Blind annotation, enforced by the server: while the teacher has `blind` on, a student cannot
 * open anyone else's layer, nor the projector any layer; connections already open are closed
 * when it turns on, and everything is readable again once the teacher reveals (turns it off).
 * And the projector's presence: no names unless the teacher shows them, and only the teacher's
 * scroll position travels (the projector's "follow me").
 */
import { describe, expect, it } from 'vitest';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import { setBlind, writeSetting } from '../../shared/model/class-settings';
import { addAnnotation } from '../../shared/model/layer';
import { PRESENCE_RENEW } from '../../shared/protocol/presence-renew';
import { CORPUS, type OpenDoc, record, recordIds, serverFor, token, waitFor } from './helpers';

const live = serverFor('each');
const { client } = live;


describe('blind annotation', () => {
  it('hides other students’ layers while on, closes open ones, and reveals them when off', async () => {
    const alice = client();
    const own = await alice.openSynced(layerDocName(CORPUS, 'a1', 'alice'), token('student', 'alice'));
    addAnnotation(own.doc, record('r-alice', 'alice'));

    const bob = client();
    const watching = await bob.openSynced(layerDocName(CORPUS, 'a1', 'alice'), token('student', 'bob'));
    await waitFor(() => recordIds(watching.doc).includes('r-alice'), 'Bob sees Alice before blind');

    const teacher = client();
    const corpus = await teacher.openSynced(corpusDocName(CORPUS), token('teacher', 'teacher'));
    setBlind(corpus.doc, true);
    await waitFor(() => !corpus.provider.hasUnsyncedChanges, 'the server acknowledging blind');

    // Bob's open connection to Alice's layer is closed; a new one is refused with the reason
    addAnnotation(own.doc, record('r-alice-2', 'alice'));
    const late = client();
    const refused = await late.openSynced(layerDocName(CORPUS, 'a1', 'alice'), token('student', 'bob'));
    expect(refused.denied).toMatch(/^forbidden-read/);
    await new Promise((r) => setTimeout(r, 300));
    expect(recordIds(watching.doc)).not.toContain('r-alice-2');

    // students still write their own layer; the teacher still reads everyone's
    const bobsOwn = await bob.openSynced(layerDocName(CORPUS, 'a1', 'bob'), token('student', 'bob'));
    expect(bobsOwn.denied).toBeNull();
    const teacherView = await teacher.openSynced(layerDocName(CORPUS, 'a1', 'alice'), token('teacher', 'teacher'));
    await waitFor(() => recordIds(teacherView.doc).includes('r-alice-2'), 'the teacher reads Alice during blind');

    // the teacher reveals: Bob can open Alice's layer again and gets everything
    setBlind(corpus.doc, false);
    await waitFor(() => !corpus.provider.hasUnsyncedChanges, 'the server acknowledging the reveal');
    const revealed = await client().openSynced(layerDocName(CORPUS, 'a1', 'alice'), token('student', 'bob'));
    expect(revealed.denied).toBeNull();
    await waitFor(() => recordIds(revealed.doc).includes('r-alice-2'), 'Bob sees Alice after reveal');
  });

  it('cannot be switched by a student', async () => {
    const student = client();
    const corpus = await student.openSynced(corpusDocName(CORPUS), token('student', 'mallory'));
    setBlind(corpus.doc, true);
    await waitFor(() => corpus.stateless.some((p) => p.includes('forbidden-write')), 'the server refusing the student’s write');
    const alice = await client().openSynced(layerDocName(CORPUS, 'a1', 'alice'), token('student', 'alice'));
    addAnnotation(alice.doc, record('r1', 'alice'));
    const bob = await client().openSynced(layerDocName(CORPUS, 'a1', 'alice'), token('student', 'bob'));
    expect(bob.denied).toBeNull();
    await waitFor(() => recordIds(bob.doc).includes('r1'), 'Bob reads Alice: the student could not turn blind on');
  });

  it('while on, gives students and the projector no presence of students; the teacher sees everyone', async () => {
    const teacher = await client().openSynced(corpusDocName(CORPUS), token('teacher', 'tina'));
    setBlind(teacher.doc, true);
    const [alice, bob, wall] = await Promise.all([
      client().openSynced(corpusDocName(CORPUS), token('student', 'alice')),
      client().openSynced(corpusDocName(CORPUS), token('student', 'bob')),
      client().openSynced(corpusDocName(CORPUS), token('observer', 'wall')),
    ]);
    const users = (open: typeof alice) => [...open.provider.awareness!.getStates().values()].map((s) => (s as { user?: { id?: string } }).user?.id).filter(Boolean).sort();
    for (const [open, n] of [[teacher, 1], [alice, 2], [bob, 3], [wall, 4]] as const) open.provider.awareness!.setLocalState({ article: 'a1', selection: { start: n, end: n + 1 } });
    // a client's own entry is its local state (the server's rewrite adds `user` only for the others)
    await waitFor(() => users(teacher).join() === 'alice,bob,wall', 'everyone at the teacher');
    await waitFor(() => users(alice).join() === 'tina,wall' && users(bob).join() === 'tina,wall' && users(wall).join() === 'tina', 'the teacher (and projector) at the students and projector');
    await new Promise((r) => setTimeout(r, 200));
    expect(users(alice)).toEqual(['tina', 'wall']);
    expect(users(wall)).toEqual(['tina']);

    setBlind(teacher.doc, false);
    await new Promise((r) => setTimeout(r, 200));
    bob.provider.awareness!.setLocalState({ article: 'a1', selection: { start: 7, end: 9 } });
    await waitFor(() => users(alice).includes('bob') && users(wall).includes('bob'), 'Bob at Alice and at the projector once revealed');
  });

  it('while on, refuses the projector every layer and closes the ones it had open', async () => {
    const alice = await client().openSynced(layerDocName(CORPUS, 'a1', 'alice'), token('student', 'alice'));
    addAnnotation(alice.doc, record('r-alice', 'alice'));
    const wall = client();
    const watching = await wall.openSynced(layerDocName(CORPUS, 'a1', 'alice'), token('observer', 'wall'));
    await waitFor(() => recordIds(watching.doc).includes('r-alice'), 'the projector sees Alice before blind');
    const teacher = await client().openSynced(corpusDocName(CORPUS), token('teacher', 'tina'));
    setBlind(teacher.doc, true);
    await waitFor(() => !teacher.provider.hasUnsyncedChanges, 'the server acknowledging blind');
    addAnnotation(alice.doc, record('r-alice-2', 'alice'));
    const refused = await client().openSynced(layerDocName(CORPUS, 'a1', 'alice'), token('observer', 'wall'));
    expect(refused.denied).toMatch(/^forbidden-read/);
    await new Promise((r) => setTimeout(r, 300));
    expect(recordIds(watching.doc)).not.toContain('r-alice-2');
  });

  it('when blind is turned on, students forget classmates’ presence at once (not 30 s later), and receive none after', async () => {
    const teacher = await client().openSynced(corpusDocName(CORPUS), token('teacher', 'tina'));
    const [alice, bob] = await Promise.all([client().openSynced(corpusDocName(CORPUS), token('student', 'alice')), client().openSynced(corpusDocName(CORPUS), token('student', 'bob'))]);
    const users = (open: typeof alice) => [...open.provider.awareness!.getStates().values()].map((s) => (s as { user?: { id?: string } }).user?.id).filter(Boolean).sort();
    for (const [open, n] of [[teacher, 1], [alice, 2], [bob, 3]] as const) open.provider.awareness!.setLocalState({ article: 'a1', selection: { start: n, end: n + 1 } });
    await waitFor(() => users(alice).join() === 'bob,tina' && users(bob).join() === 'alice,tina', 'classmates present before blind');

    const started = Date.now();
    setBlind(teacher.doc, true);
    // Yjs would keep a received state 30 s without renewal; the server's removal takes it away now
    await waitFor(() => users(alice).join() === 'tina' && users(bob).join() === 'tina', 'classmates gone once blind', 3_000);
    expect(Date.now() - started).toBeLessThan(3_000);
    bob.provider.awareness!.setLocalState({ article: 'a1', selection: { start: 10, end: 20 } });
    await waitFor(() => users(teacher).includes('bob') && JSON.stringify([...teacher.provider.awareness!.getStates().values()]).includes('"start":10'), 'Bob’s new selection at the teacher');
    await new Promise((r) => setTimeout(r, 200));
    expect(users(alice)).toEqual(['tina']);

    // on reveal the server asks every client to send its presence again; one that does (as the app's
    // sync.ts does) reaches its classmates at once, not at its next renewal 15 s later
    expect([...alice.stateless, ...bob.stateless]).not.toContain(PRESENCE_RENEW);
    const revealed = Date.now();
    setBlind(teacher.doc, false);
    await waitFor(() => [alice, bob, teacher].every((o) => o.stateless.includes(PRESENCE_RENEW)), 'the request to renew presence', 3_000);
    for (const open of [alice, bob]) open.provider.awareness!.setLocalState(open.provider.awareness!.getLocalState());
    await waitFor(() => users(alice).join() === 'bob,tina' && users(bob).join() === 'alice,tina', 'classmates back after the reveal', 3_000);
    expect(Date.now() - revealed).toBeLessThan(3_000);
  });
});

type Seen = { user?: { id?: string; name?: string }; scroll?: number; role?: string };
/** The presence `open` holds of user `id` (not its own). */
const seen = (open: OpenDoc, id: string): Seen | undefined =>
  [...open.provider.awareness!.getStates().entries()].find(([client, s]) => client !== open.provider.awareness!.clientID && (s as Seen).user?.id === id)?.[1] as Seen | undefined;

describe('the projector’s presence', () => {
  it('gets no names unless the teacher shows them; the teacher always does', async () => {
    const teacher = await client().openSynced(corpusDocName(CORPUS), token('teacher', 'tina'));
    const [alice, wall] = await Promise.all([
      client().openSynced(corpusDocName(CORPUS), token('student', 'alice')),
      client().openSynced(corpusDocName(CORPUS), token('observer', 'wall')),
    ]);
    alice.provider.awareness!.setLocalState({ article: 'a1', selection: { start: 1, end: 4 } });
    teacher.provider.awareness!.setLocalState({ article: 'a1', selection: null });
    await waitFor(() => seen(wall, 'alice') !== undefined && seen(wall, 'tina') !== undefined, 'Alice and the teacher at the projector');
    expect(seen(wall, 'alice')!.user).toEqual({ id: 'alice', color: '#767676' });
    expect(seen(wall, 'tina')!.user!.name).toBeUndefined();
    await waitFor(() => seen(teacher, 'alice')?.user?.name === 'alice', 'Alice’s name at the teacher');

    writeSetting(teacher.doc, 'projectorNames', true);
    await waitFor(() => !teacher.provider.hasUnsyncedChanges, 'the server acknowledging the setting');
    alice.provider.awareness!.setLocalStateField('selection', { start: 2, end: 5 });
    await waitFor(() => seen(wall, 'alice')?.user?.name === 'alice', 'Alice’s name at the projector once shown');

    writeSetting(teacher.doc, 'projectorNames', false);
    await waitFor(() => !teacher.provider.hasUnsyncedChanges, 'the server acknowledging the setting');
    alice.provider.awareness!.setLocalStateField('selection', { start: 3, end: 6 });
    await waitFor(() => seen(wall, 'alice')?.user?.name === undefined, 'no name at the projector once hidden again');
  });

  it('carries the teacher’s scroll position, and drops a student’s', async () => {
    const teacher = await client().openSynced(corpusDocName(CORPUS), token('teacher', 'tina'));
    const [alice, wall] = await Promise.all([
      client().openSynced(corpusDocName(CORPUS), token('student', 'alice')),
      client().openSynced(corpusDocName(CORPUS), token('observer', 'wall')),
    ]);
    alice.provider.awareness!.setLocalState({ article: 'a1', selection: null, scroll: 99 });
    teacher.provider.awareness!.setLocalState({ article: 'a1', selection: null, scroll: 420 });
    await waitFor(() => seen(wall, 'tina')?.scroll === 420 && seen(wall, 'alice') !== undefined, 'both at the projector');
    expect(seen(wall, 'alice')!.scroll).toBeUndefined();
    expect(seen(wall, 'tina')!.role).toBe('teacher');
    // a scroll position of the wrong shape is refused with the whole state
    teacher.provider.awareness!.setLocalState({ article: 'a1', selection: null, scroll: -5 });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen(wall, 'tina')!.scroll).toBe(420);
  });
});
