/**
 * The PostgreSQL store on a throw-away cluster, as two server processes use it: two stores on one
 * database append to the same documents while both compact them over and over; afterwards every
 * update is there exactly as written (nothing lost, the document the same as all the updates
 * applied once), each document is one row, and a snapshot by prefix gives each document of a
 * corpus merged, as a backup reads it. Skips with a printed reason without PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PgStore } from '../../electron/server/pg-store';
import { schoolSkipReason, startPostgres, type Postgres } from './school-infra';

const skipped = schoolSkipReason();
if (skipped) console.log(`PostgreSQL store tests skipped: ${skipped}`);

/** One update that sets `key` in the document's `m` map. */
function updateSetting(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, key.length);
  return Y.encodeStateAsUpdate(doc);
}

describe.skipIf(skipped !== null)('PostgreSQL store', () => {
  let postgres: Postgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(() => postgres?.stop());

  it('loses nothing when two stores append and compact the same documents at once', async () => {
    const [one, two] = await Promise.all([PgStore.open(postgres.url, 4), PgStore.open(postgres.url, 4)]);
    const names = ['corpus/c1/layer/a1/ana', 'corpus/c1/layer/a1/bob'];
    const written = new Map(names.map((n) => [n, [] as string[]]));
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      const store = i % 2 === 0 ? one : two;
      const name = names[i % names.length]!;
      const key = `k${i}`;
      written.get(name)!.push(key);
      work.push(store.append(name, updateSetting(key)));
      if (i % 7 === 0) work.push((i % 3 === 0 ? two : one).compact(name));
    }
    await Promise.all(work);
    for (const name of names) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await one.load(name))!);
      expect([...doc.getMap('m').keys()].sort()).toEqual([...written.get(name)!].sort());
      expect(await two.keyCount(name)).toBe(1);
    }
    await two.append('corpus/c2/text/a1', updateSetting('other corpus'));
    const backup: string[] = [];
    for await (const { name, update } of one.snapshot('corpus/c1/')) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      backup.push(`${name}:${doc.getMap('m').size}`);
    }
    expect(backup).toEqual(['corpus/c1/layer/a1/ana:100', 'corpus/c1/layer/a1/bob:100']);
    await Promise.all([one.close(), two.close()]);
  }, 60_000);
});
