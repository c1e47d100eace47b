/**
 * Seeded fuzz of what a hostile student can write to their own layer through a real server:
 * valid records, records failing the schema, writes outside the record shape, updates that
 * build on refused ones (missing dependencies), and all of them mutated, truncated, spliced
 * or replaced by random bytes, sent as raw Update frames. Throughout, the server stays up and
 * another student's writes still reach a watcher; at the end no invalid record is stored or
 * was relayed, and the real command line exports and computes agreement from the database.
 * GLOSE_SEED=S replays one run; a failure names its seed.
 */
import * as prng from 'lib0/prng';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { databaseDir, type SyncServer } from '../../electron/server/sync-server';
import { DocStore } from '../../electron/server/storage';
import { readDiscussion } from '../../shared/model/discussion';
import { LAYER_ROOTS } from '../../shared/model/layer-shape';
import { readDecisions } from '../../shared/model/curation';
import { addAnnotation, annotationsMap, readLayer } from '../../shared/model/layer';
import { glose } from '../unit/cli/cli-helpers';
import { Client, CORPUS, record, recordIds, removeDir, startServer, tempDir, token, waitFor } from './helpers';
import { MSG, RawClient, updateFrame } from './raw-client';

const CASES = 1200;
const SEED = Number(process.env.GLOSE_SEED ?? 0x9e3779b1 ^ Math.floor(Date.now() / 86_400_000));
const layer = (owner: string) => `corpus/${CORPUS}/layer/a1/${owner}`;

/** A fresh update a hostile client might build (before mutation). */
function craft(gen: prng.PRNG, chain: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = prng.uint32(gen, 1, 2 ** 31);
  const map = annotationsMap(doc);
  const id = `r${prng.uint32(gen, 0, 1e9)}`;
  const bad = () => {
    const m = new Y.Map<unknown>();
    map.set(id, m);
    return m;
  };
  switch (prng.int32(gen, 0, 7)) {
    case 0:
      addAnnotation(doc, record(id, 'mal'));
      break;
    case 1: // a schema violation
      addAnnotation(doc, record(id, 'mal'));
      map.get(id)!.set(prng.oneOf(gen, ['note', 'kind', 'target', 'created', 'status']), prng.oneOf(gen, [42, null, '', { x: 1 }]));
      break;
    case 2: // an unknown field
      addAnnotation(doc, record(id, 'mal'));
      map.get(id)!.set('evil', 'x');
      break;
    case 3: // a root outside the layer's shape
      doc.getArray('evil').push([1, 2, 3]);
      break;
    case 4: // a nested shared type inside a record
      bad().set('note', new Y.Text('nested'));
      break;
    case 5: // not a map
      map.set(id, prng.oneOf(gen, ['string', 7, [1]]) as never);
      break;
    case 6: // a discussion entry or a curation decision failing its schema
      if (prng.bool(gen)) doc.getMap('replies').set(id, { about: 'x', text: 7 });
      else doc.getMap('decisions').set(`mal/${id}`, { verdict: 'maybe' });
      break;
    default: {
      // builds on earlier chained changes (the server may have refused them: missing dependencies)
      const before = Y.encodeStateVector(chain);
      addAnnotation(chain, record(id, 'mal'));
      if (prng.bool(gen)) annotationsMap(chain).get(id)!.set('note', 5);
      return Y.encodeStateAsUpdate(chain, before);
    }
  }
  return Y.encodeStateAsUpdate(doc);
}

function mutate(gen: prng.PRNG, update: Uint8Array): Uint8Array {
  const u = update.slice();
  switch (prng.int32(gen, 0, 5)) {
    case 0:
    case 1:
      return u;
    case 2:
      for (let n = prng.int32(gen, 1, 4); n > 0; n--) u[prng.int32(gen, 0, u.length - 1)] = prng.uint32(gen, 0, 255);
      return u;
    case 3:
      return u.slice(0, prng.int32(gen, 0, u.length - 1));
    case 4: {
      const at = prng.int32(gen, 0, u.length);
      return Uint8Array.from([...u.slice(0, at), ...prng.uint8Array(gen, prng.int32(gen, 1, 8)), ...u.slice(at)]);
    }
    default:
      return prng.uint8Array(gen, prng.int32(gen, 1, 64));
  }
}

