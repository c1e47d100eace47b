/**
 * A student's own report: what they did in the class, article by article — their marks (kind,
 * passage, note, links) and their replies (with the passage each answers) — and their totals as
 * the dashboard counts them (student-activity.ts). Built only from the student's own layers and
 * the annotations they can see anyway, so saving it shows them nothing new; once the teacher has
 * revealed their reading, what the student found of it (gold-section.ts). A team member's work is
 * their team's layer. Pure; every text is escaped by `html` (their notes and replies included).
 */
import type { Annotation } from '../../../shared/model/record';
import type { RosterEntry } from '../../../shared/model/roster';
import { studentActivity, type LayerData } from '../dashboard/student-activity';
import { shortQuote } from '../link-view';
import type { ReportArticle } from './article-report';
import type { BuiltReport } from './class-report';
import { goldSection } from './gold-section';
import { html, type Html } from './html';
import { kindName, relationName, formatDate, reportBody, reportDocument, section, type ReportContext } from './report-parts';

export interface StudentReportInput {
  /** the class's name */
  title: string;
  student: { id: string; entry: RosterEntry };
  /** the layer the student's work is in: their own id, or their team's layer */
  owner: string;
  articles: ReportArticle[];
  /** the student's own layers */
  layers: readonly LayerData[];
  /** every annotation the student can see, by id: what their replies and links point at */
  visible: ReadonlyMap<string, Annotation>;
  /** the teacher's reading by article id, once revealed to the student (null before) */
  gold: ReadonlyMap<string, readonly Annotation[]> | null;
}

function marksTable(c: ReportContext, layer: LayerData, visible: ReadonlyMap<string, Annotation>, language: string): Html {
  const { t } = c;
  if (layer.annotations.length === 0) return html`<p class="empty">${t('report.noMarksYet')}</p>`;
  const target = (id: string) => {
    const a = visible.get(id);
    return a ? t('report.linkTarget', { kind: kindName(c, a.kind), quote: shortQuote(a) }) : t('report.unknownTarget');
  };
  return html`<table><caption>${t('report.yourMarks')}</caption><thead><tr><th scope="col">${t('report.kind')}</th><th scope="col">${t('report.passage')}</th><th scope="col">${t('report.note')}</th><th scope="col">${t('dashboard.links')}</th></tr></thead>
<tbody>${layer.annotations.map(
    (a) => html`<tr><td>${kindName(c, a.kind)}</td><td lang="${language}">${a.target.exact}</td><td class="note">${a.note}</td><td>${a.links.length === 0 ? '' : html`<ul class="inline">${a.links.map((l) => html`<li>${relationName(c, l.rel)} → ${target(l.to)}</li>`)}</ul>`}</td></tr>`,
  )}</tbody></table>`;
}

function repliesList(c: ReportContext, layer: LayerData, visible: ReadonlyMap<string, Annotation>): Html {
  const { t } = c;
  const { replies } = layer.discussion;
  if (replies.length === 0) return html``;
  return html`<h3>${t('report.yourReplies')}</h3><ul>${replies.map((r) => {
    const about = visible.get(r.about);
    return html`<li><p>${about ? t('report.replyAbout', { author: about.author.name, quote: shortQuote(about) }) : t('report.unknownTarget')}</p><p class="note">${r.text}</p></li>`;
  })}</ul>`;
}

export function buildStudentReport(c: ReportContext, input: StudentReportInput): BuiltReport {
  const { t } = c;
  const { entry } = input.student;
  const id = input.owner;
  const title = t('report.studentTitle', { name: entry.name, title: input.title });
  const roster = new Map([[id, { ...entry, role: 'student' as const }]]);
  const [me] = studentActivity({ roster, layers: input.layers, present: new Map(), now: c.generated.getTime(), idleMs: Infinity });
  const totals = html`<p>${t('report.studentTotals', { marks: me?.totalMarks ?? 0, replies: me?.replies ?? 0, links: me?.links ?? 0 })}</p>`;
  const sections = input.articles.map((entry, n) => {
    const layer = input.layers.find((l) => l.article === entry.article.id && l.owner === id);
    const content = layer ? [marksTable(c, layer, input.visible, entry.article.language), repliesList(c, layer, input.visible)] : html`<p class="empty">${t('report.noMarksYet')}</p>`;
    return section(`article-${n + 1}`, t('report.articleTitle', { title: entry.article.title }), content);
  });
  const mine = new Map(input.layers.filter((l) => l.owner === id).map((l) => [l.article, l.annotations]));
  const gold = input.gold && goldSection(c, { articles: input.articles, gold: input.gold, mine });
  const body = reportBody(title, t('report.generated', { date: formatDate(c, c.generated) }), [section('totals', t('report.totals'), totals), ...(gold ? [gold] : []), ...sections]);
  return { title, body, document: reportDocument(c.lang, title, body) };
}
