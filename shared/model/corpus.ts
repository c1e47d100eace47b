/**
 * The corpus document (article list, tagset) and the article text documents. Sample and
 * imported articles are written as deterministic updates: the same article always produces
 * the same Yjs items (same client id and clock), so two peers that both add it converge on
 * one copy instead of duplicating the text.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import { SEED } from './origins';
import { sha256Hex } from './sha256';
import { tagsetSchema, DEFAULT_TAGSET, type Tagset } from './tagset';

export const TEXT_KEY = 'body';

export const articleSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().min(1).max(500),
  language: z.string().min(2).max(16),
  source: z.string().max(500),
  /** SHA-256 of the canonical text, hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Position in the library list. */
  order: z.number(),
  /** Versions (shared/versions/version-plan.ts): the article this one is a newer text of. */
  versionOf: z.string().min(1).max(64).optional(),
  /** Versions: this text's number, 2 for the first newer text (the first one has none: 1). */
  version: z.number().int().min(2).max(9999).optional(),
});

export type Article = z.infer<typeof articleSchema>;

export { sha256Hex };

export function articleText(textDoc: Y.Doc): Y.Text {
  return textDoc.getText(TEXT_KEY);
}

export function articlesMap(corpusDoc: Y.Doc): Y.Map<unknown> {
  return corpusDoc.getMap('articles');
}

/** The corpus's articles that pass validation, in library order. */
export function listArticles(corpusDoc: Y.Doc): Article[] {
  const out: Article[] = [];
  articlesMap(corpusDoc).forEach((value) => {
    const parsed = articleSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  });
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function readTagset(corpusDoc: Y.Doc): Tagset {
  const parsed = tagsetSchema.safeParse(corpusDoc.getMap('settings').get('tagset'));
  return parsed.success ? parsed.data : DEFAULT_TAGSET;
}

/** A client id derived from `key`, the same on every peer. */
function deterministicClientId(key: string): number {
  const bytes = digest(encodeUtf8(key));
  return ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 1;
}

function deterministicUpdate(key: string, write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = deterministicClientId(key);
  write(doc);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Adds an article to a corpus: its entry in the corpus document and its canonical text in
 * its text document. Idempotent across peers and repeated calls.
 */
export function addArticle(corpusDoc: Y.Doc, textDoc: Y.Doc, article: Omit<Article, 'hash'>, canonical: string): Article {
  const full = articleSchema.parse({ ...article, hash: sha256Hex(canonical) });
  const existing = articleText(textDoc).toString();
  if (existing.length > 0 && sha256Hex(existing) !== full.hash) {
    throw new Error(`article ${full.id} already holds a different text`);
  }
  const key = `${full.id}:${full.hash}`;
  Y.applyUpdate(textDoc, deterministicUpdate(`text:${key}`, (d) => articleText(d).insert(0, canonical)), SEED);
  Y.applyUpdate(corpusDoc, deterministicUpdate(`entry:${key}`, (d) => articlesMap(d).set(full.id, full)), SEED);
  return full;
}
