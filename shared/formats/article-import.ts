/**
 * The one import path for article files and pasted text, used by the app (Add an article, the
 * sample corpus) and the command line (`glose import`): the same bytes under the same name give
 * the same article — canonical text, id, title, language, source — wherever they are imported.
 * Bad input is a typed error (too large, not UTF-8, empty, unreadable, unsupported), never a throw.
 *
 * Rules: the id comes from the file name (articleIdFromName), or from the text's hash for a
 * paste; the title is the page's <title> for HTML, else the first non-empty line; the language
 * is guessed from the text (guess-language.ts). A seed manifest's entry (`known`) wins over all
 * three. HTML needs a DOM, so its reader is passed in by the app; without one, .html is unsupported.
 */
import { decodeUtf8, encodeUtf8 } from 'lib0/string';
import { sha256Hex } from '../model/corpus';
import { fail, ok, type Result } from '../result';
import { canonicalText } from '../text/canonical-text';
import { guessLanguage } from '../text/guess-language';
import { articleIdFromName, textFromMarkdown } from './article-text';
import { docxToText } from './docx-text';

/** Largest article Glose opens, in UTF-8 bytes of text. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** Largest .docx file read (it may carry images that are dropped). */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;
export const ARTICLE_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'docx'];

export type ImportErrorCode = 'tooLarge' | 'invalidUtf8' | 'empty' | 'unsupported' | 'unreadable';
export interface ImportError {
  code: ImportErrorCode;
  /** The size refused, in bytes, for `tooLarge`. */
  size?: number;
  /** What the reader said, in English, for `unreadable` (the command line prints it). */
  detail?: string;
}

export interface ImportedArticle {
  id: string;
  title: string;
  language: string;
  source: string;
  text: string;
}

export type ArticleImport = Result<ImportedArticle, ImportError>;

/** What is already known of an article (a seed manifest's entry); it wins over what is derived. */
export type KnownArticle = Partial<Pick<ImportedArticle, 'id' | 'title' | 'language' | 'source'>>;

export interface ImportOptions {
  known?: KnownArticle;
  /** An HTML reader (page title and block text); only where there is a DOM. */
  html?: (html: string) => { title: string; text: string };
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200);
}

/** An article from text: `source` names where it came from, `name` (a file name) gives its id. */
export function articleFromText(raw: string, from: { source: string; name?: string; title?: string; known?: KnownArticle }): ArticleImport {
  const size = encodeUtf8(raw).byteLength;
  if (size > MAX_ARTICLE_BYTES) return fail({ code: 'tooLarge', size });
  const text = canonicalText(raw);
  if (!text) return fail({ code: 'empty' });
  const id = from.name ? articleIdFromName(from.name) : sha256Hex(text).slice(0, 12);
  const derived = { id, title: from.title?.trim().slice(0, 500) || firstLine(text), language: guessLanguage(text), source: from.source };
  return ok({ ...derived, ...from.known, text });
}

/** An article from a file's name and bytes (.txt, .md, .docx; .html/.htm with an HTML reader). */
export async function articleFromFile(name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ArticleImport> {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  const html = extension === 'html' || extension === 'htm' ? options.html : undefined;
  if (!ARTICLE_EXTENSIONS.includes(extension) || (extension.startsWith('htm') && !html)) return fail({ code: 'unsupported' });
  const from = { source: name, name, known: options.known };
  if (extension === 'docx') {
    if (bytes.byteLength > MAX_DOCX_BYTES) return fail({ code: 'tooLarge', size: bytes.byteLength });
    const text = await docxToText(bytes);
    return text.ok ? articleFromText(text.value, from) : fail({ code: 'unreadable', detail: text.error });
  }
  if (bytes.byteLength > MAX_ARTICLE_BYTES) return fail({ code: 'tooLarge', size: bytes.byteLength });
  let decoded: string;
  try {
    decoded = decodeUtf8(bytes); // lib0's decoder is strict: invalid UTF-8 throws
  } catch {
    return fail({ code: 'invalidUtf8' });
  }
  if (html) {
    const page = html(decoded);
    return articleFromText(page.text, { ...from, title: page.title });
  }
  return articleFromText(extension === 'md' ? textFromMarkdown(decoded) : decoded, from);
}

/** `id`, or `id-<hash>` when the corpus already holds another text under `id` (`hashOf` gives a held article's hash). */
export function freeArticleId(id: string, hash: string, hashOf: (id: string) => string | undefined): string {
  const held = hashOf(id);
  return held === undefined || held === hash ? id : `${id.slice(0, 55)}-${hash.slice(0, 8)}`;
}
