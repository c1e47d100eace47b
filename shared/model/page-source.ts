/**
 * Where an article imported from a URL came from (issue 15, item 4), kept in the corpus: the
 * small part — the address given, the final address after redirects, the retrieval time, the
 * content type, the snapshot's size and hash — in the corpus document's `sources` map under the
 * article id (so the article's header shows it without loading more), and the raw HTML as it
 * was served in a document of its own, `corpus/<cid>/source/<aid>` (doc-names.ts), loaded only
 * when someone asks for the saved page: the article's text document stays small. Both are the
 * teacher's to write, like the article itself. Read back through zod: a bad entry is no entry.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { encodeUtf8 } from 'lib0/string';
import { pageProvenanceSchema, type ImportedPage } from '../formats/url-import';
import { sha256Hex } from './corpus';
import { LOCAL } from './origins';

export const SOURCES_KEY = 'sources';
export const SNAPSHOT_KEY = 'html';

export const pageSourceSchema = pageProvenanceSchema.extend({
  /** Size of the snapshot, UTF-8 bytes, and its SHA-256 (hex): the saved page can be checked. */
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PageSource = z.infer<typeof pageSourceSchema>;

export function readPageSource(corpusDoc: Y.Doc, articleId: string): PageSource | undefined {
  const parsed = pageSourceSchema.safeParse(corpusDoc.getMap(SOURCES_KEY).get(articleId));
  return parsed.success ? parsed.data : undefined;
}

export function pageSnapshot(sourceDoc: Y.Doc): string {
  return sourceDoc.getText(SNAPSHOT_KEY).toString();
}

/**
 * Records an imported page's provenance for `articleId`. The first retrieval of a text stays its
 * provenance: importing the same text again (same article id) changes nothing.
 */
export function keepPageSource(corpusDoc: Y.Doc, sourceDoc: Y.Doc, articleId: string, page: ImportedPage): PageSource {
  const held = readPageSource(corpusDoc, articleId);
  if (held) return held;
  const source = pageSourceSchema.parse({
    url: page.url, finalUrl: page.finalUrl, retrieved: page.retrieved, contentType: page.contentType,
    bytes: encodeUtf8(page.html).byteLength, sha256: sha256Hex(page.html),
  });
  const snapshot = sourceDoc.getText(SNAPSHOT_KEY);
  sourceDoc.transact(() => {
    if (snapshot.length > 0) snapshot.delete(0, snapshot.length); // an earlier attempt cut short
    snapshot.insert(0, page.html);
  }, LOCAL);
  corpusDoc.transact(() => corpusDoc.getMap(SOURCES_KEY).set(articleId, source), LOCAL);
  return source;
}

/** Puts back a provenance and its saved page as a bundle carried them (formats/bundle-parts.ts checked both). */
export function restorePageSource(corpusDoc: Y.Doc, sourceDoc: Y.Doc, articleId: string, source: PageSource, html: string): void {
  const valid = pageSourceSchema.parse(source);
  sourceDoc.transact(() => sourceDoc.getText(SNAPSHOT_KEY).insert(0, html), LOCAL);
  corpusDoc.transact(() => corpusDoc.getMap(SOURCES_KEY).set(articleId, valid), LOCAL);
}
