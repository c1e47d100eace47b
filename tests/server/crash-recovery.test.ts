/**
 * kill -9 in the middle of a burst of annotations. The server runs as a child process (the
 * `npm run server` entry), students write records as fast as they can, the server is
 * SIGKILLed mid-burst and the students keep writing offline. Then: every record a client
 * had seen acknowledged is in the database file before any restart; after the restart on
 * the same data directory the clients reconnect and push the rest, and every replica holds
 * every record exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocStore } from '../../electron/server/storage';
import { databaseDir } from '../../electron/server/sync-server';
import { addAnnotation } from '../../shared/model/layer';
import { Client, CORPUS, SECRET, record, recordIds, removeDir, tempDir, token, waitFor } from './helpers';

const STUDENTS = ['ana', 'bob', 'carl', 'dina'];
const layer = (owner: string) => `corpus/${CORPUS}/layer/a1/${owner}`;

function startChild(dataDir: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/server.ts', '--port', String(port), '--data', dataDir, '--secret', SECRET], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function storedIds(dataDir: string, name: string): Promise<string[]> {
  const store = await DocStore.open(databaseDir(dataDir), { fsync: false });
  try {
    const doc = new Y.Doc();
    const update = await store.load(name);
    if (update) Y.applyUpdate(doc, update);
    return recordIds(doc);
  } finally {
    await store.close();
  }
}

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
    const first = await startChild(dir, 0);
    children.push(first.child);
    const url = `ws://127.0.0.1:${first.port}`;
    const writers = await Promise.all(
      STUDENTS.map(async (user) => {
        const client = new Client(url);
        clients.push(client);
        const open = await client.openSynced(layer(user), token('student', user));
        return { user, open, written: [] as string[], acked: new Set<string>() };
      }),
    );
    for (const w of writers) {
      // When nothing is unacknowledged, every record written so far has been acknowledged.
      w.open.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
        if (number === 0) for (const id of w.written) w.acked.add(id);
      });
    }
    let killedAt = -1;
    for (let tick = 0; tick < 150; tick++) {
      for (const w of writers) {
        const id = `${w.user}-${tick}`;
        w.written.push(id);
        addAnnotation(w.open.doc, record(id, w.user, tick));
      }
      if (tick === 80) {
        first.child.kill('SIGKILL');
        killedAt = tick;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise<void>((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r() : first.child.once('exit', () => r())));
    const ackedAtKill = writers.map((w) => new Set(w.acked));
    expect(killedAt).toBe(80);
    expect(ackedAtKill.reduce((n, s) => n + s.size, 0)).toBeGreaterThan(0);
    expect(writers.every((w, i) => ackedAtKill[i]!.size < w.written.length)).toBe(true);

    // Before any restart: the database file holds every acknowledged record.
    for (const [i, w] of writers.entries()) {
      const stored = new Set(await storedIds(dir, layer(w.user)));
      const missing = [...ackedAtKill[i]!].filter((id) => !stored.has(id));
      expect(missing, `acknowledged but not stored for ${w.user}`).toEqual([]);
    }

    // Restart on the same data directory and port; the providers reconnect by themselves.
    const second = await startChild(dir, first.port);
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
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
    for (const w of writers) expect(await storedIds(dir, layer(w.user))).toEqual([...w.written].sort());
  }, 60_000);
});
