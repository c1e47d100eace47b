/**
 * The layer's `carried` map (article versions) attacked over the raw protocol: a student's client
 * may write its own carried marks (acknowledged, relayed), never a carried entry of another shape,
 * status or with extra fields (refused with invalid-record, not relayed), and never into a
 * classmate's layer (refused at authentication, as every layer is). The teacher's client carries the
 * gold layer with its curation decisions (acknowledged); a decision carried off its schema, or with a
 * key past the limit, is refused; a student cannot write the gold layer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncServer } from '../../electron/server/sync-server';
import { CARRIED_ROOT, readCarried, writeCarried } from '../../shared/versions/carried-layer';
import { readDecisions, spanKey, writeDecision } from '../../shared/model/curation';
import { carriedId, carryDecisions, carryRecords } from '../../shared/versions/carry';
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

  it('accepts the teacher carrying the gold layer and its decisions; refuses a decision off its schema or a key too long; a student cannot write the gold', async () => {
    const gold = layer('gold');
    const goldWatcher = new Client(server.url);
    await goldWatcher.openSynced(gold, token('teacher', 'teach'));
    const teacher = await RawClient.connect(server.url);
    expect(await teacher.open(gold, token('teacher', 'teach'))).not.toMatch(/^denied/);
    const old = record('g1', 'gold');
    const decisions = new Y.Doc();
    writeDecision(decisions, spanKey('ana', 'm1'), { verdict: 'accepted', gold: 'g1', author: old.author, at: old.created });
    const carried = carryRecords([old], '000', 'a1', old.target.prefix + old.target.exact + old.target.suffix);
    teacher.send(updateFrame(gold, update((d) => writeCarried(d, carried, '000', carryDecisions(readDecisions(decisions), 'a1')))));
    const key = spanKey('ana', carriedId('a1', 'm1'));
    await waitFor(() => readDecisions(goldWatcher.docs[0]!.doc).has(key), 'the carried decision at the watcher');
    expect(readDecisions(goldWatcher.docs[0]!.doc).get(key)?.gold).toBe(carriedId('a1', 'g1'));

    const bad: [string, string, unknown][] = [
      ['decisions', 'ana/x', { verdict: 'maybe', author: old.author, at: old.created }],
      [CARRIED_ROOT, `decision:${'a'.repeat(64)}/${'b'.repeat(80)}`, { was: 'ana/m1', from: '000', status: 'exact', of: 'decision' }],
      [CARRIED_ROOT, 'decision:ana/y', { was: 'ana/m1', from: '000', status: 'exact', of: 'verdict' }],
    ];
    for (const [root, k, value] of bad) teacher.send(updateFrame(gold, update((d) => d.getMap(root).set(k, value))));
    await waitFor(() => teacher.acks(gold).length === 1 + bad.length, 'answers to every frame');
    expect(teacher.acks(gold)).toEqual(['ack', ...bad.map(() => 'nack')]);
    expect(teacher.notices(gold).map((n) => n.code)).toEqual(bad.map(() => 'invalid-record'));

    const ana = await RawClient.connect(server.url);
    expect(await ana.open(gold, token('student', 'ana'))).toMatch(/readonly|denied/);
    teacher.close();
    ana.close();
    goldWatcher.destroy();
  });
});
