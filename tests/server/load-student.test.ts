/**
 * The load generator's cheap student speaks the real protocol: against a real server it syncs the
 * text and every classmate's layer, its writes are accepted, stored and acknowledged (a full
 * client reads them back as records), and a classmate's write reaches it as a time-stamped
 * arrival, counted from the relayed bytes alone; its selection, announced on the corpus document,
 * reaches the teacher. If it sent anything the server refuses, the
 * benchmark would measure refusals: this test would fail first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../../electron/server/sync-server';
import { LoadStudent, markers, type StudentSpec } from '../bench/load-student';
import { Client, CORPUS, recordIds, removeDir, startServer, tempDir, token, waitFor } from './helpers';

const layer = (user: string) => `corpus/${CORPUS}/layer/a1/${user}`;
const spec = (url: string, user: string, room: string[]): StudentSpec => ({
  system: 'glose',
  url,
  user,
  token: token('student', user),
  corpus: `corpus/${CORPUS}`,
  article: 'a1',
  text: `corpus/${CORPUS}/text/a1`,
  own: layer(user),
  others: room.filter((u) => u !== user).map(layer),
});

describe('the load generator student', () => {
  let dir: string;
  let server: SyncServer;
  const made: { close(): void }[] = [];
  beforeEach(async () => {
    dir = tempDir();
    server = await startServer(dir);
  });
  afterEach(async () => {
    made.splice(0).forEach((c) => c.close());
    await server.stop();
    removeDir(dir);
  });

  it('finds every marker in relayed bytes', () => {
    const found: string[] = [];
    markers(Buffer.from('xx sent:s1.0:1000.5; yy sent:s2.7:2000; zz'), (id, at) => found.push(`${id}@${at}`));
    expect(found).toEqual(['s1.0@1000.5', 's2.7@2000']);
  });

  it('writes records the server accepts, stores and relays, and times a classmate’s write', async () => {
    const room = ['ana', 'bob', 'cleo'];
    const students = room.map((user) => new LoadStudent(spec(server.url, user, room)));
    made.push(...students);
    await Promise.all(students.map((s) => s.whenReady()));
    const [ana, bob, cleo] = students as [LoadStudent, LoadStudent, LoadStudent];
    ana.write();
    ana.write();
    bob.write();
    await waitFor(() => ana.acks >= 2 && bob.acks >= 1, 'the writes to be acknowledged');
    await waitFor(() => cleo.arrivals.size === 3 && bob.arrivals.size === 2, 'the writes to reach the classmates');
    expect([...cleo.arrivals.keys()].sort()).toEqual(['ana.0', 'ana.1', 'bob.0']);
    for (const ms of cleo.arrivals.values()) expect(ms).toBeGreaterThanOrEqual(0);
    expect(ana.arrivals.has('ana.0')).toBe(false); // its own writes are not arrivals

    const reader = new Client(server.url);
    made.push({ close: () => reader.destroy() });
    const view = await reader.openSynced(layer('ana'), token('teacher', 'teacher'));
    expect(recordIds(view.doc)).toEqual(['rana_0', 'rana_1']);
    expect(await server.store.keyCount(layer('ana'))).toBeGreaterThan(0);
  });

  it('announces its selection on the corpus document, as the app does, and the server passes it on', async () => {
    const student = new LoadStudent(spec(server.url, 'ana', ['ana', 'bob']));
    made.push(student);
    await student.whenReady();
    const teacher = new Client(server.url);
    made.push({ close: () => teacher.destroy() });
    const corpus = await teacher.openSynced(`corpus/${CORPUS}`, token('teacher', 'teacher'));
    student.select();
    const seen = () => [...corpus.provider.awareness!.getStates().values()].find((s) => (s.user as { id?: string } | undefined)?.id === 'ana');
    await waitFor(() => seen() !== undefined, 'the student’s presence at the teacher');
    expect(seen()).toMatchObject({ article: 'a1', selection: { start: expect.any(Number), end: expect.any(Number) }, role: 'student', user: { id: 'ana', name: 'ana' } });
  });
});