/** What a reader would find wrong: content in a root outside the layer's shape, invalid records or discussion entries. */
function invalidIn(doc: Y.Doc): string[] {
  // a root named only by a pending (never integrated) change exists but holds nothing
  const foreign = [...doc.share].filter(([k, type]) => !LAYER_ROOTS.includes(k) && (type._start !== null || type._map.size > 0));
  const discussion = readDiscussion(doc).invalid;
  const decisions = doc.getMap('decisions').size - readDecisions(doc).size;
  return [
    ...foreign.map(([k]) => `root ${k}`),
    ...readLayer(doc).invalid.map((i) => `${i.id}: ${i.reason}`),
    ...(discussion ? [`${discussion} discussion entries`] : []),
    ...(decisions ? [`${decisions} curation decisions`] : []),
  ];
}

describe(`update fuzz (seed ${SEED}; replay with GLOSE_SEED=${SEED})`, () => {
  let dir: string;
  let server: SyncServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    dir = tempDir();
    server = await startServer(dir, { quotas: { writesPerSecond: 1e6, writeBurst: 1e6, writeBytesPerSecond: 1e9, writeBytesBurst: 1e9 } });
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server?.stop().catch(() => undefined);
    removeDir(dir);
  });

  it(`${CASES} random, mutated and truncated updates: server up, others sync, nothing invalid stored, exports succeed`, async () => {
    const gen = prng.create(SEED);
    const chain = new Y.Doc();
    const healthy = new Client(server.url);
    const watcher = new Client(server.url);
    clients.push(healthy, watcher);
    const ana = await healthy.openSynced(layer('ana'), token('student', 'ana'));
    const seenAna = await watcher.openSynced(layer('ana'), token('observer', 'wall'));
    const seenMal = await watcher.openSynced(layer('mal'), token('observer', 'wall'));
    const mal = await RawClient.connect(server.url);
    expect(await mal.open(layer('mal'), token('student', 'mal'))).toBe('read-write');

    for (let i = 0; i < CASES; i++) {
      mal.send(updateFrame(layer('mal'), mutate(gen, craft(gen, chain))));
      if (i % 100 === 99) {
        const id = `ana-${i}`;
        addAnnotation(ana.doc, record(id, 'ana'));
        await waitFor(() => recordIds(seenAna.doc).includes(id), `${id} at the watcher (seed ${SEED})`);
      }
    }
    // every Update frame is answered: acknowledged, or refused (SyncStatus false) — the socket stays open
    await waitFor(() => mal.acks(layer('mal')).length === CASES, `answers to all ${CASES} frames (seed ${SEED})`, 90_000);
    const refused = mal.acks(layer('mal')).filter((a) => a === 'nack').length;
    expect(refused, `seed ${SEED}`).toBeGreaterThan(CASES / 4);
    expect(mal.notices(layer('mal')).length, `seed ${SEED}`).toBe(refused);
    expect(mal.received.some((r) => r.type === MSG.syncStatus && r.text === 'ack'), `seed ${SEED}`).toBe(true);
    expect(invalidIn(seenMal.doc), `relayed to the watcher (seed ${SEED})`).toEqual([]);
    mal.close();
    clients.forEach((c) => c.destroy());
    clients.length = 0;
    await server.stop();

    const store = await DocStore.open(databaseDir(dir), { fsync: false });
    for await (const name of store.names(`corpus/${CORPUS}/layer/`)) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await store.read(name))!);
      expect(invalidIn(doc), `${name} (seed ${SEED})`).toEqual([]);
    }
    await store.close();
    const exported = await glose('export', '--from', dir, '--format', 'w3c', '--out', join(dir, 'out.jsonld'));
    expect(exported.code, `${exported.stderr} (seed ${SEED})`).toBe(0);
    const agreement = await glose('agreement', '--from', dir, '--json');
    expect(agreement.code, `${agreement.stderr} (seed ${SEED})`).toBe(0);
  }, 180_000);
});
