/**
 * Import from a URL, the one implementation behind its three callers — the Electron main
 * process (IPC `importUrl`), the local server of the browser fallback (POST /api/import-url,
 * page-import-route.ts) and `glose import URL`: fetch the page (page-fetch.ts), extract its
 * article (page-extract.ts), and answer the article with its provenance, or why not. The clock
 * is a parameter (the retrieval time is part of the provenance). The extractor (jsdom, about
 * 90 MB once loaded) is loaded at the first page, not when a caller starts: the app, the local
 * server and every other CLI command never pay for it.
 */
import type { PageImport } from '../../shared/formats/url-import';
import { DEFAULT_FETCH_LIMITS, fetchPage, type FetchLimits } from './page-fetch';

export async function importPage(url: string, now: () => Date = () => new Date(), limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<PageImport> {
  const fetched = await fetchPage(url, limits);
  if (!fetched.ok) return { failure: fetched.error };
  const retrieved = now().toISOString();
  const { finalUrl, contentType, html } = fetched.value;
  const { extractArticle } = await import('./page-extract');
  const article = extractArticle(html, finalUrl);
  if (!article.ok) return { failure: article.error };
  return { page: { url: fetched.value.requested, finalUrl, retrieved, contentType: contentType.slice(0, 200), html, ...article.value } };
}
