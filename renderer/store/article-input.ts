/**
 * Turns a file or a paste into article text, or into a clear, translatable error: too large,
 * not UTF-8, empty, unreadable, or not a kind of file Glose reads. HTML is sanitised with
 * DOMPurify (parsed inert, never run; scripts, styles, frames and page chrome removed) and
 * reduced to its main content's block text. A .docx goes through mammoth (loaded on demand,
 * it runs under the app's CSP: no eval) to HTML, then the same path.
 */
import DOMPurify from 'dompurify';
import { canonicalText } from '../../shared/text/canonical-text';

/** Largest article Glose opens, in UTF-8 bytes of text. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** Largest .docx file read (it may carry images that are dropped). */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;
export const ARTICLE_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'docx'];

export type ArticleInput =
  | { ok: true; title: string; text: string }
  | { ok: false; error: 'tooLarge' | 'invalidUtf8' | 'empty' | 'unsupported' | 'unreadable'; size?: number };

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th';
const CHROME = ['nav', 'header', 'footer', 'aside', 'form', 'iframe', 'noscript', 'template', 'style', 'button', 'select'];

export function htmlToText(html: string): { title: string; text: string } {
  const title = new DOMParser().parseFromString(html, 'text/html').title.trim();
  const body = DOMPurify.sanitize(html, { RETURN_DOM: true, FORBID_TAGS: CHROME, ADD_FORBID_CONTENTS: CHROME }) as HTMLElement;
  const main = body.querySelector('article') ?? body.querySelector('main') ?? body;
  const blocks = Array.from(main.querySelectorAll(BLOCKS)).filter((b) => !b.querySelector(BLOCKS));
  const lines = (blocks.length > 0 ? blocks : [main]).map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim());
  return { title, text: lines.filter(Boolean).join('\n\n') };
}

/** The HTML of a .docx (images left out), or null when it is not a Word document. */
async function docxToHtml(bytes: Uint8Array): Promise<string | null> {
  const { default: mammoth } = await import('mammoth');
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const result = await mammoth.convertToHtml({ arrayBuffer: buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
    return result.value;
  } catch {
    return null;
  }
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

export async function articleFromFile(name: string, bytes: Uint8Array): Promise<ArticleInput> {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (!ARTICLE_EXTENSIONS.includes(extension)) return { ok: false, error: 'unsupported' };
  if (extension === 'docx') {
    if (bytes.byteLength > MAX_DOCX_BYTES) return { ok: false, error: 'tooLarge', size: bytes.byteLength };
    const html = await docxToHtml(bytes);
    return html === null ? { ok: false, error: 'unreadable' } : articleFromText(htmlToText(html).text);
  }
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
