/**
 * The article in a fetched page, in Node: the page is parsed inert by jsdom (scripts never run,
 * nothing is loaded, its console silenced), Mozilla's Readability finds the article's content
 * and drops the page's clutter (navigation, cookie banners, comments, related links), DOMPurify
 * sanitises that content, and its block text (shared/formats/block-text.ts) is the article's
 * text. A page where Readability finds no article, or one shorter than MIN_ARTICLE_CHARS, is
 * `notArticle`: a home page, a login wall or an error page is refused, not imported. A page of
 * more than MAX_ELEMENTS elements is `tooComplex`.
 */
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { blockText } from '../../shared/formats/block-text';
import type { PageFailure } from '../../shared/formats/url-import';
import { fail, ok, type Result } from '../../shared/result';

/** Fewer characters of article text than this is not an article (a teaser, a paywall, an error page). */
export const MIN_ARTICLE_CHARS = 400;
/**
 * More elements than this is refused (`tooComplex`) before Readability reads them: its time grows
 * faster than the page (measured under load: 15,000 elements 10 s, 72,000 elements 220 s), and a
 * news page has a few thousand.
 */
export const MAX_ELEMENTS = 20_000;

export interface ExtractedArticle {
  title: string;
  byline: string;
  siteName: string;
  text: string;
}

const clip = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);

export function extractArticle(html: string, url: string): Result<ExtractedArticle, PageFailure> {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const pageTitle = document.title;
    if (document.getElementsByTagName('*').length > MAX_ELEMENTS) return fail({ code: 'tooComplex' });
    const found = new Readability(document).parse();
    if (!found?.content) return fail({ code: 'notArticle' });
    const content = createDOMPurify(dom.window).sanitize(found.content, { RETURN_DOM_FRAGMENT: true });
    const text = blockText(content);
    if (text.length < MIN_ARTICLE_CHARS) return fail({ code: 'notArticle' });
    return ok({ title: clip(found.title) || clip(pageTitle), byline: clip(found.byline), siteName: clip(found.siteName), text });
  } catch {
    return fail({ code: 'notArticle' });
  } finally {
    dom.window.close();
  }
}
