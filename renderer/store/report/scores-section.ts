/**
 * The class report's scores table, from the rubric's scores as the scores view reads them
 * (assessment-scores.ts `readScores`, shared/assessment/rubric.ts `studentScores`): each
 * student's gold claims found, points by criterion with the weight, the total and the agreement
 * with the teacher's reading, in the scores view's own words.
 */
import { CRITERIA, type Rubric, type StudentScore } from '../../../shared/assessment/rubric';
import { html, type Html } from './html';
import { section, type ReportContext } from './report-parts';

export interface ReportScores {
  scores: readonly StudentScore[];
  names: ReadonlyMap<string, string>;
  rubric: Rubric;
}

export function scoresSection(c: ReportContext, { scores, names, rubric }: ReportScores): Html {
  const { t } = c;
  const number = new Intl.NumberFormat(c.lang, { maximumFractionDigits: 1 });
  const figure = new Intl.NumberFormat(c.lang, { maximumFractionDigits: 2 });
  if (scores.length === 0) return section('scores', t('assessment.scoresTitle'), html`<p class="empty">${t('assessment.noStudents')}</p>`, true);
  return section(
    'scores',
    t('assessment.scoresTitle'),
    html`<table><caption>${t('assessment.reportTableCaption')}</caption><thead><tr><th scope="col">${t('assessment.student')}</th><th scope="col">${t('assessment.claimsFound')}</th>${CRITERIA.map((k) => html`<th scope="col">${t(`assessment.criterion.${k}`)} (×${number.format(rubric[k])})</th>`)}<th scope="col">${t('assessment.total')}</th><th scope="col">${t('assessment.agreement')}</th></tr></thead>
<tbody>${scores.map(
      (s) => html`<tr><th scope="row">${names.get(s.owner) ?? s.owner}</th><td>${t('assessment.claimsOf', { found: s.claims.found, count: s.claims.of, partial: s.claims.partial })}</td>${CRITERIA.map((k) => html`<td class="number">${number.format(s.byCriterion[k])}</td>`)}<td class="number"><strong>${number.format(s.total)}</strong></td><td>${t(`assessment.bandShort.${s.agreement.band}`)}${s.agreement.kappa !== null && ` (κ = ${figure.format(s.agreement.kappa)})`}</td></tr>`,
    )}</tbody></table>`,
    true,
  );
}
