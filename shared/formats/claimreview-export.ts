/**
 * The ClaimReview export (docs/formats.md, "ClaimReview"): each claim of the corpus that has a
 * verdict (the teacher's, or the class's vote when the teacher allowed it) as a schema.org
 * `ClaimReview` in one JSON-LD document. `claimReviewed` is the claim's first claim mark's
 * words; `itemReviewed` is a `Claim` whose `appearance`s are the articles it was marked in
 * (`CreativeWork` with the article's URL when its source is one, else its Glose identifier);
 * `reviewRating` is a `Rating` on the fact-checkers' 1 (false) to 5 (true) scale with the word of
 * Glose's scale as `alternateName` (an opinion is no degree of truth: it has no `ratingValue`);
 * `reviewBody` is the justification and `citation` the evidence it cites. Claims need every
 * article's marks, so the writer collects them and writes the document at the end.
 */
import type { Article } from '../model/corpus';
import type { Located } from '../model/relations';
import { claimEvidence } from '../claims/claim-evidence';
import { claimGroups, type ClaimGroup } from '../claims/claim-groups';
import { claimVerdict, type Rating, type VerdictData } from '../claims/verdict';
import { irisFor, type Iris } from './iri';
import type { ExportOptions, ExportWriter } from './types';

/** Numeric value of each rating on the 1 (false) to 5 (true) scale fact-checkers publish; none for an opinion. */
export const RATING_VALUES: Record<Rating, number | null> = { false: 1, misleading: 2, unproven: 3, accurate: 5, opinion: null };
export const WORST_RATING = 1;
export const BEST_RATING = 5;

type Node = Record<string, unknown>;

function appearance(iris: Iris, article: Article | undefined, id: string): Node {
  const where = /^https?:\/\//i.test(article?.source ?? '') ? { url: article!.source } : { identifier: iris.article(id) };
  return { '@type': 'CreativeWork', ...where, ...(article ? { name: article.title, inLanguage: article.language } : {}) };
}

function review(iris: Iris, claim: ClaimGroup, all: readonly Located[], data: VerdictData, articles: ReadonlyMap<string, Article>, classTitle: string): Node | null {
  const result = claimVerdict(claim.marks.map((m) => m.annotation.id), data.verdicts, data.votes, data.byVote);
  if (!result.rating) return null;
  const value = RATING_VALUES[result.rating];
  const evidence = claimEvidence(claim, all).filter((e) => result.verdict?.evidence.includes(e.annotation.id));
  const newestVote = data.votes.filter((v) => claim.marks.some((m) => m.annotation.id === v.about)).reduce((at, v) => (v.at > at ? v.at : at), '');
  const [first] = claim.marks;
  const seen = [...new Set(claim.marks.map((m) => m.article))];
  return {
    '@type': 'ClaimReview',
    '@id': `${iris.corpus()}/claims/${encodeURIComponent(claim.id)}`,
    claimReviewed: first!.annotation.target.exact,
    itemReviewed: { '@type': 'Claim', appearance: seen.map((id) => appearance(iris, articles.get(id), id)) },
    author: result.verdict ? { '@type': 'Person', name: result.verdict.author.name } : { '@type': 'Organization', name: classTitle },
    reviewRating: {
      '@type': 'Rating',
      ...(value === null ? {} : { ratingValue: value }),
      bestRating: BEST_RATING,
      worstRating: WORST_RATING,
      alternateName: result.rating,
    },
    datePublished: result.verdict?.at ?? newestVote,
    ...(result.verdict ? { reviewBody: result.verdict.justification } : {}),
    ...(evidence.length > 0
      ? { citation: evidence.map((e) => ({ '@type': 'CreativeWork', text: e.annotation.target.exact, identifier: iris.annotation(e.article, e.annotation.id) })) }
      : {}),
  };
}

/** The ClaimReview document of a corpus's marks and verdicts. */
export function claimReviews(marks: readonly Located[], data: VerdictData, articles: ReadonlyMap<string, Article>, options: Pick<ExportOptions, 'corpus' | 'base'>): Node {
  const iris = irisFor(options.corpus.id, options.base);
  const graph = claimGroups(marks).flatMap((claim) => review(iris, claim, marks, data, articles, options.corpus.title) ?? []);
  return { '@context': 'https://schema.org', '@graph': graph };
}

export const NO_VERDICTS: VerdictData = { verdicts: [], votes: [], byVote: false };

export function claimReviewWriter(options: ExportOptions): ExportWriter {
  const marks: Located[] = [];
  const articles = new Map<string, Article>();
  return {
    begin: () => [],
    article(entry) {
      articles.set(entry.article.id, entry.article);
      for (const layer of entry.layers) for (const annotation of layer.annotations) marks.push({ annotation, article: entry.article.id });
      return [];
    },
    end: () => [{ file: '', text: `${JSON.stringify(claimReviews(marks, options.corpus.verdicts ?? NO_VERDICTS, articles, options), null, 1)}\n` }],
  };
}
