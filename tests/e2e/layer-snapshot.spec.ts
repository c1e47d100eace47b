import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { targetFor } from '../../shared/anchor/selectors';
import { annotationsMap, addAnnotation } from '../../shared/model/layer';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import type { Annotation } from '../../shared/model/record';
import { recordMember } from '../../shared/model/roster';
import { canonicalText } from '../../shared/text/canonical-text';
import { codePointIndex } from '../../shared/text/code-points';
import { storeUpdates } from '../support/indexeddb-seed';

/**
 * Opening an article reads its layers from one snapshot first (renderer/store/layer-snapshots.ts),
 * then each layer's own IndexedDB database. In real Chromium with real IndexedDB: what was
 * written to a layer's database after the snapshot (a new record, a deletion) is shown once the
 * database merges in, nothing is lost or shown twice, and a broken snapshot is ignored. The
 * snapshot's plain records (painted before any Yjs decoding) never outlast the layers' states:
 * a forged one goes when the state is read, a broken one is not shown.
 */

const ME = { id: 'snapteacher', name: 'Mme Roy', color: '#0072B2' };
const CLASSMATES = ['snapana', 'snapbob'];
const TEXT = canonicalText(readFileSync('seeds/000_69c924cc0d086b21.txt', 'utf8'));
const INDEX = codePointIndex(TEXT);

function record(owner: string, n: number): Annotation {
  const start = 40 + n * 97 + owner.length * 13;
  const now = new Date(Date.UTC(2026, 11, 4, 10, 0, n)).toISOString();
  const author = { id: owner, name: owner, color: '#0072B2' };
  return { id: `${owner}r${n}`, kind: 'claim', target: targetFor(INDEX, start, start + 20), note: '', author, created: now, modified: now, links: [], status: 'open' };
}

/** Each owner's layer with records 0–3, and the roster that shows them all to the teacher. */
function classroom(): { updates: Record<string, Uint8Array>; layers: Map<string, Y.Doc> } {
  const corpus = new Y.Doc();
  recordMember(corpus, ME.id, { name: ME.name, color: ME.color, role: 'teacher' });
  const updates: Record<string, Uint8Array> = {};
  const layers = new Map<string, Y.Doc>();
  for (const owner of [ME.id, ...CLASSMATES]) {
    if (owner !== ME.id) recordMember(corpus, owner, { name: owner, color: '#0072B2', role: 'student' });
    const layer = new Y.Doc();
    for (let n = 0; n < 4; n++) addAnnotation(layer, record(owner, n), 'seed');
    layers.set(owner, layer);
    updates[layerDocName('sample', '000', owner)] = Y.encodeStateAsUpdate(layer);
  }
  updates[corpusDocName('sample')] = Y.encodeStateAsUpdate(corpus);
  return { updates, layers };
}

/** Opens the article from a fresh library page and waits until the sidebar lists exactly `expected` (sorted ids). */
async function openShowing(page: Page, expected: string[]): Promise<void> {
  await page.goto('/#/');
  await page.reload();
  await page.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).click();
  const items = page.getByRole('complementary').locator('li.annotation');
  const ids = async () => (await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-annotation-id') ?? ''))).sort();
  await expect.poll(ids).toEqual(expected);
  // and it stays so once every layer's own database is in and the snapshot is written again
  await expect.poll(() => snapshotOwners(page)).toEqual([ME.id, ...CLASSMATES].sort());
  expect(await ids()).toEqual(expected);
  const painted = () => page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
  expect(await painted()).toBe(expected.length);
}

/** The owners in the article's snapshot (none before it is written, or when it is not a map). */
async function snapshotOwners(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('glose-layer-snapshots');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('articles').objectStore('articles').get('sample/000');
          get.onsuccess = () => (open.result.close(), resolve(get.result instanceof Map ? [...get.result.keys()].sort() : []));
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/**
 * Rewrites the article's stored snapshot, from the library (no article open to write it again):
 * `put` replaces it whole; `forge` adds that record to ana's plain records and breaks the author's
 * colour of bob's first.
 */
async function rewriteSnapshot(page: Page, change: { put: unknown } | { forge: Annotation }): Promise<void> {
  await page.goto('/#/');
  await page.evaluate(
    (change) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('glose-layer-snapshots');
        open.onsuccess = () => {
          const tx = open.result.transaction('articles', 'readwrite');
          const store = tx.objectStore('articles');
          const get = store.get('sample/000');
          get.onsuccess = () => {
            if ('put' in change) return void store.put(change.put, 'sample/000');
            const snapshot = get.result as Map<string, { plain: { records: { author: object }[] } }>;
            snapshot.get('snapana')!.plain.records.push(change.forge);
            const bob = snapshot.get('snapbob')!.plain.records;
            bob[0] = { ...bob[0]!, author: { ...bob[0]!.author, color: 'red' } };
            store.put(snapshot, 'sample/000');
          };
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    change,
  );
}

test('a snapshot older than the layers loses nothing and doubles nothing; a broken one is ignored', async ({ page }) => {
  await page.addInitScript((user) => {
    localStorage.setItem('glose.user', JSON.stringify(user));
    localStorage.setItem('glose.language', 'en');
  }, ME);
  await page.goto('/');
  const { updates, layers } = classroom();
  await storeUpdates(page, updates);
  const all = [ME.id, ...CLASSMATES].flatMap((owner) => [0, 1, 2, 3].map((n) => `${owner}r${n}`)).sort();
  // the first opening has no snapshot yet: it writes one holding the three layers
  await openShowing(page, all);

  // behind the snapshot's back, one classmate's database gains a record and another's loses one
  const ana = layers.get('snapana')!;
  const bob = layers.get('snapbob')!;
  const before = { ana: Y.encodeStateVector(ana), bob: Y.encodeStateVector(bob) };
  addAnnotation(ana, record('snapana', 9), 'seed');
  bob.transact(() => annotationsMap(bob).delete('snapbobr2'), 'seed');
  await storeUpdates(page, {
    [layerDocName('sample', '000', 'snapana')]: Y.encodeStateAsUpdate(ana, before.ana),
    [layerDocName('sample', '000', 'snapbob')]: Y.encodeStateAsUpdate(bob, before.bob),
  });
  const now = [...all.filter((id) => id !== 'snapbobr2'), 'snapanar9'].sort();
  await openShowing(page, now);

  // plain records that are not the layers' (a forged one, a broken one) do not stay
  await rewriteSnapshot(page, { forge: { ...record('snapana', 7), id: 'forged' } });
  await openShowing(page, now);

  // a snapshot that is not one (bytes that are no Yjs update, then not even a map) is ignored
  await rewriteSnapshot(page, { put: new Map([['snapana', new Uint8Array([1, 2, 3, 250, 251])]]) });
  await openShowing(page, now);
  await rewriteSnapshot(page, { put: 'not a snapshot' });
  await openShowing(page, now);
});
