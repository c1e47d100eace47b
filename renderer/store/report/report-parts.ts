/**
 * What the class report and a student's report share: the interface language and its strings,
 * the tagset's names, dates and percentages written the way of that language, a section with its
 * title, and the whole self-contained document (inline style, no script, no outside file).
 */
import type { TFunction } from 'i18next';
import { kindOf, type Tagset } from '../../../shared/model/tagset';
import { html, Html } from './html';
import { REPORT_CSS } from './report-style';

export interface ReportContext {
  t: TFunction;
  lang: 'en' | 'fr';
  tagset: Tagset;
  /** when the report was made */
  generated: Date;
}

export const kindName = (c: ReportContext, key: string): string => kindOf(c.tagset, key)?.name[c.lang] ?? c.t('sidebar.unknownKind', { key });

export const relationName = (c: ReportContext, key: string): string => c.tagset.relations.find((r) => r.key === key)?.name[c.lang] ?? key;

export const formatDate = (c: ReportContext, at: Date): string => new Intl.DateTimeFormat(c.lang, { dateStyle: 'long', timeStyle: 'short' }).format(at);

export const formatPercent = (c: ReportContext, share: number): string => new Intl.NumberFormat(c.lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** A report section: its heading (level 2) and content; `newPage`: in print it starts a page (an article, the map). */
export function section(id: string, title: string, content: Html | Html[], newPage = false): Html {
  return html`<section class="${newPage ? 'new-page' : ''}" aria-labelledby="report-${id}"><h2 id="report-${id}">${title}</h2>${content}</section>`;
}

/** The body a report page shows and the saved document holds. */
export function reportBody(title: string, meta: string, sections: Html[]): Html {
  return html`<article class="glose-report"><header><h1>${title}</h1><p class="meta">${meta}</p></header>${sections}</article>`;
}

/** The saved file: one HTML document that needs nothing else to be read (style inline, images as data URLs, no script). */
export function reportDocument(lang: string, title: string, body: Html): string {
  return `<!doctype html>\n${html`<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${new Html(REPORT_CSS)}</style></head><body>${body}</body></html>`}\n`;
}
