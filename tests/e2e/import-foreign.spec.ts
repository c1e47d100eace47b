import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { startAs } from './helpers';

// The app's research import reads brat standoff and INCEpTION's WebAnno TSV 3 as `glose import`
// does (the hand-written fixtures of tests/fixtures/foreign, the CLI's too): a .zip holding a
// brat folder (.ann beside its .txt) and INCEpTION's annotation/<document>/<user>.tsv; what has
// no Glose equivalent is listed with its line, and an .ann alone is listed, not refused whole.

const F = (name: string) => readFileSync(`tests/fixtures/foreign/${name}`, 'utf8');

test('brat and WebAnno TSV 3 from a .zip land in their annotators’ layers; bad items are listed', async ({ page }) => {
  await startAs(page, 'Ana');
  const text = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a text file…' }).click();
  await (await text).setFiles({ name: 'beta.txt', mimeType: 'text/plain', buffer: Buffer.from(F('texts/beta.txt')) });
  await expect(page.locator('.article-text')).toContainText('Regulators answer');
  await page.goto('/#/research');

  const zip = zipSync({
    'dana/beta.ann': strToU8(F('brat/dana/beta.ann')),
    'dana/beta.txt': strToU8(F('brat/dana/beta.txt')),
    'annotation/beta.txt/erin.tsv': strToU8(F('annotation/beta.txt/erin.tsv')),
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'brat or INCEpTION files (.zip, .tsv)…' }).click();
  const file = await chooser;
  expect(await file.element().getAttribute('accept')).toBe('.zip,.tsv,.ann');
  await file.setFiles({ name: 'from-inception.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  // dana's two spans and erin's three, placed where their offsets say
  await expect(page.getByRole('status').filter({ hasText: 'Placed exactly' })).toHaveText('Placed exactly: 5; moved: 0; approximately: 0; already present: 0.');
  const rejected = page.getByRole('region', { name: /^Not imported \(2\)/ });
  await expect(rejected.getByRole('listitem')).toHaveText([/^dana\/beta\.ann:5: brat A annotations/, /^dana\/beta\.ann:6: unknown kind "Organisation"/]);
  const layers = page.getByRole('group', { name: /Layers/ });
  await expect(layers.getByRole('checkbox', { name: 'dana' })).toBeChecked();
  await expect(layers.getByRole('checkbox', { name: 'erin' })).toBeChecked();

  // the same annotations again are already present; an .ann without its text is listed
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'brat or INCEpTION files (.zip, .tsv)…' }).click();
  await (await again).setFiles({ name: 'from-inception.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(page.getByRole('status').filter({ hasText: 'Placed exactly' })).toContainText('already present: 5');
  const lonely = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'brat or INCEpTION files (.zip, .tsv)…' }).click();
  await (await lonely).setFiles({ name: 'lonely.ann', mimeType: 'text/plain', buffer: Buffer.from(F('brat/dana/beta.ann')) });
  await expect(page.getByRole('region', { name: /^Not imported \(1\)/ }).getByRole('listitem')).toHaveText('lonely.ann: brat standoff needs its text beside it (lonely.txt)');
  await page.getByRole('region', { name: /^Not imported/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `tests/e2e/screenshots/${test.info().project.name}/import-foreign-en.png` });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('button', { name: 'Fichiers brat ou INCEpTION (.zip, .tsv)…' })).toBeVisible();
  await page.screenshot({ path: `tests/e2e/screenshots/${test.info().project.name}/import-foreign-fr.png` });
});
