/**
 * Agreement over a whole corpus, streamed article by article: per kind (binary: in a span of
 * the kind or not) and over all kinds at once (multi-category, category-stats.ts), Cohen's
 * kappa for every pair of annotators, Fleiss' kappa and nominal Krippendorff's alpha pooled
 * over every token of every article, with the confusion matrix between kinds. An annotator
 * without a layer on an article counts as missing there; an empty layer as "marked nothing".
 * Unitizing alpha per kind and over all kinds pools each article's observed and expected
 * disagreement weighted by its length (each article is its own continuum). Also agreement on
 * links (link-agreement.ts), each annotator's F1 against the gold layer (gold-f1.ts), and each
 * article's own figures.
 */
import type { Tagset } from '../model/tagset';
import type { ArticleSnapshot } from '../formats/types';
import { articleAgreement, type AgreementOptions, type ArticleAgreement, type KindAgreement, type Pooled } from './article-agreement';
import { categoryFigures, categoryStats, type CategoryFigures } from './category-stats';
import { addGold, goldFigures, type GoldF1, type GoldStats } from './gold-f1';
import { addLinks, linkFigures, type LinkAgreement, type LinkStats } from './link-agreement';
import { tokenFigures, tokenStats } from './token-stats';

export interface CorpusAgreement {
  annotators: string[];
  kinds: KindAgreement[];
  /** Every kind at once (values: a kind, kinds joined by +, or none). */
  categories: CategoryFigures;
  /** uα over all kinds, pooled over the articles. */
  unitizedAlpha: number | null;
  /** Per pair of annotators: links whose ends match, and the same relation type. */
  links: LinkAgreement[];
  /** Per annotator against the gold layer, exact and overlapping spans. */
  gold: GoldF1[];
  articles: ArticleAgreement[];
}

export interface AgreementAccumulator {
  add(entry: ArticleSnapshot): ArticleAgreement;
  result(): CorpusAgreement;
}

/** `keepArticles: false` keeps memory flat over huge corpora (the per-article figures are only returned by add). */
export function agreementAccumulator(tagset: Tagset, options: AgreementOptions & { keepArticles?: boolean } = {}): AgreementAccumulator {
  const pooled: Pooled = { tokens: new Map(tagset.kinds.map((k) => [k.key, tokenStats()])), categories: categoryStats(), unitized: new Map() };
  const annotators = new Set<string>();
  const links: LinkStats = new Map();
  const gold: GoldStats = new Map();
  const articles: ArticleAgreement[] = [];
  return {
    add(entry) {
      const figures = articleAgreement(entry, tagset, options, pooled);
      figures.annotators.forEach((a) => annotators.add(a));
      addLinks(links, entry, options.includeGold);
      addGold(gold, entry);
      if (options.keepArticles !== false) articles.push(figures);
      return figures;
    },
    result() {
      const u = (parts: { observed: number; expected: number }[]): number | null => {
        const expected = parts.reduce((n, p) => n + p.expected, 0);
        return expected === 0 ? null : 1 - parts.reduce((n, p) => n + p.observed, 0) / expected;
      };
      return {
        annotators: [...annotators].sort(),
        kinds: tagset.kinds.map((k) => ({ kind: k.key, ...tokenFigures(pooled.tokens.get(k.key)!), unitizedAlpha: u([pooled.unitized.get(k.key) ?? { observed: 0, expected: 0 }]) })),
        categories: categoryFigures(pooled.categories),
        unitizedAlpha: u([...pooled.unitized.values()]),
        links: linkFigures(links),
        gold: goldFigures(gold),
        articles,
      };
    },
  };
}
