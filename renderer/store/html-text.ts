/**
 * The app's HTML reader for the shared import path (shared/formats/article-import.ts): a saved
 * page is sanitised with DOMPurify (parsed inert, never run; scripts, styles, frames and page
 * chrome removed) and reduced to its main content's block text, with the page title. It needs
 * a DOM, which is why the command line does not read HTML.
 */
import DOMPurify from 'dompurify';

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
