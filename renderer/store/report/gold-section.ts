/**
 * A student's own report, once the teacher has revealed their reading (the gold layer): what the
 * student (or their team) found of it, in words a 14-year-old understands — "You found 4 of the
 * 6 claims your teacher marked" over all the articles, the same per article, how closely they
 * read it word by word (gold-agreement.ts) — then each gold mark with what became of it (a
 * symbol AND a word: ✓ found, ◐ found in part, ✗ missed), its kind, its words, a link that
 * opens the article on the teacher's passage, and the teacher's explanation. The matching is
 * shared/assessment/gold-match.ts, on the records' stored positions (as the rest of the report).
 * Pure; every text is escaped by `html`.
 */
import { goldAgreement } from '../../../shared/assessment/gold-agreement';
import { matchGold, OUTCOME_SYMBOL, type GoldOutcome } from '../../../shared/assessment/gold-match';
import type { Annotation } from '../../../shared/model/record';
import { goldSummary, mergeMatches } from '../gold-summary';
import { routeHash } from '../route';
import type { ReportArticle } from './article-report';
import { html, type Html } from './html';
import { kindName, section, type ReportContext } from './report-parts';


export interface GoldInput {
  articles: readonly ReportArticle[];
  /** the gold marks of each article, by article id */
  gold: ReadonlyMap<string, readonly Annotation[]>;
  /** the student's (or their team's) marks of each article, by article id */
  mine: ReadonlyMap<string, readonly Annotation[]>;
}

function outcomeItem(c: ReportContext, article: ReportArticle, m: GoldOutcome): Html {
  const { t } = c;
  const asOther = m.outcome === 'partial' && m.student && m.student.kind !== m.gold.kind;
  return html`<li class="gold-${m.outcome}"><p><strong>${OUTCOME_SYMBOL[m.outcome]} ${t(`assessment.outcome.${m.outcome}`)}</strong> · ${kindName(c, m.gold.kind)} <q lang="${article.article.language}">${m.gold.target.exact}</q> <a href="${routeHash({ view: 'article', id: article.article.id, focus: m.gold.id })}">${t('reportGold.show')}</a></p>${
    asOther ? html`<p>${t('assessment.youMarkedAs', { kind: kindName(c, m.student!.kind) })}</p>` : ''
  }${m.gold.note ? html`<p class="note"><strong>${t('assessment.explanation')}</strong> ${m.gold.note}</p>` : ''}</li>`;
}

/** The report's section on the teacher's reading; null when no article has gold marks. */
export function goldSection(c: ReportContext, input: GoldInput): Html | null {
  const { t } = c;
  const read = input.articles.flatMap((article) => {
    const gold = input.gold.get(article.article.id) ?? [];
    if (gold.length === 0) return [];
    const mine = input.mine.get(article.article.id) ?? [];
    return [{ article, gold, mine, match: matchGold(gold, mine) }];
  });
  if (read.length === 0) return null;
  const agreement = goldAgreement(read.map((r) => ({ text: r.article.text, gold: r.gold, student: r.mine })), c.tagset);
  const articles = read.map(
    ({ article, match }) => html`<h3>${t('report.articleTitle', { title: article.article.title })}</h3><p>${goldSummary(t, match)}</p><ol class="gold-outcomes">${match.marks.map((m) => outcomeItem(c, article, m))}</ol>${
      match.extras.length > 0 ? html`<p>${t('assessment.extras', { count: match.extras.length })}</p>` : ''
    }`,
  );
  return section('gold', t('assessment.feedbackTitle'), [html`<p class="gold-summary">${goldSummary(t, mergeMatches(read.map((r) => r.match)))}</p><p>${t(`assessment.band.${agreement.band}`)}</p><p class="meta">${t('reportGold.help')}</p>`, ...articles]);
}
