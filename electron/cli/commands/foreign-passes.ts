/**
 * Finds the articles of the annotations `glose import` reads from other tools: one pass over
 * the articles (the bundles off disk, the new files) learns their ids and source files to
 * match sources against (none is needed when every source is one of our article IRIs); only when some annotation's source names none of them does a second
 * pass look for its quote in every text (an article is taken only when exactly one holds it).
 * Memory stays flat: one article at a time, the quotes searched for, and the records.
 */
import type { ForeignBatch } from '../../../shared/formats/foreign-item';
import { quotesToFind, resolveBatch, resolveContext, type Resolved, type ResolveOptions } from '../../../shared/formats/foreign-resolve';
import { irisFor } from '../../../shared/formats/iri';
import { quoteIndex, type ArticleRef } from '../../../shared/formats/source-match';
import type { ArticleSnapshot } from '../../../shared/formats/types';

export interface ForeignResult extends Resolved {
  /** Layer → the creator as its file gave it. */
  creators: Record<string, string>;
}

export async function resolveForeign(
  batch: ForeignBatch,
  articles: () => AsyncIterable<ArticleSnapshot>,
  options: Omit<ResolveOptions, 'articles'>,
): Promise<ForeignResult> {
  const iris = irisFor(options.corpus, options.base);
  const ours = batch.items.map((i) => (i.source ? iris.parseArticle(i.source) : null));
  const refs: ArticleRef[] = [];
  // Sources that are all our own article IRIs need no pass: an article missing from the bundle is an orphan at the end.
  if (options.sourceMap?.size || ours.includes(null)) for await (const e of articles()) refs.push({ id: e.article.id, source: e.article.source });
  else refs.push(...[...new Set(ours as string[])].map((id) => ({ id, source: '' })));
  const ctx = resolveContext({ ...options, articles: refs });
  const quotes = quotesToFind(batch, ctx.match);
  let byQuote: ReturnType<typeof quoteIndex>['match'] | undefined;
  if (quotes.size > 0) {
    const index = quoteIndex(quotes);
    for await (const e of articles()) index.scan(e.article.id, e.text);
    byQuote = index.match;
  }
  const resolved = resolveBatch(batch, { ...ctx, byQuote });
  return { ...resolved, creators: ctx.creators.provenance() };
}
