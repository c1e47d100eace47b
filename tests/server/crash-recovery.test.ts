/**
 * kill -9 in the middle of a burst of annotations. The server runs as a child process (the
 * `npm run server` entry), students write records as fast as they can, the server is
 * SIGKILLed mid-burst and the students keep writing offline. Then: every record a client
 * had seen acknowledged is in the database file before any restart; after the restart on
 * the same data directory the clients reconnect and push the rest, and every replica holds
 * every record exactly once.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocStore } from '../../electron/server/storage';
import { databaseDir } from '../../electron/server/sync-server';
import { addAnnotation } from '../../shared/model/layer';
import { startServerProcess } from './server-process';
import { Client, CORPUS, record, recordIds, removeDir, seedArticles, storedRecordIds, tempDir, token, waitFor } from './helpers';

const STUDENTS = ['ana', 'bob', 'carl', 'dina'];
const layer = (owner: string) => `corpus/${CORPUS}/layer/a1/${owner}`;

const storedIds = async (dataDir: string, name: string): Promise<string[]> => storedRecordIds(await DocStore.open(databaseDir(dataDir), { fsync: false }), name);

describe('kill -9 recovery', () => {
  const dir = tempDir();
  const children: ChildProcess[] = [];
  const clients: Client[] = [];
  afterAll(() => {
    for (const c of clients) c.destroy();
    for (const child of children) child.kill('SIGKILL');
    removeDir(dir);
  });

  it('loses no acknowledged write, and the clients restore every other one', async () => {
    const first = await startServerProcess(dir);
    children.push(first.child);
    const url = `ws://127.0.0.1:${first.port}`;
    await seedArticles(url, ['a1']);
    const writers = await Promise.all(
      STUDENTS.map(async (user) => {
        const client = new Client(url);
        clients.push(client);
        const open = await client.openSynced(layer(user), token('student', user));
        return { user, open, written: [] as string[], acked: new Set<string>() };
      }),
    );
    // Acks come back in send order, one per update (one update per record here), so the
    // first `acks` records written are the acknowledged ones. Start from a quiet counter.
    await waitFor(() => writers.every((w) => !w.open.provider.hasUnsyncedChanges), 'initial acks');
    for (const w of writers) {
      let outstanding = 0;
      w.open.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
        if (number < outstanding) for (const id of w.written.slice(w.acked.size, w.acked.size + outstanding - number)) w.acked.add(id);
        outstanding = number;
      });
    }
    let killedAt = -1;
    for (let tick = 0; tick < 160; tick++) {
      for (const w of writers) {
        const id = `${w.user}-${tick}`;
        w.written.push(id);
        addAnnotation(w.open.doc, record(id, w.user, tick));
      }
      // Mid-burst: once some writes have been acknowledged (or at the latest at tick 120).
      const acked = writers.some((w) => w.acked.size > 0);
      if (killedAt < 0 && tick >= 40 && (acked || tick === 120)) {
        first.child.kill('SIGKILL');
        killedAt = tick;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise<void>((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r() : first.child.once('exit', () => r())));
    const ackedAtKill = writers.map((w) => new Set(w.acked));
    expect(killedAt).toBeGreaterThanOrEqual(40);
    expect(ackedAtKill.reduce((n, s) => n + s.size, 0)).toBeGreaterThan(0);
    expect(writers.every((w, i) => ackedAtKill[i]!.size < w.written.length)).toBe(true);

    // Before any restart: the database file holds every acknowledged record.
    for (const [i, w] of writers.entries()) {
      const stored = new Set(await storedIds(dir, layer(w.user)));
      const missing = [...ackedAtKill[i]!].filter((id) => !stored.has(id));
      expect(missing, `acknowledged but not stored for ${w.user}`).toEqual([]);
    }

    // Restart on the same data directory and port; the providers reconnect by themselves.
    const second = await startServerProcess(dir, { port: first.port });
    children.push(second.child);
    // The providers' unsynced counter is reset on reconnect, so it says nothing here: wait for the records.
    const reader = new Client(url);
    clients.push(reader);
    for (const w of writers) {
      const view = await reader.openSynced(layer(w.user), token('observer', 'wall'));
      const expected = [...w.written].sort();
      await waitFor(() => recordIds(view.doc).length >= expected.length, `all of ${w.user}'s records at the reader`, 20_000);
      expect(recordIds(view.doc)).toEqual(expected);
      expect(recordIds(w.open.doc)).toEqual(expected);
      expect(Y.encodeStateVector(view.doc)).toEqual(Y.encodeStateVector(w.open.doc));
    }
    for (const c of clients.splice(0)) c.destroy();
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
    for (const w of writers) expect(await storedIds(dir, layer(w.user))).toEqual([...w.written].sort());
  }, 60_000);
});
