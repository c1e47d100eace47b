/**
 * Finds the articles of the annotations `glose import` reads from other tools: one pass over
 * the articles (the bundles off disk, the new files) learns their ids and source files to
 * match sources against; only when some annotation's source names none of them does a second
 * pass look for its quote in every text (an article is taken only when exactly one holds it).
 * Memory stays flat: one article at a time, the quotes searched for, and the records.
 */
import type { ForeignBatch } from '../../../shared/formats/foreign-item';
import { quotesToFind, resolveBatch, resolveContext, type Resolved, type ResolveOptions } from '../../../shared/formats/foreign-resolve';
import { quoteIndex, type ArticleRef } from '../../../shared/formats/source-match';
import type { ArticleSnapshot } from '../../../shared/formats/types';

export interface ForeignResult extends Resolved {
  /** Layer → the creator as its file gave it. */
  creators: Record<string, string>;
}

export async function resolveForeign(
  batch: ForeignBatch,
  articles: () => AsyncIterable<ArticleSnapshot>,
  options: Omit<ResolveOptions, 'articles' | 'tagset'> & { tagset: () => ResolveOptions['tagset'] },
): Promise<ForeignResult> {
  const refs: ArticleRef[] = [];
  if (batch.items.length > 0) for await (const e of articles()) refs.push({ id: e.article.id, source: e.article.source });
  const ctx = resolveContext({ ...options, tagset: options.tagset(), articles: refs });
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
