/**
 * The class report's assignments (the classwork model, shared/model/assignments.ts): each one's
 * title, articles, kinds, due time and extensions, and its instructions with their light
 * formatting (light-text.ts) written as escaped HTML, like the app shows them: never as markup.
 */
import type { Assignment } from '../../../shared/model/assignments';
import type { Article } from '../../../shared/model/corpus';
import type { RosterEntry } from '../../../shared/model/roster';
import { blocks, type Run } from '../../components/classwork/light-text';
import { html, type Html } from './html';
import { formatDate, kindName, section, type ReportContext } from './report-parts';

const line = (runs: Run[]): Html[] => runs.map((r) => (r.em ? html`<em>${r.text}</em>` : html`${r.text}`));

function instructions(text: string): Html[] {
  return blocks(text).map((b) =>
    b.type === 'list' ? html`<ul>${b.items.map((item) => html`<li>${line(item)}</li>`)}</ul>` : html`<p>${b.lines.map((l, i) => (i === 0 ? line(l) : html`<br>${line(l)}`))}</p>`,
  );
}

function assignment(c: ReportContext, a: Assignment, titles: ReadonlyMap<string, string>, roster: ReadonlyMap<string, RosterEntry>): Html {
  const { t } = c;
  const extensions = Object.entries(a.extensions).map(([user, until]) => t('report.extension', { name: roster.get(user)?.name ?? user, date: formatDate(c, new Date(until)) }));
  return html`<h3>${a.title}</h3>
<p>${t('report.assignmentArticles', { titles: a.articles.map((id) => titles.get(id) ?? id).join(' · ') })}</p>
<p>${a.due === null ? t('classwork.noDue') : t('classwork.due', { date: formatDate(c, new Date(a.due)) })}${extensions.length > 0 && html` (${extensions.join(' · ')})`}</p>
<p>${a.kinds ? t('classwork.kindsSome', { kinds: a.kinds.map((k) => kindName(c, k)).join(', ') }) : t('classwork.kindsAll')}</p>
${a.instructions.trim() !== '' && html`<div class="instructions">${instructions(a.instructions)}</div>`}`;
}

/** The section, or null when the class has no assignment. */
export function assignmentsSection(c: ReportContext, assignments: ReadonlyMap<string, Assignment>, articles: readonly Article[], roster: ReadonlyMap<string, RosterEntry>): Html | null {
  if (assignments.size === 0) return null;
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const sorted = [...assignments.values()].sort((a, b) => a.created - b.created);
  return section('assignments', c.t('report.assignments', { count: sorted.length }), sorted.map((a) => assignment(c, a, titles, roster)));
}
