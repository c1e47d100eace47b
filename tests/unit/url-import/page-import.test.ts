/**
 * Import from a URL against a real local news site (tests/support/page-server.ts): the saved
 * seed pages come back as their article without the page's clutter, and every hostile answer
 * is refused with its own code, quickly, instead of importing something or hanging.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPage } from '../../../electron/server/page-import';
import { articleFromPage, type PageImport } from '../../../shared/formats/url-import';
import { versionDiff } from '../../../shared/versions/word-diff';
import { pageServer, type PageServer } from '../../support/page-server';
import { NOTE, REMOVED, REWORDED } from '../versions/seed-edits';

let site: PageServer;
beforeAll(async () => void (site = await pageServer()));
afterAll(() => site.close());

const NOW = new Date('2026-12-05T01:02:03.000Z');
const limits = { timeoutMs: 3000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };
const load = (path: string): Promise<PageImport> => importPage(site.url(path), () => NOW, limits);

function page(result: PageImport) {
  if (!('page' in result)) throw new Error(`refused: ${JSON.stringify(result.failure)}`);
  return result.page;
}

const CLUTTER = ['cookies', 'Tout accepter', 'Accept all', 'Se connecter', 'Sign in', 'Lire aussi', 'Read also', 'Abonnez-vous pour', 'Subscribe for', 'Super article', 'Great article', 'Mentions légales', 'Legal notice', 'dataLayer', 'localStorage'];

describe('import from a URL: the saved seed pages', () => {
  it.each(['000', '001', '002', '003', '004'])('seed %s: the article, its title and provenance, none of the clutter', async (id) => {
    const got = page(await load(`/pages/seed-${id}.html`));
    const manifest = JSON.parse(readFileSync('seeds/manifest.json', 'utf8')) as { articles: { id: string; title: string }[] };
    expect(got.title).toBe(manifest.articles.find((a) => a.id === id)!.title);
    for (const words of CLUTTER) expect(got.text).not.toContain(words);
    expect(got).toMatchObject({ url: site.url(`/pages/seed-${id}.html`), finalUrl: site.url(`/pages/seed-${id}.html`), retrieved: NOW.toISOString() });
    expect(got.html).toContain('cookie-banner'); // the snapshot is the page as served, clutter and all
    const article = articleFromPage(got);
    expect(article.ok && article.value.source).toBe(site.url(`/pages/seed-${id}.html`));
  });

  it('seed 000 keeps the Spotify-AI claim and leaves the reader comments out', async () => {
    const got = page(await load('/pages/seed-000.html'));
    expect(got.text).toContain('qui serait dû « à [ses] investissements dans l’IA »');
    expect(got.text).toContain('Ou de s’adapter à des règles édictées');
    expect(got.text).not.toContain('Les grands modèles de langages sont détenus'); // a reader's comment
    expect(got.text.split('\n\n').length).toBeGreaterThan(8); // paragraphs stay paragraphs
    const article = articleFromPage(got);
    expect(article.ok && article.value.language).toBe('fr');
  });

  it('a windows-1252 page that says so only in <meta charset> reads as a browser reads it', async () => {
    const utf8 = page(await load('/pages/seed-001.html'));
    const latin = page(await load('/pages/seed-001-windows-1252.html'));
    expect(latin.text).toBe(utf8.text);
    expect(latin.text).toContain('l’intelligence artificielle dans l’Union Européenne');
  });

  it('follows a redirect and keeps both addresses', async () => {
    const got = page(await load('/moved'));
    expect(got.url).toBe(site.url('/moved'));
    expect(got.finalUrl).toBe(site.url('/pages/seed-003.html'));
    expect(articleFromPage(got).ok && (articleFromPage(got) as { value: { source: string } }).value.source).toBe(site.url('/moved'));
  });

  it('a connection dropped under the request is tried once more: the page comes', async () => {
    const got = page(await load('/dropped-once'));
    expect(got.finalUrl).toBe(site.url('/dropped-once'));
    expect(got.html).toContain('Spotify');
  });
});

describe('import from a URL: a page that changes after publication', () => {
  it('the same address, fetched again after a silent edit, gives the edited article: the three edits and nothing else', async () => {
    const address = site.url('/changing/seed-003.html');
    const edit = (version: number) => fetch(`${address}?version=${version}`, { method: 'POST' });
    const before = page(await load('/changing/seed-003.html'));
    expect((await edit(2)).status).toBe(204);
    const after = page(await load('/changing/seed-003.html'));
    expect([before.url, after.url]).toEqual([address, address]); // the same source: a new version of it
    expect(after.title).toBe(before.title);
    const changes = versionDiff(before.text, after.text).changes.map((c) => ({ kind: c.kind, removed: c.removed.trim(), added: c.added.trim() }));
    expect(changes).toEqual([
      { kind: 'added', removed: '', added: NOTE },
      { kind: 'replaced', removed: 'investments in AI technology', added: 'investment in AI technologies' },
      { kind: 'removed', removed: REMOVED, added: '' },
    ]);
    expect(after.text).toContain(REWORDED.after);
    await edit(1);
    expect(page(await load('/changing/seed-003.html')).text).toBe(before.text);
    expect((await edit(3)).status).toBe(400);
  });
});

describe('import from a URL: hostile and wrong pages are refused', () => {
  it('script injection: nothing runs, no script or frame text reaches the article, quoted markup stays words', async () => {
    const got = page(await load('/pages/script-injection.html'));
    expect(got.title).toBe('Hostile page: script injection in the article');
    for (const bad of ['__ran', 'PWNED', 'IFRAME-CONTENT', 'window.', 'javascript:']) expect(got.text).not.toContain(bad);
    expect(got.text).toContain("<script>alert('quoted')</script>"); // text, shown as text by the app
    expect(got.text).toContain('Spotify says its success came from its investments in AI.');
    expect((globalThis as Record<string, unknown>).__ranInlineScript).toBeUndefined();
  });

  it.each([
    ['/pages/not-article.html', { code: 'notArticle' }],
    ['/missing', { code: 'httpError', status: 404 }],
    ['/binary', { code: 'notHtml', contentType: 'image/png' }],
    ['/loop-a', { code: 'redirectLoop' }],
    ['/hop/0', { code: 'tooManyRedirects' }],
    ['/to-file', { code: 'scheme' }],
    ['/huge-declared', { code: 'tooLarge' }],
    ['/huge', { code: 'tooLarge' }],
    ['/crowded', { code: 'tooComplex' }],
  ])('%s → %o', async (path, failure) => {
    expect(await load(path)).toEqual({ failure: expect.objectContaining(failure) });
  });

  it('a page that never finishes is cut at the deadline', async () => {
    const started = Date.now();
    expect(await importPage(site.url('/slow'), () => NOW, { ...limits, timeoutMs: 500 })).toEqual({ failure: { code: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(10_000); // generous: the machine is shared
  });

  it.each([
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['ftp://example.com/a.html', 'scheme'],
    ['not a url', 'badUrl'],
    [`https://example.com/${'a'.repeat(600)}`, 'badUrl'],
  ])('%s is refused before any request (%s)', async (url, code) => {
    expect(await importPage(url, () => NOW, limits)).toEqual({ failure: { code } });
  });

  it('a closed port is a network failure', async () => {
    const closed = await pageServer();
    const url = closed.url('/pages/seed-000.html');
    await closed.close();
    expect(await importPage(url, () => NOW, limits)).toEqual({ failure: { code: 'network' } });
  });
});
