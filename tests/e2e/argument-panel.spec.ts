import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { targetFor } from '../../shared/anchor/selectors';
import { layerDocName } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import type { Annotation, Author, Link } from '../../shared/model/record';
import { canonicalText } from '../../shared/text/canonical-text';
import { codePointIndex } from '../../shared/text/code-points';
import { storeUpdates } from '../support/indexeddb-seed';
import { openArticle, selectWithMouse, startAs } from './helpers';

const CLAIM = 'criticises recent European laws that limit them';
const REBUTTAL = 'Meta and Spotify founders and CEOs';
const EVIDENCE = 'it is unable to train its AI on data from Facebook and Instagram';

/** An annotation of `passage` in seed article `article`, by `author`. */
function annotation(article: string, id: string, kind: string, passage: string, author: Author, links: Link[] = []): Annotation {
  const file = readFileSync(`seeds/${article}_${article === '004' ? '58d32e52d37d4761' : '5fdadf6e0c9376cb'}.txt`, 'utf8');
  const text = canonicalText(file);
  const index = codePointIndex(text);
  const at = text.indexOf(passage);
  const when = '2026-11-22T10:00:00.000Z';
  return { id, kind, target: targetFor(index, index.toCodePoint(at), index.toCodePoint(at + passage.length)), note: '', author, created: when, modified: when, links, status: 'open' };
}

function layer(...records: Annotation[]): Uint8Array {
  const doc = new Y.Doc();
  for (const r of records) addAnnotation(doc, r);
  return Y.encodeStateAsUpdate(doc);
}

/** In article 004 a claim and a rebuttal of it; in 003 evidence for the claim. */
async function seed(page: Page): Promise<void> {
  const me = await page.evaluate(() => JSON.parse(localStorage.getItem('glose.user')!) as Author);
  await storeUpdates(page, {
    [layerDocName('sample', '004', me.id)]: layer(annotation('004', 'claimA', 'claim', CLAIM, me), annotation('004', 'rebutB', 'rebuttal', REBUTTAL, me, [{ to: 'claimA', rel: 'rebuts' }])),
    [layerDocName('sample', '003', me.id)]: layer(annotation('003', 'evidC', 'evidence', EVIDENCE, me, [{ to: 'claimA', rel: 'supports', article: '004' }])),
  });
}

/** Index of the article paragraph holding the caret. */
const caretParagraph = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.article-text .glose-block')].findIndex((b) => b.contains(getSelection()!.anchorNode)));

test('selecting text highlights its node in the argument panel, and the highlight follows the caret', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await startAs(page, 'Inès');
  await seed(page);
  await page.reload();
  await openArticle(page, 'Meta and Spotify attack European laws');
  const panel = page.getByRole('region', { name: 'On the argument map' });
  const status = panel.getByRole('status');
  await expect(status).toHaveText('No annotation under the selection.');
  await expect(status).toHaveAttribute('aria-live', 'polite');

  // the mouse selects words inside the claim: its node, and the two linked to it, are drawn and marked
  await selectWithMouse(page, 'recent European laws');
  await expect(status).toHaveText(`Under the selection: Claim “criticises recent European…”. 2 linked annotations.`);
  const canvas = panel.getByRole('img', { name: /Graph of the annotations under the selection/ });
  await expect(canvas).toHaveAttribute('data-ready', 'true');
  await expect(canvas).toHaveAttribute('data-chosen', 'claimA');
  await expect(canvas).toHaveAttribute('data-linked', 'evidC rebutB');
  const list = panel.getByRole('list', { name: 'Annotations around the selection' });
  let node = (id: string) => list.locator(`[data-node-id="${id}"]`);
  await expect(node('claimA')).toHaveAttribute('aria-current', 'true');
  await expect(node('claimA')).toContainText('· under the selection');
  await expect(node('rebutB')).toContainText(`Rebuttal: “${REBUTTAL}” by Inès, in “Meta and Spotify attack European laws`);
  await expect(node('rebutB')).toContainText('· linked');
  await expect(node('evidC')).toContainText('in “Meta and Spotify team up against EU rules on open-source AI” · linked');
  expect(await canvas.locator('canvas').count()).toBeGreaterThan(0);

  // the keyboard moves the caret down into the rebuttal: the highlight follows, on the same drawing
  for (let i = 0; i < 12 && (await caretParagraph(page)) < 2; i++) await page.keyboard.press('ArrowDown');
  expect(await caretParagraph(page)).toBe(2);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(status).toHaveText(`Under the selection: Rebuttal “Meta and Spotify founders…”. 1 linked annotation.`);
  await expect(canvas).toHaveAttribute('data-chosen', 'rebutB');
  await expect(canvas).toHaveAttribute('data-linked', 'claimA');
  await expect(node('rebutB')).toHaveAttribute('aria-current', 'true');
  await expect(node('claimA')).toContainText('· linked');
  await expect(node('claimA')).not.toHaveAttribute('aria-current', 'true');
  await expect(node('evidC')).not.toContainText('· linked');
  await page.screenshot({ path: 'tests/e2e/screenshots/argument-panel-en.png' });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  const panneau = page.getByRole('region', { name: 'Sur la carte des arguments' });
  const liste = panneau.getByRole('list', { name: 'Annotations autour de la sélection' });
  node = (id: string) => liste.locator(`[data-node-id="${id}"]`);
  await expect(panneau.getByRole('status')).toHaveText(`Sous la sélection : Réfutation « Meta and Spotify founders… ». 1 annotation liée.`);
  await expect(node('claimA')).toContainText('· liée');
  // the sidebar's items (kept from before, not drawn anew) speak French too: their parts follow the language
  const item = page.getByRole('complementary').locator('li.annotation[data-annotation-id="claimA"]');
  await expect(item.getByRole('button', { name: 'Supprimer' })).toBeVisible();
  await expect(item.getByRole('group', { name: 'Votes et statut' })).toContainText('D’accord');
  await page.screenshot({ path: 'tests/e2e/screenshots/argument-panel-fr.png' });

  // collapsed and opened again from the keyboard; Enter on a node of another article opens it there
  const toggle = panneau.getByRole('button', { name: 'Sur la carte des arguments' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(liste).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(liste).toBeVisible();
  await node('evidC').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/article\/003\?a=evidC$/);
  await expect(page.getByRole('complementary').locator('li.annotation[data-annotation-id="evidC"]')).toHaveAttribute('aria-current', 'true');
  expect(errors).toEqual([]);
});
