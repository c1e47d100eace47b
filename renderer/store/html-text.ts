/**
 * The app's HTML reader for the shared import path (shared/formats/article-import.ts): a saved
 * page is sanitised with DOMPurify (parsed inert, never run; scripts, styles, frames and page
 * chrome removed) and reduced to its main content's block text (shared/formats/block-text.ts),
 * with the page title. It needs a DOM, which is why the command line does not read HTML files.
 */
import DOMPurify from 'dompurify';
import { blockText } from '../../shared/formats/block-text';

const CHROME = ['nav', 'header', 'footer', 'aside', 'form', 'iframe', 'noscript', 'template', 'style', 'button', 'select'];

export function htmlToText(html: string): { title: string; text: string } {
  const title = new DOMParser().parseFromString(html, 'text/html').title.trim();
  const body = DOMPurify.sanitize(html, { RETURN_DOM: true, FORBID_TAGS: CHROME, ADD_FORBID_CONTENTS: CHROME }) as HTMLElement;
  const main = body.querySelector('article') ?? body.querySelector('main') ?? body;
  return { title, text: blockText(main) };
}
