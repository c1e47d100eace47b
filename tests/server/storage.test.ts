/**
 * The LevelDB document store on a real database directory: appends survive a reopen,
 * load compacts a run into one key without losing anything, appends racing a compaction
 * are kept, and an append before load is refused (it could overwrite a stored key).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocStore } from '../../electron/server/storage';
import { removeDir, tempDir } from './helpers';

const NAME = 'corpus/c1/layer/a1/ana';

function edits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('m').set(`k${i}`, i);
  return { doc, updates };
}

function materialize(update: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc();
  if (update) Y.applyUpdate(doc, update);
  return doc;
}

describe('DocStore', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeDir));

  it('keeps appended updates across a reopen and compacts them on load', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { doc, updates } = edits(20);
    let store = await DocStore.open(dir, { fsync: false });
    expect(await store.load(NAME)).toBeNull();
    for (const u of updates) await store.append(NAME, u);
    expect(await store.keyCount(NAME)).toBe(20);
    await store.close();
    store = await DocStore.open(dir, { fsync: false });
    const loaded = materialize(await store.load(NAME));
    expect(loaded.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect(await store.keyCount(NAME)).toBe(1);
    expect(await store.keyCount('corpus/c1/layer/a1')).toBe(0);
    await store.close();
  });

  it('keeps appends made while a compaction runs', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { doc, updates } = edits(200);
    const store = await DocStore.open(dir, { fsync: false });
    await store.load(NAME);
    const writes: Promise<void>[] = [];
    for (const [i, u] of updates.entries()) {
      writes.push(store.append(NAME, u));
      if (i % 25 === 0) writes.push(store.compact(NAME));
    }
    await Promise.all(writes);
    expect(materialize(await store.load(NAME)).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await store.close();
  });

  it('refuses an append to a document it has not loaded', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = await DocStore.open(dir, { fsync: false });
    await expect(store.append(NAME, edits(1).updates[0]!)).rejects.toThrow(/before it was loaded/);
    await store.close();
  });
});
