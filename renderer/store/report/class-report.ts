/**
 * The class report the teacher saves (issue 12, item 6): the class and its articles, its
 * assignments (assignments-section.ts), each
 * student's work (the dashboard's figures, student-activity.ts, as a chart image and a table),
 * one section per article (article-report.ts: heat, comparison, most disputed passages) and the
 * argument map (map-model.ts: its picture and its links as a table) and the rubric's scores
 * (scores-section.ts). Pure: the images come in as
 * data URLs made by the page (Chart.js, Cytoscape), every text goes through `html`, which escapes it.
 */
import type { Article } from '../../../shared/model/corpus';
import type { RosterEntry } from '../../../shared/model/roster';
import type { Teams } from '../../../shared/model/teams';
import { studentActivity, type LayerData } from '../dashboard/student-activity';
import type { MapData } from '../map-model';
import type { Assignment } from '../../../shared/model/assignments';
import { articleSection, type ReportArticle } from './article-report';
import { assignmentsSection } from './assignments-section';
import { dataImage, html, type Html } from './html';
import { scoresSection, type ReportScores } from './scores-section';
import { formatDate, kindName, reportBody, reportDocument, section, type ReportContext } from './report-parts';

export interface ReportImages {
  /** the students' chart */
  students?: string;
  /** the heat chart of each article, by article id */
  heat?: Record<string, string>;
  map?: string;
}

export interface ClassReportInput {
  /** the class's name */
  title: string;
  articles: ReportArticle[];
  roster: ReadonlyMap<string, RosterEntry>;
  /** the students' layers (every article) */
  layers: readonly LayerData[];
  map: MapData;
  images: ReportImages;
  /** the rubric's scores, when the class has any to show (the teacher's) */
  scores?: ReportScores;
  assignments?: ReadonlyMap<string, Assignment>;
  /** a team is one row among the students, its members named */
  teams?: Teams;
}

export interface BuiltReport {
  title: string;
  body: Html;
  /** the whole document to save */
  document: string;
}

function articlesList(c: ReportContext, articles: readonly Article[]): Html {
  if (articles.length === 0) return html`<p class="empty">${c.t('report.noArticles')}</p>`;
  return html`<ul>${articles.map((a) => html`<li lang="${a.language}">${a.title}${a.source ? html` — ${a.source}` : ''}</li>`)}</ul>`;
}

function studentsSection(c: ReportContext, input: ClassReportInput): Html {
  const { t, tagset } = c;
  const students = studentActivity({ roster: input.roster, layers: input.layers, present: new Map(), now: c.generated.getTime(), idleMs: Infinity, teams: input.teams });
  if (students.length === 0) return section('students', t('dashboard.students'), html`<p class="empty">${t('report.noStudents')}</p>`);
  const last = (at: number | null) => (at === null ? t('dashboard.never') : formatDate(c, new Date(at)));
  return section('students', t('dashboard.students'), [
    dataImage(input.images.students, t('dashboard.studentsChart'), 'chart'),
    html`<table><caption>${t('dashboard.studentsChart')}</caption><thead><tr><th scope="col">${t('dashboard.name')}</th>${tagset.kinds.map((k) => html`<th scope="col">${k.name[c.lang]}</th>`)}<th scope="col">${t('dashboard.total')}</th><th scope="col">${t('dashboard.replies')}</th><th scope="col">${t('dashboard.votes')}</th><th scope="col">${t('dashboard.links')}</th><th scope="col">${t('dashboard.last')}</th></tr></thead>
<tbody>${students.map(
      (s) => html`<tr><th scope="row">${s.members ? html`${t('teamWork.teamName', { name: s.name })}<br>${t('teamWork.members', { names: s.members.map((m) => m.name).join(', ') })}` : s.name}</th>${tagset.kinds.map((k) => html`<td class="number">${s.marks[k.key] ?? 0}</td>`)}<td class="number">${s.totalMarks}</td><td class="number">${s.replies}</td><td class="number">${s.votes}</td><td class="number">${s.links}</td><td>${last(s.lastActivity)}</td></tr>`,
    )}</tbody></table>`,
  ]);
}

function mapSection(c: ReportContext, map: MapData, image: string | undefined): Html {
  const { t } = c;
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const end = (id: string) => {
    const n = nodes.get(id)!;
    return t('report.mapEnd', { kind: kindName(c, n.kind), quote: n.quote, author: n.author });
  };
  return section('map', t('map.title'), [
    html`<p>${t('map.summary', { count: map.nodes.length })} · ${t('map.links', { count: map.edges.length })}</p>`,
    dataImage(image, t('report.mapImage'), 'map'),
    map.edges.length === 0
      ? html`<p class="empty">${t('report.noLinks')}</p>`
      : html`<table><caption>${t('report.linksCaption')}</caption><thead><tr><th scope="col">${t('report.from')}</th><th scope="col">${t('report.relation')}</th><th scope="col">${t('report.to')}</th></tr></thead>
<tbody>${map.edges.map((e) => html`<tr><td>${end(e.source)}</td><td>${e.label}</td><td>${end(e.target)}</td></tr>`)}</tbody></table>`,
  ], true);
}

export function buildClassReport(c: ReportContext, input: ClassReportInput): BuiltReport {
  const { t } = c;
  const title = t('report.classTitle', { title: input.title });
  const names = new Map([...input.roster].map(([id, e]) => [id, e.name]));
  const sections = [
    section('articles', t('report.articles'), articlesList(c, input.articles.map((a) => a.article))),
    input.assignments && assignmentsSection(c, input.assignments, input.articles.map((a) => a.article), input.roster),
    studentsSection(c, input),
    ...input.articles.map((entry, i) => articleSection(c, i + 1, entry, input.layers.filter((l) => l.article === entry.article.id), names, input.images.heat?.[entry.article.id])),
    mapSection(c, input.map, input.images.map),
    input.scores && scoresSection(c, input.scores),
  ].filter((s): s is Html => Boolean(s));
  const body = reportBody(title, t('report.generated', { date: formatDate(c, c.generated) }), sections);
  return { title, body, document: reportDocument(c.lang, title, body) };
}
