/**
 * `glose import URL --into BUNDLE` against the local news site: the page's article lands in the
 * bundle with its address as source (the same article the app makes of it), its provenance and
 * raw page inside the bundle (version 2, docs/formats.md); a page that is not an article stops the command with its reason
 * and writes no bundle.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPage } from '../../../electron/server/page-import';
import { articleFromPage } from '../../../shared/formats/url-import';
import { glose, tempDir } from '../cli/cli-helpers';
import { pageServer, type PageServer } from '../../support/page-server';

let site: PageServer;
beforeAll(async () => void (site = await pageServer()));
afterAll(() => site.close());

describe('glose import URL', () => {
  it('imports a page into a bundle, with its provenance and the raw page in it', async () => {
    const bundle = path.join(tempDir(), 'web.zip');
    const url = site.url('/pages/seed-003.html');
    const run = await glose('import', url, site.url('/pages/seed-000.html'), '--into', bundle);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('2 articles');
    const files = unzipSync(readFileSync(bundle));
    const articles = Object.keys(files).filter((f) => f.endsWith('article.json')).map((f) => JSON.parse(strFromU8(files[f]!)) as { id: string; source: string; title: string; language: string });
    const app = await importPage(url); // what the app makes of the same page
    if (!('page' in app)) throw new Error('refused');
    const expected = articleFromPage(app.page);
    if (!expected.ok) throw new Error('not an article');
    const mine = articles.find((a) => a.source === url)!;
    expect(mine).toMatchObject({ id: expected.value.id, title: expected.value.title, language: 'en' });
    expect(strFromU8(files[`articles/${mine.id}/text.txt`]!)).toBe(expected.value.text);

    const provenance = JSON.parse(strFromU8(files[`articles/${mine.id}/source.json`]!)) as Record<string, unknown>;
    const page = readFileSync('tests/fixtures/pages/seed-003.html');
    expect(provenance).toMatchObject({ url, finalUrl: url, contentType: 'text/html; charset=utf-8', bytes: page.byteLength, sha256: createHash('sha256').update(page).digest('hex') });
    expect(Date.now() - Date.parse(String(provenance.retrieved))).toBeLessThan(10 * 60_000);
    expect(strFromU8(files[`articles/${mine.id}/source.html`]!)).toBe(page.toString('utf8'));
    expect(existsSync(`${bundle}.sources`)).toBe(false);
  });

  it('refuses a page that is not an article, with its reason, and writes nothing', async () => {
    const bundle = path.join(tempDir(), 'web.zip');
    const run = await glose('import', site.url('/pages/seed-003.html'), site.url('/pages/not-article.html'), '--into', bundle);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`${site.url('/pages/not-article.html')}: no article found on the page`);
    expect(existsSync(bundle) || existsSync(`${bundle}.sources`)).toBe(false);
  });
});
