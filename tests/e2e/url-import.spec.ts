/**
 * Import from a URL in the app, in English and in French: a seed article saved as a cluttered
 * news page is served by a local site (tests/support/page-server.ts); pasting its address in
 * Add an article gives the article without the clutter, its provenance in the header (address,
 * retrieval time, the saved page to download) after a reload too; a page that is not an article
 * and a file that is not a page are refused in the user's language and leave the library as it
 * was. Screenshots of the URL field, an error and the provenance go to tests/e2e/screenshots/.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { pageServer, type PageServer } from '../support/page-server';
import { CLAIM_000, startAs } from './helpers';

let site: PageServer;
test.beforeAll(async () => void (site = await pageServer()));
test.afterAll(() => site.close());

const UI = {
  en: {
    open: 'From a web address', field: 'Address of the article (http or https)', submit: 'Import the article', back: /Back to the articles/,
    source: 'Source: ', retrieved: /retrieved \w+ \d+, 20\d\d/, saved: 'Download the saved page',
    notArticle: 'No article was found on this page', notHtml: 'not a web page but a file of another kind (image/png)',
  },
  fr: {
    open: 'Depuis une adresse web', field: 'Adresse de l’article (http ou https)', submit: 'Importer l’article', back: /Retour aux articles/,
    source: 'Source\u00a0: ', retrieved: /récupéré le \d+ \S+ 20\d\d/, saved: 'Télécharger la page conservée',
    notArticle: 'Aucun article trouvé sur cette page', notHtml: 'pas une page web mais un fichier d’un autre type (image/png)',
  },
};

const shoot = (page: Page, name: string) => page.screenshot({ path: `tests/e2e/screenshots/url-import/${test.info().project.name}/${name}.png` });

async function importUrl(page: Page, ui: (typeof UI)['en'], url: string): Promise<void> {
  await page.getByRole('button', { name: ui.open }).click();
  await page.getByRole('textbox', { name: ui.field }).fill(url);
  await page.getByRole('button', { name: ui.submit }).click();
}

for (const language of ['en', 'fr'] as const) {
  test(`${language}: a news page's address becomes the article, with its source, retrieval time and saved page; non-articles are refused`, async ({ page }) => {
    const ui = UI[language];
    const seeds = (JSON.parse(readFileSync('seeds/manifest.json', 'utf8')) as { articles: { title: string }[] }).articles;
    const seedTitle = seeds[0]!.title;
    const url = site.url('/pages/seed-000.html');
    await startAs(page, 'Ana', language);
    const count = page.locator('.library .count').first();
    // the sample articles are added as the library opens: counted before, they would read 0
    await expect(count).toHaveText(new RegExp(`^${seeds.length} article`));
    const before = seeds.length;

    // refused first: nothing is added
    await importUrl(page, ui, site.url('/pages/not-article.html'));
    // the server's first page warms the extractor up (jsdom): seconds, many more under load
    await expect(page.getByRole('alert')).toContainText(ui.notArticle, { timeout: 60_000 });
    await shoot(page, `error-${language}`);
    await page.getByRole('textbox', { name: ui.field }).fill(site.url('/binary'));
    await page.getByRole('button', { name: ui.submit }).click();
    await expect(page.getByRole('alert')).toContainText(ui.notHtml);
    await expect(count).toHaveText(new RegExp(`^${before} article`));

    await page.getByRole('textbox', { name: ui.field }).fill(url);
    await shoot(page, `url-field-${language}`);
    await page.getByRole('button', { name: ui.submit }).click();
    await expect(page.locator('.article-text')).toContainText(CLAIM_000);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedTitle);
    const text = await page.locator('.article-text').innerText();
    for (const clutter of ['cookies', 'Tout accepter', 'Lire aussi', 'Super article', 'Mentions légales']) expect(text).not.toContain(clutter);

    const meta = page.locator('.article-provenance');
    await expect(meta).toContainText(`${ui.source}${url}`);
    await expect(meta).toContainText(ui.retrieved);
    await shoot(page, `provenance-${language}`);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: ui.saved }).click();
    const saved = readFileSync(await (await download).path(), 'utf8');
    expect(saved).toContain('<div class="cookie-banner"'); // the page as it was served
    expect(saved).toContain('[ses] investissements dans l’IA');

    await page.reload();
    await expect(page.locator('.article-provenance')).toContainText(`${ui.source}${url}`);
    await page.getByRole('button', { name: ui.back }).click();
    await expect(count).toHaveText(new RegExp(`^${before + 1} article`));
    await page.getByRole('link', { name: seedTitle }).last().scrollIntoViewIfNeeded();
    await shoot(page, `library-${language}`);
  });
}
