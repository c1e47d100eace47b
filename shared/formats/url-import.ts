/**
 * Import from a URL, the part every runtime shares: what the fetcher and extractor (Node:
 * electron/server/page-import.ts) answer — the extracted article and its provenance, or a
 * typed failure — as a zod schema, since it crosses IPC or HTTP into the page; and the step
 * into the one import path (article-import.ts): the extracted text becomes an article like any
 * other, with the page's address as its `source` (the versions feature recognises "the same
 * source again" by it). The provenance (address, final address after redirects, retrieval
 * time, raw HTML snapshot) is kept beside the article (model/page-source.ts).
 */
import { z } from 'zod';
import { articleFromText, type ArticleImport } from './article-import';

/** Longest address imported: it must fit an article's `source` field (model/corpus.ts). */
export const MAX_URL_LENGTH = 500;

export const pageFailureSchema = z.object({
  /** `unavailable`: no Node behind the page (a class server's page, not the desktop app or `npm start`). */
  code: z.enum(['unavailable', 'badUrl', 'scheme', 'network', 'timeout', 'tooLarge', 'httpError', 'redirectLoop', 'tooManyRedirects', 'notHtml', 'notArticle', 'tooComplex']),
  /** The HTTP status, for `httpError`. */
  status: z.number().int().optional(),
  /** The size refused, in bytes, for `tooLarge`. */
  size: z.number().optional(),
  /** The content type refused, for `notHtml`. */
  contentType: z.string().max(100).optional(),
});
export type PageFailure = z.infer<typeof pageFailureSchema>;

export const pageProvenanceSchema = z.object({
  /** The address the user gave (with https:// added when they typed none). */
  url: z.string().url().max(MAX_URL_LENGTH),
  /** Where the page was read from after redirects. */
  finalUrl: z.string().url().max(MAX_URL_LENGTH),
  /** When it was read, ISO 8601. */
  retrieved: z.iso.datetime(),
  contentType: z.string().max(200),
});
export type PageProvenance = z.infer<typeof pageProvenanceSchema>;

export const importedPageSchema = pageProvenanceSchema.extend({
  title: z.string().max(500),
  byline: z.string().max(500),
  siteName: z.string().max(500),
  /** The article's text, one paragraph per line, before canonicalisation. */
  text: z.string(),
  /** The page as it was served (decoded), kept for provenance. */
  html: z.string(),
});
export type ImportedPage = z.infer<typeof importedPageSchema>;

export const pageImportSchema = z.union([z.object({ page: importedPageSchema }), z.object({ failure: pageFailureSchema })]);
export type PageImport = z.infer<typeof pageImportSchema>;

/** The extracted page through the one import path: its address is the article's source. */
export function articleFromPage(page: ImportedPage): ArticleImport {
  return articleFromText(page.text, { source: page.url, title: page.title });
}
