import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { targetFor } from '../../shared/anchor/selectors';
import { layerDocName } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import { newId, type Annotation, type Author, type Link } from '../../shared/model/record';
import { canonicalText } from '../../shared/text/canonical-text';
import { codePointIndex } from '../../shared/text/code-points';
import { prng } from '../support/prng';
import { startAs } from './helpers';
import { storeUpdates } from '../support/indexeddb-seed';

const manifest = JSON.parse(readFileSync('seeds/manifest.json', 'utf8')) as { corpus: string; articles: { id: string; file: string }[] };
const SEED = 20261122;
const PER_ARTICLE = 40;
/** kinds in the proportions a class produces: claims and what answers them */
const KINDS = ['claim', 'claim', 'disputed', 'rebuttal', 'rebuttal', 'evidence', 'evidence', 'question'];

/** 200 annotations over the five sample articles, linked like an argument: layer updates by article. */
function generate(author: Author): Map<string, Uint8Array> {
  const random = prng(SEED);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const all: { article: string; a: Annotation }[] = [];
  const at = '2026-11-22T10:00:00.000Z';
  for (const entry of manifest.articles) {
    const text = canonicalText(readFileSync(`seeds/${entry.file}`, 'utf8'));
    const index = codePointIndex(text);
    const words = [...text.matchAll(/\S+/g)];
    for (let i = 0; i < PER_ARTICLE; i++) {
      const first = Math.floor(random() * (words.length - 10));
      const last = first + 3 + Math.floor(random() * 6);
      const start = index.toCodePoint(words[first]!.index!);
      const end = index.toCodePoint(words[last]!.index! + words[last]![0].length);
      const a: Annotation = { id: newId(random), kind: pick(KINDS), target: targetFor(index, start, end), note: '', author, created: at, modified: at, links: [], status: 'open' };
      all.push({ article: entry.id, a });
    }
  }
  const ofKind = (kinds: string[]) => all.filter((x) => kinds.includes(x.a.kind));
  const link = (from: { article: string; a: Annotation }, to: { article: string; a: Annotation }, rel: string) => {
    const l: Link = from.article === to.article ? { to: to.a.id, rel } : { to: to.a.id, rel, article: to.article };
    from.a.links.push(l);
  };
  const claims = ofKind(['claim', 'disputed']);
  const sameArticle = (x: { article: string }, list: typeof all) => {
    const here = list.filter((y) => y.article === x.article);
    return random() < 0.85 && here.length ? pick(here) : pick(list);
  };
  for (const r of ofKind(['rebuttal'])) link(r, sameArticle(r, claims), 'rebuts');
  for (const e of ofKind(['evidence'])) link(e, sameArticle(e, ofKind(['claim', 'disputed', 'rebuttal'])), 'supports');
  for (const c of ofKind(['claim']).slice(0, 12)) {
    const other = pick(claims.filter((x) => x.article !== c.article));
    link(c, other, 'same-claim');
  }
  const updates = new Map<string, Uint8Array>();
  for (const entry of manifest.articles) {
    const doc = new Y.Doc();
    for (const { a } of all.filter((x) => x.article === entry.id)) addAnnotation(doc, a);
    updates.set(layerDocName(manifest.corpus, entry.id, author.id), Y.encodeStateAsUpdate(doc));
  }
  return updates;
}

async function userOf(page: Page): Promise<Author> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('glose.user')!) as Author);
}

test('the argument map of 200 annotations: drawn under the CSP, readable, operable from a list, node ↔ text', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await startAs(page, 'Tina');
  await storeUpdates(page, Object.fromEntries(generate(await userOf(page))));
  await page.goto('/#/map');
  await expect(page.getByRole('heading', { name: 'Argument map' })).toBeVisible();
  await expect(page.locator('.map-summary')).toHaveText(/^200 annotations · (1[0-9]{2}) links$/);
  const list = page.getByRole('list', { name: 'Annotations on the map' }).getByRole('button');
  await expect(list).toHaveCount(200);
  const canvas = page.getByRole('img', { name: /Graph of the annotations/ });
  await expect(canvas).toHaveAttribute('data-ready', 'true');
  // the graph library drew on its canvases (the CSP would have stopped an eval)
  expect(await canvas.locator('canvas').count()).toBeGreaterThan(0);
  await page.screenshot({ path: 'tests/e2e/screenshots/argument-map-200-en.png' });

  // search marks the matching nodes and narrows the list
  await page.getByRole('searchbox', { name: 'Find on the map' }).fill('Zuckerberg');
  await expect.poll(() => list.count()).toBeLessThan(200);
  const count = await list.count();
  expect(count).toBeGreaterThan(0);

  // keyboard: Tab to the first node of the list, Enter opens it in its article, focused
  await page.getByRole('searchbox', { name: 'Find on the map' }).press('Tab');
  await expect(list.first()).toBeFocused();
  const nodeId = await list.first().getAttribute('data-node-id');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/article/\\d{3}\\?a=${nodeId}$`));
  const focused = page.getByRole('complementary').locator(`li.annotation[data-annotation-id="${nodeId}"]`);
  await expect(focused).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('glose-focus') ?? [])].map((r) => (r as Range).toString()))).toEqual([await focused.locator('.annotation-quote').evaluate((el) => el.textContent!.slice(1, -1))]);

  // and back: the focused annotation's node is marked on the map
  await page.getByRole('link', { name: 'Show on the argument map' }).click();
  await expect(page).toHaveURL(new RegExp(`#/map\\?a=${nodeId}$`));
  await expect(page.locator(`.map-node[data-node-id="${nodeId}"]`)).toHaveClass(/marked/);
  await expect(page.locator(`.map-node[data-node-id="${nodeId}"]`)).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: 'tests/e2e/screenshots/argument-map-focus-en.png' });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Carte des arguments' })).toBeVisible();
  await expect(page.locator('.map-summary')).toHaveText(/^200 annotations · \d+ liens$/);
  // the list's lines (one component each) are drawn again in the new language
  await expect(page.locator(`.map-node[data-node-id="${nodeId}"]`)).toContainText(/\s»\spar\s.+,\sdans\s«/);
  await page.screenshot({ path: 'tests/e2e/screenshots/argument-map-200-fr.png' });
  expect(errors).toEqual([]);
});
