/**
 * Quotas against a raw-protocol student, through a real server: documents per connection and per user,
 * layers only of the corpus's articles, layer size per user (one huge frame of tiny items),
 * write rate per user, and presence bound to its connection (no forging another client's
 * entry or a name, size and rate caps; a reconnecting page keeps its own). Another student's writes keep landing throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { SyncServer } from '../../electron/server/sync-server';
import { corpusDocName } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import { Client, CORPUS, record, recordIds, removeDir, startServer, tempDir, token, waitFor } from './helpers';
import { authFrame, awarenessFrame, MSG, RawClient, updateFrame } from './raw-client';

const layer = (owner: string, article = 'a1') => `corpus/${CORPUS}/layer/${article}/${owner}`;
const corpus = corpusDocName(CORPUS);

function recordUpdate(id: string, user: string): Uint8Array {
  const doc = new Y.Doc();
  addAnnotation(doc, record(id, user));
  return Y.encodeStateAsUpdate(doc);
}

/** An awareness update setting `state` for `clientId`. */
function presenceUpdate(clientId: number, state: Record<string, unknown>, clock = 1): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new Awareness(doc);
  for (let i = 1; i < clock; i++) awareness.setLocalState({ tick: i });
  awareness.setLocalState(state);
  const update = encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return update;
}

