/**
 * Agreement over a whole corpus, streamed article by article: per kind, Cohen's kappa for
 * every pair of annotators, Fleiss' kappa and nominal Krippendorff's alpha pooled over every
 * token of every article (an annotator without a layer on an article counts as missing there),
 * plus each article's own figures. Unitizing alpha is reported per article only: its expected
 * disagreement is defined on one continuum coded by one set of coders.
 */
import type { Tagset } from '../model/tagset';
import type { ArticleSnapshot } from '../formats/types';
import { articleAgreement, type AgreementOptions, type ArticleAgreement, type KindAgreement } from './article-agreement';
import { tokenFigures, tokenStats, type TokenStats } from './token-stats';

export interface CorpusAgreement {
  annotators: string[];
  kinds: Omit<KindAgreement, 'unitizedAlpha'>[];
  articles: ArticleAgreement[];
}

export interface AgreementAccumulator {
  add(entry: ArticleSnapshot): ArticleAgreement;
  result(): CorpusAgreement;
}

/** `keepArticles: false` keeps memory flat over huge corpora (the per-article figures are only returned by add). */
export function agreementAccumulator(tagset: Tagset, options: AgreementOptions & { keepArticles?: boolean } = {}): AgreementAccumulator {
  const stats = new Map<string, TokenStats>(tagset.kinds.map((k) => [k.key, tokenStats()]));
  const annotators = new Set<string>();
  const articles: ArticleAgreement[] = [];
  return {
    add(entry) {
      const figures = articleAgreement(entry, tagset, options, stats);
      figures.annotators.forEach((a) => annotators.add(a));
      if (options.keepArticles !== false) articles.push(figures);
      return figures;
    },
    result() {
      return {
        annotators: [...annotators].sort(),
        kinds: tagset.kinds.map((k) => ({ kind: k.key, ...tokenFigures(stats.get(k.key)!) })),
        articles,
      };
    },
  };
}
