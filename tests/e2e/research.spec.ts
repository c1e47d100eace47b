import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CLAIM_000, startAs } from './helpers';
import { layerOn000, manyArticles, rosterUpdate, storeUpdates } from './research-helpers';

// The research view with two annotators' layers seeded where the app keeps them (IndexedDB):
// export W3C and read the downloaded file, measure agreement and read the tables, import a W3C
// file with one annotation that cannot be placed, and cancel a long export.

const TRIBUNE = 'Dans une tribune du 21 août, les patrons de Meta et de Spotify';

async function seedTwoAnnotators(page: Page): Promise<void> {
  await storeUpdates(page, {
    'corpus/sample': rosterUpdate({ alice: 'Alice', bob: 'Bob' }),
    'corpus/sample/layer/000/alice': layerOn000('alice', 'Alice', [['claim', CLAIM_000], ['disputed', TRIBUNE]]),
    'corpus/sample/layer/000/bob': layerOn000('bob', 'Bob', [['claim', CLAIM_000]]),
    'corpus/sample/layer/000/gold': layerOn000('gold', 'Gold', [['claim', CLAIM_000]]),
  });
  await page.reload();
}

test('export W3C, measure agreement, import with an orphan; English and French', async ({ page }) => {
  await startAs(page, 'Ana');
  await seedTwoAnnotators(page);
  await page.getByRole('link', { name: 'Research data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Research data' })).toBeVisible();
  const layers = page.getByRole('group', { name: /Layers/ });
  await expect(layers.getByRole('checkbox', { name: 'Alice', exact: true })).toBeChecked();
  await expect(layers.getByRole('checkbox', { name: 'bob' })).toBeChecked();

  // export: the downloaded file is a W3C collection of the four annotations (gold's included)
  await page.getByRole('combobox', { name: 'Format' }).selectOption('w3c');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('sample.jsonld');
  const doc = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { type: string; total: number; first: { items: { target: { selector: { type: string; exact?: string }[] } }[] } };
  expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 4 });
  expect(doc.first.items.map((i) => i.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact).sort()).toEqual([CLAIM_000, CLAIM_000, CLAIM_000, TRIBUNE].sort());
  await expect(page.getByRole('status').filter({ hasText: '5 articles exported as sample.jsonld' })).toBeVisible();

  // agreement: identical claims agree perfectly; the disputed passage only alice marked does not
  await page.getByRole('button', { name: 'Measure agreement' }).click();
  await expect(page.getByRole('table', { name: 'Cohen’s κ for each pair: All kinds at once' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Kind shown in the matrix' }).selectOption('claim');
  const matrix = page.getByRole('table', { name: /Cohen’s κ for each pair: Claim/ });
  await expect(matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Alice' }) }).locator('td').nth(1)).toHaveText('1.00 almost perfect');
  const kinds = page.getByRole('table', { name: 'All articles' });
  await expect(kinds.getByRole('row', { name: /^Claim/ })).toContainText('1.00 almost perfect');
  await expect(kinds.getByRole('row', { name: /^Disputed/ })).toContainText(/^Disputed-0\.0\d poor-0\.0\d poor/);
  // the figures `glose agreement` reports: all kinds at once (Fleiss, α, unitizing α), F1 against gold
  await expect(kinds.getByRole('row', { name: /^All kinds at once/ }).getByRole('cell')).toHaveCount(3);
  const gold = page.getByRole('table', { name: 'Against the gold layer' });
  await expect(gold.getByRole('row', { name: /^Alice exact/ })).toHaveText(/^Aliceexact0\.501\.000\.67$/);
  await expect(gold.getByRole('row', { name: /^Bob exact/ })).toHaveText(/^Bobexact1\.001\.001\.00$/);
  await expect(page.getByRole('list').filter({ hasText: 'of judgements differ' }).getByRole('link').first()).toHaveAttribute('href', '#/article/000');
  await page.screenshot({ path: 'tests/e2e/screenshots/research-en.png', fullPage: true });

  // import: a W3C file with one annotation placed and one whose quote is nowhere: listed, not dropped
  const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { first: { items: Record<string, unknown>[] } };
  const item = (n: number, layer: string, exact: string) => {
    const copy = JSON.parse(JSON.stringify(exported.first.items[0])) as { id: string; 'glose:layer': string; target: { selector: Record<string, unknown>[] } };
    copy.id = copy.id.replace(/annotations\/.*$/, `annotations/imp${n}`);
    copy['glose:layer'] = layer;
    (copy as unknown as { creator: { name: string } }).creator.name = 'Chloé';
    copy.target.selector = [{ type: 'TextQuoteSelector', exact }];
    return copy;
  };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'W3C JSON-LD file…' }).click();
  await (await chooser).setFiles({ name: 'other-tool.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify([item(1, 'chloe', TRIBUNE), item(2, 'chloe', 'Une phrase qui n’existe nulle part.')])) });
  await expect(page.getByRole('status').filter({ hasText: 'Placed exactly' })).toContainText('moved: 1');
  const orphans = page.getByRole('region', { name: 'Not placed (1)' });
  await expect(orphans.getByRole('row', { name: /Une phrase qui n’existe nulle part/ })).toContainText('chloe');
  await expect(page.getByRole('group', { name: /Layers/ }).getByRole('checkbox', { name: 'Chloé' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.getByRole('button', { name: 'Mesurer l’accord' }).click();
  await expect(page.getByRole('table', { name: /κ de Cohen pour chaque paire/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /κ de Cohen/ }).getByRole('columnheader', { name: 'Chloé' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/research-fr.png', fullPage: true });
});

test('a long export shows its progress and stops on Cancel, saving nothing', async ({ page }) => {
  await startAs(page, 'Ana');
  await storeUpdates(page, manyArticles('sample', 400));
  await page.reload();
  await page.goto('/#/research');
  await expect(page.getByRole('group', { name: /Articles/ })).toContainText('405/405');
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const bar = page.getByRole('progressbar', { name: 'Export' });
  await expect(bar).toHaveAttribute('aria-valuemax', '405');
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(2);
  await page.screenshot({ path: 'tests/e2e/screenshots/research-progress-en.png' });
  await page.keyboard.press('Enter'); // Cancel has the focus while the export runs
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled.' })).toBeVisible();
  await expect(bar).toBeHidden();
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);
});
