/**
 * Turns a file or a paste into article text, or into a clear, translatable error: too large,
 * not UTF-8, empty, or not a kind of file Glose reads. HTML is parsed without running it and
 * reduced to its main content's text.
 */
import { canonicalText } from '../../shared/text/canonical-text';

/** Largest article Glose opens, in UTF-8 bytes. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export type ArticleInput =
  | { ok: true; title: string; text: string }
  | { ok: false; error: 'tooLarge' | 'invalidUtf8' | 'empty' | 'unsupported'; size?: number };

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td';

export function htmlToText(html: string): { title: string; text: string } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, style, noscript, template, nav, header, footer, aside, form, iframe').forEach((n) => n.remove());
  const main = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  const blocks = Array.from(main.querySelectorAll(BLOCKS)).filter((b) => !b.querySelector(BLOCKS));
  const lines = (blocks.length > 0 ? blocks : [main]).map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim());
  return { title: doc.title.trim(), text: lines.filter(Boolean).join('\n\n') };
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200);
}

export function articleFromText(raw: string, title = ''): ArticleInput {
  const size = new Blob([raw]).size;
  if (size > MAX_ARTICLE_BYTES) return { ok: false, error: 'tooLarge', size };
  const text = canonicalText(raw);
  if (!text) return { ok: false, error: 'empty' };
  return { ok: true, title: title.trim() || firstLine(text), text };
}

export function articleFromFile(name: string, bytes: Uint8Array): ArticleInput {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (!['txt', 'md', 'html', 'htm'].includes(extension)) return { ok: false, error: 'unsupported' };
  if (bytes.byteLength > MAX_ARTICLE_BYTES) return { ok: false, error: 'tooLarge', size: bytes.byteLength };
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'invalidUtf8' };
  }
  if (extension === 'html' || extension === 'htm') {
    const { title, text } = htmlToText(decoded);
    return articleFromText(text, title);
  }
  return articleFromText(decoded, name.replace(/\.[^.]+$/, ''));
}
