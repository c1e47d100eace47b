/**
 * A broken entry already in the database (written before the server checked updates, or
 * damaged on disk): the server still opens the document, and the real command line still
 * exports and computes agreement, each skipping the entry with a warning naming the document.
 */
import { join } from 'node:path';
import * as prng from 'lib0/prng';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { databaseDir } from '../../electron/server/sync-server';
import { DocStore } from '../../electron/server/storage';
import { addAnnotation } from '../../shared/model/layer';
import { glose } from '../unit/cli/cli-helpers';
import { Client, CORPUS, record, recordIds, removeDir, startServer, tempDir, token } from './helpers';

const broken = `corpus/${CORPUS}/layer/a1/bob`;
const fine = `corpus/${CORPUS}/layer/a1/ana`;

/** An update that decodes but throws when applied (found by mutating a valid one, seeded). */
function throwingUpdate(): Uint8Array {
  const doc = new Y.Doc();
  addAnnotation(doc, record('r1', 'bob'));
  const good = Y.encodeStateAsUpdate(doc);
  const gen = prng.create(7);
  for (;;) {
    const u = good.slice();
    for (let n = 0; n < 2; n++) u[prng.int32(gen, 0, u.length - 1)] = prng.uint32(gen, 0, 255);
    try {
      Y.decodeUpdate(u);
      Y.applyUpdate(new Y.Doc(), u);
    } catch (error) {
      if (String(error).includes('TypeError')) return u;
    }
  }
}

describe('a broken stored entry', () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  it('is skipped with a warning naming the document by the server load, export and agreement', async () => {
    let server = await startServer(dir);
    const writer = new Client(server.url);
    const ana = await writer.openSynced(fine, token('student', 'ana'));
    addAnnotation(ana.doc, record('ana-1', 'ana'));
    await new Promise((r) => setTimeout(r, 200));
    writer.destroy();
    await server.stop();
    const store = await DocStore.open(databaseDir(dir), { fsync: false });
    await store.load(broken);
    await store.append(broken, throwingUpdate());
    await store.close();

    server = await startServer(dir);
    const reader = new Client(server.url);
    const view = await reader.openSynced(broken, token('observer', 'wall'));
    expect(view.denied).toBeNull();
    expect(recordIds((await reader.openSynced(fine, token('observer', 'wall'))).doc)).toEqual(['ana-1']);
    reader.destroy();
    await server.stop();

    const exported = await glose('export', '--from', dir, '--format', 'jsonl', '--out', join(dir, 'x.jsonl'));
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain(broken);
    const agreement = await glose('agreement', '--from', dir, '--json');
    expect(agreement.code, agreement.stderr).toBe(0);
  }, 60_000);
});
