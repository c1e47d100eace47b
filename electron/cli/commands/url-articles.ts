/**
 * `glose import URL… --into BUNDLE`: the articles of web pages, through the same Node code as
 * the app (electron/server/page-import.ts) and the same import path (articleFromPage). A page
 * that cannot be imported stops the command with the reason in English, before the bundle is
 * written. The provenance — address, final address, retrieval time, content type, the raw page
 * with its size and SHA-256 — goes into the bundle with the article (`articles/<id>/source.json`
 * and `source.html`, shared/formats/bundle-parts.ts).
 */
import { articleFromPage, type PageFailure } from '../../../shared/formats/url-import';
import type { ArticleSnapshot } from '../../../shared/formats/types';
import { sha256Hex } from '../../../shared/model/corpus';
import { pageSourceSchema } from '../../../shared/model/page-source';
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

export async function articleFromUrl(url: string, order: number, now: () => Date = () => new Date()): Promise<ArticleSnapshot> {
  const answer = await importPage(url, now);
  if ('failure' in answer) throw new Error(`${url}: ${MESSAGES[answer.failure.code](answer.failure)}`);
  const imported = articleFromPage(answer.page);
  if (!imported.ok) throw new Error(`${url}: the article's text cannot be imported (${imported.error.code})`);
  const { text, ...article } = imported.value;
  const { html, url: address, finalUrl, retrieved, contentType } = answer.page;
  const provenance = pageSourceSchema.parse({ url: address, finalUrl, retrieved, contentType, bytes: Buffer.byteLength(html), sha256: sha256Hex(html) });
  return { article: { ...article, hash: sha256Hex(text), order }, text, layers: [], source: { provenance, html } };
}
