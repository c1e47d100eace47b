/**
 * `glose import URL… --into BUNDLE`: the articles of web pages, through the same Node code as
 * the app (electron/server/page-import.ts) and the same import path (articleFromPage). A page
 * that cannot be imported stops the command with the reason in English, before the bundle is
 * written. The provenance — address, final address, retrieval time, the raw page — is written
 * beside the bundle once it is in place, as BUNDLE.sources/<article id>.json and .html (the
 * bundle format has no place for it yet).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { articleFromPage, type ImportedPage, type PageFailure } from '../../../shared/formats/url-import';
import type { ArticleSnapshot } from '../../../shared/formats/types';
import { sha256Hex } from '../../../shared/model/corpus';
import { importPage } from '../../server/page-import';

export const WEB_ADDRESS = /^https?:\/\//i;

const MESSAGES: Record<PageFailure['code'], (f: PageFailure) => string> = {
  unavailable: () => 'import from a web address is not available here',
  badUrl: () => 'not a web address',
  scheme: () => 'only http and https addresses are imported',
  network: () => 'the site could not be reached',
  timeout: () => 'the site took too long to answer',
  tooLarge: () => 'the page is too large',
  httpError: (f) => `the site answered HTTP ${f.status}`,
  redirectLoop: () => 'the site redirects in a loop',
  tooManyRedirects: () => 'the site redirects too many times',
  notHtml: (f) => `not a web page (${f.contentType || 'no content type'})`,
  tooComplex: () => 'the page has too many elements to find its article in',
  notArticle: () => 'no article found on the page (too little text, or not an article)',
};

export interface UrlArticle {
  snapshot: ArticleSnapshot;
  page: ImportedPage;
}

export async function articleFromUrl(url: string, order: number, now: () => Date = () => new Date()): Promise<UrlArticle> {
  const answer = await importPage(url, now);
  if ('failure' in answer) throw new Error(`${url}: ${MESSAGES[answer.failure.code](answer.failure)}`);
  const imported = articleFromPage(answer.page);
  if (!imported.ok) throw new Error(`${url}: the article's text cannot be imported (${imported.error.code})`);
  const { text, ...article } = imported.value;
  return { snapshot: { article: { ...article, hash: sha256Hex(text), order }, text, layers: [] }, page: answer.page };
}

/** Writes each page's provenance beside the bundle `into`. */
export function writeSources(into: string, pages: readonly UrlArticle[]): void {
  if (pages.length === 0) return;
  const dir = `${into}.sources`;
  mkdirSync(dir, { recursive: true });
  for (const { snapshot, page } of pages) {
    const { html, text: _text, ...provenance } = page;
    writeFileSync(path.join(dir, `${snapshot.article.id}.html`), html);
    writeFileSync(path.join(dir, `${snapshot.article.id}.json`), `${JSON.stringify({ article: snapshot.article.id, ...provenance, sha256: sha256Hex(html) }, null, 1)}\n`);
  }
}
