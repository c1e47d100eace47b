import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { targetFor } from '../../shared/anchor/selectors';
import { layerDocName } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import type { Annotation, Author } from '../../shared/model/record';
import { canonicalText } from '../../shared/text/canonical-text';
import { codePointIndex } from '../../shared/text/code-points';
import { storeUpdates } from '../support/indexeddb-seed';
import { selectWithMouse, startAs } from './helpers';

const TEXT = canonicalText(readFileSync('seeds/000_69c924cc0d086b21.txt', 'utf8'));
/** A claim near the top, two rebuttals of it and a piece of evidence far down the article. */
const PASSAGES = [
  { id: 'claim1', kind: 'claim', quote: 'Spotify, de son côté, se place en grand et rare succès européen', links: [] },
  { id: 'rebut1', kind: 'rebuttal', quote: 'Étrange manière de présenter les activités d’une plateforme', links: [{ to: 'claim1', rel: 'rebuts' }] },
  { id: 'rebut2', kind: 'rebuttal', quote: 'Il est probable, en revanche', links: [{ to: 'claim1', rel: 'rebuts' }] },
  { id: 'evid1', kind: 'evidence', quote: 'pointe Bloomberg', links: [{ to: 'rebut2', rel: 'supports' }] },
];

function layer(author: Author): Uint8Array {
  const index = codePointIndex(TEXT);
  const doc = new Y.Doc();
  const at = '2026-11-29T10:00:00.000Z';
  for (const p of PASSAGES) {
    const start = index.toCodePoint(TEXT.indexOf(p.quote));
    const a: Annotation = { id: p.id, kind: p.kind, target: targetFor(index, start, start + [...p.quote].length), note: '', author, created: at, modified: at, links: p.links, status: 'open' };
    addAnnotation(doc, a);
  }
  return Y.encodeStateAsUpdate(doc);
}

async function seeded(page: Page, language: 'en' | 'fr'): Promise<void> {
  await startAs(page, 'Tina', language);
  const author = await page.evaluate(() => JSON.parse(localStorage.getItem('glose.user')!) as Author);
  await storeUpdates(page, { [layerDocName('sample', '000', author.id)]: layer(author) });
}

test('a small argument map is labelled, its most disputed claim in the centre; a node opens its passage in view, flashed', { tag: '@narrow' }, async ({ page }) => {
  await seeded(page, 'en');
  await page.goto('/#/map');
  const canvas = page.getByRole('img', { name: /Graph of the annotations/ });
  await expect(canvas).toHaveAttribute('data-ready', 'true');
  await expect(canvas).toHaveAttribute('data-labelled', '4');
  await expect(canvas).toHaveAttribute('data-centre', 'claim1');
  // labels are cut at a word, never inside one
  await expect(page.locator('.map-node[data-node-id="rebut1"]')).toContainText('Étrange manière de présenter');
  await page.screenshot({ path: 'tests/e2e/screenshots/map-small-en.png' });

  // the evidence lies far down the article: opening it scrolls it into view and flashes it
  await page.locator('.map-node[data-node-id="evid1"]').click();
  await expect(page).toHaveURL(/#\/article\/000\?a=evid1$/);
  await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('glose-flash') ?? [])].map((r) => (r as Range).toString()))).toEqual(['pointe Bloomberg']);
  await expect
    .poll(() => page.evaluate(() => {
      const r = ([...CSS.highlights.get('glose-focus')!][0] as Range).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }))
    .toBe(true);
});

test('the sidebar panel draws a readable neighbourhood, in French', { tag: '@narrow' }, async ({ page }) => {
  await seeded(page, 'fr');
  await page.goto('/#/article/000?a=claim1');
  const panel = page.locator('.argument-panel');
  const canvas = panel.getByRole('img');
  await expect(canvas).toHaveAttribute('data-ready', 'true');
  // the claim with its two rebuttals, all labelled, the claim in the centre
  await expect(canvas).toHaveAttribute('data-labelled', '3');
  await expect(canvas).toHaveAttribute('data-centre', 'claim1');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/map-panel-fr.png' });
});

test('the sidebar panel is never blank after a mark: the drawing stays until the new one replaces it', { tag: '@narrow' }, async ({ page }) => {
  await seeded(page, 'en');
  await page.goto('/#/article/000?a=claim1');
  const canvas = page.locator('.argument-panel').getByRole('img');
  await expect(canvas).toHaveAttribute('data-centre', 'claim1');
  // from now on, note whether the canvas is ever left empty
  await canvas.evaluate((el) => {
    const w = window as unknown as { blankPanel: boolean };
    w.blankPanel = false;
    new MutationObserver(() => (w.blankPanel ||= el.childElementCount === 0)).observe(el, { childList: true });
  });
  await selectWithMouse(page, 'Dans une tribune du 21 août');
  await page.keyboard.press('1');
  // the panel now shows the new mark (alone: nothing links to it yet), labelled
  await expect(canvas).not.toHaveAttribute('data-centre', 'claim1');
  await expect(canvas).toHaveAttribute('data-labelled', '1');
  await expect(page.locator('.argument-panel .map-node.marked')).toContainText('Dans une tribune du 21 août');
  expect(await page.evaluate(() => (window as unknown as { blankPanel: boolean }).blankPanel)).toBe(false);
  await page.locator('.argument-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `tests/e2e/screenshots/${test.info().project.name}/map-panel-after-mark-en.png` });
});