describe('quotas', () => {
  let dir: string;
  let server: SyncServer;
  const clients: Client[] = [];
  const raws: RawClient[] = [];
  const raw = async () => {
    const r = await RawClient.connect(server.url);
    raws.push(r);
    return r;
  };

  beforeAll(async () => {
    dir = tempDir();
    server = await startServer(dir, { quotas: { documentsPerConnection: 5, documentsPerUser: 8, maxLayerUpdateBytes: 64 * 1024, maxLayerBytes: 128 * 1024, writeBurst: 20, writesPerSecond: 2 } });
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    raws.forEach((r) => r.close());
    await server.stop();
    removeDir(dir);
  });

  /** Another student's write still lands. */
  async function othersStillWrite(id: string): Promise<void> {
    const c = new Client(server.url);
    clients.push(c);
    const own = await c.openSynced(layer('ana'), token('student', 'ana'));
    addAnnotation(own.doc, record(id, 'ana'));
    await waitFor(() => !own.provider.hasUnsyncedChanges, `${id} acknowledged`);
    expect(recordIds(server.hocuspocusServer.hocuspocus.documents.get(layer('ana'))!)).toContain(id);
  }

  it('refuses layers of articles the corpus does not have, and more documents than the quota on one socket', async () => {
    const r = await raw();
    const t = token('student', 'mal');
    expect(await r.open(layer('mal', 'invented1'), t)).toBe('denied: unknown-document: no such document');
    expect(await r.open(layer('bob', 'invented2'), t)).toMatch(/^denied: unknown-document/);
    expect(server.hocuspocusServer.hocuspocus.documents.has(layer('mal', 'invented1'))).toBe(false);
    const names = [corpus, `corpus/${CORPUS}/text/a1`, layer('mal'), layer('x1'), layer('x2'), layer('x3'), layer('x4')];
    const answers = await Promise.all(names.map((n) => r.open(n, t)));
    expect(answers.filter((a) => a.startsWith('denied: quota-documents'))).toHaveLength(names.length - 5);
    await othersStillWrite('after-documents');
  });

  it('counts a user’s documents on all their sockets together: a second socket does not open more, a closed one gives them back', async () => {
    const [a, b] = [await raw(), await raw()];
    const t = token('student', 'multi');
    const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => layer(`${prefix}${i}`));
    expect((await Promise.all(names('ma', 5).map((n) => a.open(n, t)))).filter((x) => x.startsWith('denied'))).toEqual([]);
    const onB = [];
    for (const n of names('mb', 4)) onB.push(await b.open(n, t));
    expect(onB.slice(0, 3).filter((x) => x.startsWith('denied'))).toEqual([]);
    expect(onB[3]).toMatch(/^denied: quota-documents/);
    // another student is not counted with them
    expect(await (await raw()).open(layer('other-user'), token('student', 'other-user'))).not.toMatch(/^denied/);
    await othersStillWrite('after-user-quota');
    // the first socket closes: its five come back to the user
    a.close();
    let answer = 'denied';
    for (let i = 0; i < 50 && answer.startsWith('denied'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      answer = await b.open(layer(`mc${i}`), t);
    }
    expect(answer).not.toMatch(/^denied/);
  });

  it('closes a socket that bursts thousands of invented document names, after answering the first refusals', async () => {
    const r = await raw();
    const t = token('student', 'mal4');
    for (let i = 0; i < 3_000; i++) r.send(authFrame(layer('mal4', `invented${i}`), t));
    const closed = await r.closed;
    expect(closed.code).toBeGreaterThanOrEqual(1000);
    const denied = r.received.filter((m) => m.type === MSG.auth).length;
    expect(denied).toBeGreaterThanOrEqual(50);
    expect(denied).toBeLessThan(600);
    await othersStillWrite('after-burst');
  });

  it('refuses a huge frame of tiny items and a layer past its size, answering quota-layer-size', async () => {
    const r = await raw();
    await r.open(layer('mal2'), token('student', 'mal2'));
    const doc = new Y.Doc();
    const list = doc.getMap('annotations');
    doc.transact(() => {
      for (let i = 0; i < 40_000; i++) list.set(`k${i}`, i);
    });
    r.send(updateFrame(layer('mal2'), Y.encodeStateAsUpdate(doc)));
    for (let i = 0; i < 25; i++) {
      const d = new Y.Doc();
      addAnnotation(d, { ...record(`big${i}`, 'mal2'), note: 'x'.repeat(10_000) });
      r.send(updateFrame(layer('mal2'), Y.encodeStateAsUpdate(d)));
    }
    await waitFor(() => r.acks(layer('mal2')).length === 26, 'answers');
    const codes = r.notices(layer('mal2')).map((n) => n.code);
    expect(codes[0]).toBe('quota-layer-size');
    expect(codes.filter((c) => c === 'quota-layer-size').length).toBeGreaterThan(5);
    const stored = server.hocuspocusServer.hocuspocus.documents.get(layer('mal2'))!;
    expect(Y.encodeStateAsUpdate(stored).length).toBeLessThanOrEqual(128 * 1024);
    await othersStillWrite('after-size');
  });

  it('refuses writes beyond the per-user rate, on every socket of that user', async () => {
    const [a, b] = [await raw(), await raw()];
    await a.open(layer('fast'), token('student', 'fast'));
    await b.open(layer('fast'), token('student', 'fast'));
    for (let i = 0; i < 40; i++) (i % 2 ? a : b).send(updateFrame(layer('fast'), recordUpdate(`f${i}`, 'fast')));
    await waitFor(() => a.acks(layer('fast')).length + b.acks(layer('fast')).length === 40, 'answers');
    const refused = [...a.notices(), ...b.notices()].filter((n) => n.code === 'quota-write-rate').length;
    expect(refused).toBeGreaterThanOrEqual(15);
    expect(recordIds(server.hocuspocusServer.hocuspocus.documents.get(layer('fast'))!).length).toBe(40 - refused);
    await othersStillWrite('after-rate');
  });

  it('binds presence to its connection: no overwriting another client, no forged name, size capped', async () => {
    const honest = await raw();
    const mallory = await raw();
    const watcher = await raw();
    await honest.open(corpus, token('student', 'ana'));
    await mallory.open(corpus, token('student', 'mal3'));
    await watcher.open(corpus, token('teacher', 'tina'));
    honest.send(awarenessFrame(corpus, presenceUpdate(1111, { user: { id: 'ana', name: 'Ana', color: '#000000' }, article: 'a1', selection: null })));
    await waitFor(() => watcher.received.some((m) => m.type === MSG.awareness), 'honest presence at the watcher');
    const peers = async () => {
      const doc = server.hocuspocusServer.hocuspocus.documents.get(corpus)!;
      return doc.awareness.getStates();
    };
    // mallory tries to take over ana's entry, to pose as the teacher, and to send a huge state
    mallory.send(awarenessFrame(corpus, presenceUpdate(1111, { user: { id: 'tina', name: 'Teacher', color: '#000000' }, article: 'a1', selection: null }, 5)));
    mallory.send(awarenessFrame(corpus, presenceUpdate(2222, { user: { id: 'tina', name: 'Teacher', color: '#ff0000' }, article: 'a1', selection: null })));
    mallory.send(awarenessFrame(corpus, presenceUpdate(3333, { user: { name: 'x' }, article: 'y'.repeat(5000), selection: null })));
    await waitFor(() => server.hocuspocusServer.hocuspocus.documents.get(corpus)!.awareness.getStates().has(2222), 'mallory presence');
    const states = await peers();
    expect((states.get(1111) as { user: { id: string } }).user.id).toBe('ana');
    expect((states.get(2222) as { user: { id: string; name: string } }).user).toMatchObject({ id: 'mal3' });
    expect((states.get(2222) as { user: { name: string } }).user.name).not.toBe('Teacher');
    expect(states.has(3333)).toBe(false);
    const flood = awarenessFrame(corpus, presenceUpdate(4444, { user: {}, article: 'z'.repeat(7 * 1024 * 1024), selection: null }));
    mallory.send(flood);
    await waitFor(() => mallory.received.some((m) => m.type === MSG.close && m.document === corpus), 'the corpus closed for mallory');
    expect(mallory.received.find((m) => m.type === MSG.close)!.text).toMatch(/^quota-awareness/);
    expect(server.hocuspocusServer.hocuspocus.documents.get(corpus)!.awareness.getStates().has(4444)).toBe(false);
  });

  it('a page that reconnects keeps its presence: its new connection takes its id over, and the old one takes nothing away when it closes', async () => {
    const doc = () => server.hocuspocusServer.hocuspocus.documents.get(corpus)!;
    const before = await raw();
    await before.open(corpus, token('teacher', 'tina'));
    before.send(awarenessFrame(corpus, presenceUpdate(5555, { article: 'a1', selection: null })));
    await waitFor(() => doc().awareness.getStates().has(5555), 'the teacher present');
    // the page's new socket, while the server has not yet seen the old one close (a reconnect under load)
    const after = await raw();
    await after.open(corpus, token('teacher', 'tina'));
    after.send(awarenessFrame(corpus, presenceUpdate(5555, { article: 'a2', selection: null }, 3)));
    await waitFor(() => (doc().awareness.getStates().get(5555) as { article?: string } | undefined)?.article === 'a2', 'the new connection’s presence');
    const connections = doc().getConnectionsCount();
    before.close();
    await waitFor(() => doc().getConnectionsCount() === connections - 1, 'the old connection gone');
    // before, the old connection's end removed the teacher's presence: the class saw them away until their next renewal (up to 15 s)
    expect(doc().awareness.getStates().get(5555)).toMatchObject({ article: 'a2', user: { id: 'tina' } });
  });
});
