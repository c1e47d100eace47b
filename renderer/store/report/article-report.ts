/**
 * The class report's part for one article, from the models the views use: the dashboard's
 * heat per paragraph (article-heat.ts: its chart as an image and its figures as a table), the
 * comparison's passages (passage-comparison.ts: how disputed each one is, in a shade AND a
 * figure, and who marked what) and the most disputed passages with their whole text. An article
 * nobody marked says so in one line (and starts no page of its own in print).
 */
import { compareArticle, type ArticleComparison, type PassageComparison } from '../../../shared/agreement/passage-comparison';
import type { Article } from '../../../shared/model/corpus';
import { articleHeat } from '../dashboard/article-heat';
import type { LayerData } from '../dashboard/student-activity';
import { dataImage, html, type Html } from './html';
import { formatPercent, kindName, section, type ReportContext } from './report-parts';

export interface ReportArticle {
  article: Article;
  /** the canonical text */
  text: string;
}

/** How many of the most disputed passages the report quotes in full. */
export const DISPUTED_SHOWN = 5;
const MEASURES = ['marks', 'disputes', 'questions'] as const;

const shade = (share: number) => `background-color: rgba(213, 94, 0, ${(share * 0.55).toFixed(2)})`;

function heatTable(c: ReportContext, entry: ReportArticle, layers: readonly LayerData[], chart: string | undefined): Html {
  const { t } = c;
  const rows = articleHeat(entry.text, layers.flatMap((l) => l.annotations), layers.map((l) => l.discussion));
  const max = Math.max(0, ...rows.flatMap((r) => MEASURES.map((m) => r[m])));
  const caption = t('dashboard.heatChart', { title: entry.article.title });
  return html`<h3>${t('dashboard.heat')}</h3><p>${t('dashboard.heatHelp')}</p>
${dataImage(chart, caption, 'chart')}
<table><caption>${caption}</caption><thead><tr><th scope="col">${t('dashboard.paragraph')}</th><th scope="col">${t('dashboard.excerpt')}</th>${MEASURES.map((m) => html`<th scope="col">${t(`dashboard.${m}`)}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.paragraph}</th><td lang="${entry.article.language}">${r.excerpt}</td>${MEASURES.map((m) => html`<td class="number" style="${shade(max > 0 ? r[m] / max : 0)}">${r[m]}</td>`)}</tr>`)}</tbody></table>
`;
}

/** "Nina, Omar: Claim + Rebuttal; Lea: nothing". */
function answers(c: ReportContext, passage: PassageComparison, names: ReadonlyMap<string, string>): Html {
  const said = (kinds: string[]) => (kinds.length === 0 ? c.t('report.nothing') : kinds.map((k) => kindName(c, k)).join(' + '));
  return html`<ul class="inline">${passage.groups.map((g) => html`<li>${c.t('report.groupAnswer', { who: g.members.map((m) => names.get(m) ?? m).join(', '), what: said(g.kinds) })}</li>`)}</ul>`;
}

function disputedText(c: ReportContext, p: PassageComparison): string {
  if (p.disputed === null) return c.t(p.marked > 0 ? 'compare.alone' : 'compare.unmarked');
  return p.disputed === 0 ? c.t('compare.agreed') : c.t('compare.disputed', { percent: formatPercent(c, p.disputed) });
}

function comparisonTable(c: ReportContext, entry: ReportArticle, comparison: ArticleComparison, names: ReadonlyMap<string, string>): Html {
  const { t } = c;
  return html`<h3>${t('report.comparison')}</h3><p>${t('report.comparisonHelp', { count: comparison.members.length })}</p>
<table><caption>${t('report.comparisonCaption', { title: entry.article.title })}</caption><thead><tr><th scope="col">${t('dashboard.paragraph')}</th><th scope="col">${t('report.disputed')}</th><th scope="col">${t('report.answers')}</th></tr></thead>
<tbody>${comparison.passages
    .filter((p) => p.marked > 0)
    .map((p) => html`<tr><th scope="row">${p.index + 1}</th><td style="${shade(p.disputed ?? 0)}">${disputedText(c, p)}</td><td>${answers(c, p, names)}</td></tr>`)}</tbody></table>`;
}

function mostDisputed(c: ReportContext, entry: ReportArticle, comparison: ArticleComparison, names: ReadonlyMap<string, string>): Html {
  const { t } = c;
  const top = comparison.ranked.filter((p) => p.disputed !== null && p.disputed > 0).slice(0, DISPUTED_SHOWN);
  if (top.length === 0) return html`<h3>${t('report.mostDisputed')}</h3><p class="empty">${t('report.noDispute')}</p>`;
  return html`<h3>${t('report.mostDisputed')}</h3><ol>${top.map(
    (p) => html`<li><p><strong>${t('dashboard.paragraphShort', { n: p.index + 1 })}</strong> — ${disputedText(c, p)}</p><blockquote lang="${entry.article.language}">${p.text}</blockquote>${answers(c, p, names)}</li>`,
  )}</ol>`;
}

/** Whether anyone marked the article (an article nobody marked gets one line, not empty tables). */
export const hasMarks = (layers: readonly LayerData[]): boolean => layers.some((l) => l.annotations.some((a) => !a.detached));

/** The section of one article; `layers` are the class's layers on it, `names` the roster's names by id. */
export function articleSection(c: ReportContext, n: number, entry: ReportArticle, layers: readonly LayerData[], names: ReadonlyMap<string, string>, chart: string | undefined): Html {
  const title = c.t('report.articleTitle', { title: entry.article.title });
  if (!hasMarks(layers)) return section(`article-${n}`, title, html`<p class="empty">${c.t('dashboard.noMarks')}</p>`);
  const comparison = compareArticle({ text: entry.text, layers: layers.map((l) => ({ owner: l.owner, annotations: l.annotations.filter((a) => !a.detached) })) }, c.tagset);
  return section(`article-${n}`, title, [
    heatTable(c, entry, layers, chart),
    comparisonTable(c, entry, comparison, names),
    mostDisputed(c, entry, comparison, names),
  ], true);
}
