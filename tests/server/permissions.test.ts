/**
 * Every permission rule of ARCHITECTURE.md §2, from both sides: the pure decision table,
 * then through a real server — an allowed write reaches the other peers and the database;
 * a forbidden one reaches neither, and its author hears `forbidden-write`; refused tokens
 * and names come back with their reason code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { access } from '../../electron/server/permissions';
import { reasonCode } from '../../electron/server/reasons';
import { DocStore } from '../../electron/server/storage';
import { databaseDir, type SyncServer } from '../../electron/server/sync-server';
import { addAnnotation } from '../../shared/model/layer';
import { articleText } from '../../shared/model/corpus';
import { setGoldRevealed } from '../../shared/assessment/gold-reveal';
import { clientPool, CORPUS, record, recordIds, removeDir, startServer, tempDir, token, waitFor } from './helpers';

const corpus = `corpus/${CORPUS}`;
const text = `corpus/${CORPUS}/text/a1`;
const layer = (owner: string) => `corpus/${CORPUS}/layer/a1/${owner}`;

describe('decision table', () => {
  const teacher = { role: 'teacher', user: 'tina', corpus: CORPUS } as const;
  const student = { role: 'student', user: 'ana', corpus: CORPUS } as const;
  const observer = { role: 'observer', user: 'wall', corpus: CORPUS } as const;
  it.each([
    [teacher, corpus, 'write'], [teacher, text, 'write'], [teacher, layer('gold'), 'write'], [teacher, layer('tina'), 'write'],
    [teacher, layer('ana'), 'read'],
    [student, layer('ana'), 'write'], [student, corpus, 'read'], [student, text, 'read'], [student, layer('bob'), 'read'],
    [student, layer('gold'), 'deny'], [observer, layer('gold'), 'deny'], // until the teacher reveals it (gold-reveal.test.ts)
    [observer, corpus, 'read'], [observer, text, 'read'], [observer, layer('ana'), 'read'], [observer, layer('wall'), 'read'],
    [student, 'corpus/other/layer/a1/ana', 'deny'], [teacher, 'corpus/other', 'deny'], [observer, 'corpus/other/text/a1', 'deny'],
    [teacher, 'notes/a1', 'deny'], [teacher, `${corpus}/layer/a1`, 'deny'], [teacher, `${corpus}/text/a 1`, 'deny'], [teacher, '', 'deny'],
  ] as const)('%o on %s → %s', (claims, name, expected) => {
    expect(access(claims, name)).toBe(expected);
  });

  it('a student whose user id is "gold" still only reads the gold layer', () => {
    expect(access({ role: 'student', user: 'gold', corpus: CORPUS }, layer('gold'), { blind: false, goldRevealed: true })).toBe('read');
  });

  it('blind mode hides every other layer from students only', () => {
    expect(access(student, layer('bob'), { blind: true })).toBe('deny');
    expect(access(student, layer('gold'), { blind: true, goldRevealed: true })).toBe('deny');
    expect(access(student, layer('gold'), { blind: false, goldRevealed: true })).toBe('read');
    expect(access(student, layer('ana'), { blind: true })).toBe('write');
    expect(access(teacher, layer('ana'), { blind: true })).toBe('read');
  });
});

describe('permissions through a real server', () => {
  let dir: string;
  let server: SyncServer;
  const { client, destroyAll } = clientPool(() => server.url);
  const serverDoc = (name: string) => server.hocuspocusServer.hocuspocus.documents.get(name);

  beforeAll(async () => {
    dir = tempDir();
    server = await startServer(dir);
  });
  afterAll(async () => {
    destroyAll();
    await server.stop();
    removeDir(dir);
  });

  it('the teacher writes corpus and text; students and observers receive them read-only', async () => {
    const t = client();
    const tc = await t.openSynced(corpus, token('teacher', 'tina'));
    const tt = await t.openSynced(text, token('teacher', 'tina'));
    expect(tc.scope).toBe('read-write');
    tc.doc.getMap('settings').set('title', 'Class 1');
    setGoldRevealed(tc.doc, true); // so the cases below reach the gold layer read-only (hidden before: gold-reveal.test.ts)
    articleText(tt.doc).insert(0, 'The article body.');
    const s = await client().openSynced(text, token('student', 'ana'));
    const o = await client().openSynced(corpus, token('observer', 'wall'));
    expect(s.scope).toBe('readonly');
    expect(o.scope).toBe('readonly');
    await waitFor(() => articleText(s.doc).toString() === 'The article body.', 'text at the student');
    await waitFor(() => o.doc.getMap('settings').get('title') === 'Class 1', 'corpus at the observer');
  });

  it("a student's write to their own layer reaches the other students, the teacher, the observer and the database", async () => {
    const ana = await client().openSynced(layer('ana'), token('student', 'ana'));
    const readers = await Promise.all([
      client().openSynced(layer('ana'), token('student', 'bob')),
      client().openSynced(layer('ana'), token('teacher', 'tina')),
      client().openSynced(layer('ana'), token('observer', 'wall')),
    ]);
    addAnnotation(ana.doc, record('r-ana-1', 'ana'));
    for (const r of readers) await waitFor(() => recordIds(r.doc).includes('r-ana-1'), 'record at a reader');
    await waitFor(() => !ana.provider.hasUnsyncedChanges, 'ack');
    expect(recordIds(serverDoc(layer('ana'))!)).toEqual(['r-ana-1']);
  });

  // Each case: who writes where (read-only for them), and who owns/writes that document.
  const forbidden = [
    { what: "a student writing another student's layer", writer: ['student', 'bob'], name: layer('ana'), owner: ['student', 'ana'] },
    { what: 'a student writing the text', writer: ['student', 'bob'], name: text, owner: ['teacher', 'tina'] },
    { what: 'a student writing the corpus document', writer: ['student', 'bob'], name: corpus, owner: ['teacher', 'tina'] },
    { what: 'a student writing the gold layer', writer: ['student', 'bob'], name: layer('gold'), owner: ['teacher', 'tina'] },
    { what: "the teacher writing a student's layer", writer: ['teacher', 'tina'], name: layer('bob'), owner: ['student', 'bob'] },
    { what: 'an observer writing its own layer name', writer: ['observer', 'wall'], name: layer('wall'), owner: ['student', 'wall'] },
    { what: 'an observer writing the text', writer: ['observer', 'wall'], name: text, owner: ['teacher', 'tina'] },
  ] as const;

  it.each(forbidden)('$what is refused: never stored, never relayed, and the writer hears forbidden-write', async ({ writer, name, owner }) => {
    const intruder = await client().openSynced(name, token(writer[0], writer[1]));
    const ownerDoc = await client().openSynced(name, token(owner[0], owner[1]));
    const reader = await client().openSynced(name, token('observer', 'wall2'));
    expect(intruder.scope).toBe('readonly');
    const forgedId = `forged-by-${writer[1]}`;
    addAnnotation(intruder.doc, record(forgedId, owner[1]));
    await waitFor(() => intruder.stateless.length > 0, 'forbidden-write notice');
    expect(JSON.parse(intruder.stateless[0]!)).toMatchObject({ type: 'glose-error', code: 'forbidden-write', document: name });
    // A legitimate write after the forbidden one: once it has arrived, the forbidden one would have too.
    const legitId = `legit-after-${writer[1]}`;
    addAnnotation(ownerDoc.doc, record(legitId, owner[1]));
    await waitFor(() => recordIds(reader.doc).includes(legitId) && recordIds(intruder.doc).includes(legitId), 'legit write');
    expect(intruder.provider.hasUnsyncedChanges).toBe(true);
    for (const d of [ownerDoc.doc, reader.doc, serverDoc(name)!]) expect(recordIds(d)).not.toContain(forgedId);
  });

  it('a read-only client that already holds local changes when it connects (SyncStep2 path) is refused too', async () => {
    const local = new Y.Doc();
    addAnnotation(local, record('offline-forged', 'ana'));
    const intruder = client().open(layer('ana'), token('student', 'bob'), local);
    await waitFor(() => intruder.stateless.length > 0, 'forbidden-write notice');
    const peer = await client().openSynced(layer('ana'), token('student', 'carl'));
    expect(recordIds(peer.doc)).not.toContain('offline-forged');
    expect(recordIds(serverDoc(layer('ana'))!)).not.toContain('offline-forged');
  });

  it.each([
    ['a missing token', '', layer('nobody'), 'token-missing'],
    ['a malformed token', 'hello', layer('nobody'), 'token-malformed'],
    ['a token of another server', token('teacher', 'tina').slice(0, -4) + 'AAAA', layer('nobody'), 'token-bad-signature'],
    ['an expired token', token('teacher', 'tina', CORPUS, 60, Date.now() - 3_600_000), layer('nobody'), 'token-expired'],
    ['a token for another corpus', token('teacher', 'tina', 'c2'), layer('nobody'), 'wrong-corpus'],
    ['an unknown document name', token('teacher', 'tina'), 'secrets/passwords', 'unknown-document'],
  ])('%s is refused with its reason code', async (_what, tokenValue, name, code) => {
    const refused = await client().openSynced(name, tokenValue);
    expect(refused.denied).not.toBeNull();
    expect(reasonCode(refused.denied!)).toBe(code);
    expect(serverDoc(name)).toBeUndefined();
  });

  it('a refused document does not disturb the other documents of the same socket', async () => {
    const c = client();
    const refused = c.open(layer('ana'), 'bad');
    const fine = c.open(layer('carl'), token('student', 'carl'));
    await waitFor(() => refused.denied !== null && fine.provider.isSynced, 'both answers');
    addAnnotation(fine.doc, record('r-carl', 'carl'));
    await waitFor(() => !fine.provider.hasUnsyncedChanges, 'ack of carl');
    expect(recordIds(serverDoc(layer('carl'))!)).toEqual(['r-carl']);
  });

  it('the database holds the allowed writes and none of the forbidden ones', async () => {
    destroyAll();
    await server.stop();
    const store = await DocStore.open(databaseDir(dir), { fsync: false });
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await store.load(layer('ana')))!);
    await store.close();
    expect(recordIds(stored)).toEqual(['legit-after-bob', 'r-ana-1']);
    server = await startServer(dir);
  });
});
