/**
 * The layer's `carried` map (article versions) attacked over the raw protocol: a student's client
 * may write its own carried marks (acknowledged, relayed), never a carried entry of another shape,
 * status or with extra fields (refused with invalid-record, not relayed), and never into a
 * classmate's layer (refused at authentication, as every layer is).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncServer } from '../../electron/server/sync-server';
import { CARRIED_ROOT, readCarried, writeCarried } from '../../shared/versions/carried-layer';
import { carryRecords } from '../../shared/versions/carry';
import { Client, CORPUS, record, recordIds, removeDir, startServer, tempDir, token, waitFor } from './helpers';
import { RawClient, updateFrame } from './raw-client';

const layer = (owner: string) => `corpus/${CORPUS}/layer/a1/${owner}`;

function update(write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  write(doc);
  return Y.encodeStateAsUpdate(doc);
}

describe('carried marks on the class server', () => {
  let dir: string;
  let server: SyncServer;
  let watcher: Client;

  beforeAll(async () => {
    dir = tempDir();
    server = await startServer(dir);
    watcher = new Client(server.url);
    await watcher.openSynced(layer('ana'), token('teacher', 'teach'));
  });
  afterAll(async () => {
    watcher.destroy();
    await server.stop();
    removeDir(dir);
  });

  it('accepts a student carrying her own marks, refuses malformed entries, and her classmate cannot write them', async () => {
    const ana = await RawClient.connect(server.url);
    expect(await ana.open(layer('ana'), token('student', 'ana'))).not.toMatch(/^denied/);
    const old = record('old1', 'ana');
    const carried = carryRecords([old], '000', 'a1', old.target.prefix + old.target.exact + old.target.suffix);
    ana.send(updateFrame(layer('ana'), update((d) => writeCarried(d, carried, '000'))));
    const id = carried[0]!.record.id;
    await waitFor(() => recordIds(watcher.docs[0]!.doc).includes(id), 'the carried mark at the teacher');
    expect(readCarried(watcher.docs[0]!.doc).map((e) => e.id)).toEqual([id]);

    const bad = [
      { was: 'x', from: '000', status: 'lost' },
      { was: 'x', from: '000', status: 'exact', note: 'extra' },
      { was: '', from: '000', status: 'exact' },
      'exact',
    ];
    for (const [i, value] of bad.entries()) ana.send(updateFrame(layer('ana'), update((d) => d.getMap(CARRIED_ROOT).set(`bad${i}`, value))));
    await waitFor(() => ana.acks(layer('ana')).length === 1 + bad.length, 'answers to every frame');
    expect(ana.acks(layer('ana'))).toEqual(['ack', ...bad.map(() => 'nack')]);
    expect(ana.notices(layer('ana')).map((n) => n.code)).toEqual(bad.map(() => 'invalid-record'));
    expect(readCarried(watcher.docs[0]!.doc).map((e) => e.id)).toEqual([id]);
    expect([...watcher.docs[0]!.doc.getMap(CARRIED_ROOT).keys()]).toEqual([id]);

    const ben = await RawClient.connect(server.url);
    expect(await ben.open(layer('ana'), token('student', 'ben'))).toMatch(/readonly|denied/);
    ana.close();
    ben.close();
  });
});
