import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { targetFor } from '../../shared/anchor/selectors';
import { bundleWriter } from '../../shared/formats/bundle-writer';
import { runWriter } from '../../shared/formats/run-writer';
import type { ArticleSnapshot } from '../../shared/formats/types';
import { zipSink } from '../../shared/formats/zip-sink';
import { sha256Hex } from '../../shared/model/corpus';
import { DEFAULT_TAGSET } from '../../shared/model/tagset';
import { codePointIndex } from '../../shared/text/code-points';
import { CLAIM_000, openArticle, startAs } from './helpers';
import { SEED_000 } from './research-helpers';

// A version-2 bundle imported in the app (issues 12 and 15): one whose saved page is not the
// page its provenance records is refused with a message in English, then in French, and nothing
// is imported; the true bundle brings a classmate's claim with its reply and its status.

const bob = { id: 'bob', name: 'Bob', color: '#E69F00' };
const HTML = '<html><body><article><p>Meta et Spotify…</p></article></body></html>';

function bundle(html: string): Buffer {
  const index = codePointIndex(SEED_000);
  const at = [...SEED_000.slice(0, SEED_000.indexOf(CLAIM_000))].length;
  const when = '2026-01-05T10:00:00.000Z';
  const claim = { id: 'bob1', kind: 'claim', target: targetFor(index, at, at + [...CLAIM_000].length), note: '', author: bob, created: when, modified: when, links: [], status: 'open' as const };
  const article: ArticleSnapshot = {
    article: { id: '000', title: 'Meta et Spotify qui dénoncent l’AI Act ? Une stratégie classique des géants numériques', language: 'fr', source: 'https://news.example/meta-spotify', hash: sha256Hex(SEED_000), order: 0 },
    text: SEED_000,
    layers: [{
      owner: 'bob', annotations: [claim],
      replies: [{ id: 'rep1', about: 'bob1', text: 'Reply carried by the bundle', author: bob, created: '2026-01-05T10:05:00.000Z' }],
      statuses: [{ about: 'bob1', status: 'resolved', author: bob, at: '2026-01-05T10:06:00.000Z' }],
    }],
    source: { provenance: { url: 'https://news.example/meta-spotify', finalUrl: 'https://news.example/meta-spotify', retrieved: when, contentType: 'text/html', bytes: Buffer.byteLength(HTML), sha256: sha256Hex(HTML) }, html },
  };
  const files = runWriter(bundleWriter({ corpus: { id: 'sample', title: 'Sample', tagset: DEFAULT_TAGSET }, app: { name: 'glose', version: '0.1.0' }, now: () => new Date(when), pseudonymised: false }), [article]);
  const chunks: Uint8Array[] = [];
  const sink = zipSink((c) => chunks.push(c), (e) => { throw e; });
  for (const [file, text] of files) sink.add(file, text);
  sink.end();
  return Buffer.concat(chunks);
}

async function importBundle(page: Page, button: string, data: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name: 'class.zip', mimeType: 'application/zip', buffer: data });
}

test('a bundle’s forged part is refused in English and French; the true one brings its reply and status', async ({ page }, info) => {
  const narrow = info.project.name === 'narrow' ? '-narrow' : '';
  await startAs(page, 'Ana');
  await page.getByRole('link', { name: 'Research data' }).click();
  const forged = bundle(HTML.replace('Meta', 'Mota'));
  await importBundle(page, 'Glose bundle (.zip)…', forged);
  await expect(page.getByRole('alert')).toHaveText('Failed: class.zip: the saved page articles/000/source.html is not the page its provenance records (size or fingerprint differ). Nothing was imported.');
  await page.screenshot({ path: `tests/e2e/screenshots/bundle-refused-en${narrow}.png`, fullPage: true });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await importBundle(page, 'Paquet Glose (.zip)…', forged);
  await expect(page.getByRole('alert')).toHaveText('Échec : class.zip : la page enregistrée articles/000/source.html n’est pas celle que décrit sa provenance (taille ou empreinte différente). Rien n’a été importé.');
  await page.screenshot({ path: `tests/e2e/screenshots/bundle-refused-fr${narrow}.png`, fullPage: true });
  await expect(page.getByRole('group', { name: /Couches/ }).getByRole('checkbox', { name: 'Bob' })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await importBundle(page, 'Glose bundle (.zip)…', bundle(HTML));
  await expect(page.getByRole('status').filter({ hasText: 'Placed exactly' })).toBeVisible();
  await expect(page.getByRole('group', { name: /Layers/ }).getByRole('checkbox', { name: 'Bob' })).toBeVisible();
  await page.goto('/#/');
  await openArticle(page, 'Meta et Spotify qui dénoncent');
  const item = page.getByRole('complementary').locator('li.annotation').filter({ hasText: 'Bob' });
  await expect(item.locator('.status')).toContainText('Resolved');
  await item.getByRole('button', { name: '1 reply' }).click();
  await expect(item.locator('.reply-text')).toHaveText('Reply carried by the bundle');
});
