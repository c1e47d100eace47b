/**
 * Turns a batch of foreign items (foreign-item.ts) into Glose records: each item's article is
 * found from its source (source-match.ts), or from its quote when the source names none, then
 * the item becomes a record (foreign-record.ts); links join records by their items' ids. What
 * fails at any step joins the batch's bad items with its reason; how every source was matched
 * is counted for the report. Anchoring in the text comes after (reanchor.ts).
 */
import type { Annotation } from '../model/record';
import type { Tagset } from '../model/tagset';
import { creatorRegistry } from './creator-layer';
import type { BadItem, ForeignBatch, ForeignItem, ForeignLink } from './foreign-item';
import { recordFrom, relationOf, type RecordContext } from './foreign-record';
import { irisFor } from './iri';
import { sourceMatcher, type ArticleRef, type MatchedBy, type SourceMatch } from './source-match';

export interface ImportedRecord {
  article: string;
  layer: string;
  record: Annotation;
}

export interface SourceUse {
  source: string;
  article: string;
  by: MatchedBy;
  count: number;
}

export interface Resolved {
  records: ImportedRecord[];
  bad: BadItem[];
  sources: SourceUse[];
}

export interface ResolveContext extends RecordContext {
  match: (source: string | undefined) => SourceMatch | null;
  /** The article holding a quote when exactly one does (quoteIndex), for items whose source names none. */
  byQuote?: (exact: string) => { article: string } | { reason: string };
}

export interface ResolveOptions {
  corpus: string;
  base?: string;
  tagset: Tagset;
  /** The corpus's articles (id and source file), to match sources against. */
  articles: readonly ArticleRef[];
  kindMap?: ReadonlyMap<string, string>;
  sourceMap?: ReadonlyMap<string, string>;
  now: () => Date;
}

export function resolveContext(o: ResolveOptions): ResolveContext {
  const iris = irisFor(o.corpus, o.base);
  const matcher = sourceMatcher(o.articles, iris, o.sourceMap ?? new Map());
  // A file names few sources for many items (each is asked for twice: quotesToFind, resolveBatch): each is matched once.
  const known = new Map<string | undefined, SourceMatch | null>();
  const match = (source: string | undefined): SourceMatch | null => {
    let found = known.get(source);
    if (found === undefined) known.set(source, (found = matcher(source)));
    return found;
  };
  return { tagset: o.tagset, kindMap: o.kindMap ?? new Map(), iris, creators: creatorRegistry(), now: o.now, match };
}

/** The quotes of the items whose source names no article: what a quote pass has to look for. */
export function quotesToFind(batch: ForeignBatch, match: ResolveContext['match']): Set<string> {
  return new Set(batch.items.filter((i) => !match(i.source)).map((i) => i.exact));
}

/** Resolves items one at a time, in file order: each becomes a record, or a bad item with its reason; how sources were matched is counted. */
export function itemResolver(ctx: ResolveContext) {
  const bad: BadItem[] = [];
  const uses = new Map<string, SourceUse>();
  return {
    bad,
    sources: (): SourceUse[] => [...uses.values()],
    item(item: ForeignItem): ImportedRecord | null {
      let found: SourceMatch | null = ctx.match(item.source);
      if (!found) {
        const q = ctx.byQuote?.(item.exact) ?? { reason: 'its source names no article of this corpus' };
        if ('reason' in q) {
          bad.push({ where: item.where, reason: `${q.reason} (source: ${item.source ?? 'none'})` });
          return null;
        }
        found = { article: q.article, by: 'quote' };
      }
      const r = recordFrom(item, found.article, ctx);
      if (!r.ok) {
        bad.push({ where: item.where, reason: r.error });
        return null;
      }
      const key = `${item.source ?? ''}\n${found.article}\n${found.by}`;
      const use = uses.get(key) ?? { source: item.source ?? '(none)', article: found.article, by: found.by, count: 0 };
      use.count++;
      uses.set(key, use);
      return r.value;
    },
  };
}

/** Adds `link` to the record it starts from (`find` gives an imported record by its item's identifier), or its reason to `bad`. */
export function resolveLink(link: ForeignLink, find: (iri: string) => ImportedRecord | undefined, ctx: ResolveContext, bad: BadItem[]): void {
  const from = find(link.from);
  const ours = ctx.iris.parseAnnotation(link.to);
  const to = find(link.to) ?? (ours ? { article: ours.article, record: { id: ours.id } } : null);
  const rel = relationOf(link, ctx);
  if (!from || !to) bad.push({ where: link.where, reason: 'links annotations that are not in this import' });
  else if (!rel.ok) bad.push({ where: link.where, reason: rel.error });
  else from.record.links.push({ to: to.record.id, rel: rel.value, ...(to.article !== from.article ? { article: to.article } : {}) });
}

export function resolveBatch(batch: ForeignBatch, ctx: ResolveContext): Resolved {
  const items = itemResolver(ctx);
  const records: ImportedRecord[] = [];
  const byIri = new Map<string, ImportedRecord>();
  for (const item of batch.items) {
    const record = items.item(item);
    if (!record) continue;
    records.push(record);
    byIri.set(item.iri, record);
  }
  const linkBad: BadItem[] = [];
  for (const link of batch.links) resolveLink(link, (iri) => byIri.get(iri), ctx, linkBad);
  return { records, bad: [...batch.bad, ...items.bad, ...linkBad], sources: items.sources() };
}
