/**
 * Links as the article view shows them: each end of a link (shared/model/relations.ts) with
 * the quote and kind of the annotation at the other end and, when that is in another article,
 * the article's title. Ends in other articles are known once the corpus has been read
 * (corpus-annotations.ts); until then they show without a quote. An end in an article with
 * versions says which version it is in (a link made to a mark not carried yet points at the older one).
 */
import type { Annotation } from '../../shared/model/record';
import type { Article } from '../../shared/model/corpus';
import { indexLinks, type LinkEnd, type Located } from '../../shared/model/relations';
import { articleVersions, type VersionOf } from './version-titles';

export interface ShownLink extends LinkEnd {
  quote?: string;
  kind?: string;
  /** set when the other end is in another article */
  articleTitle?: string;
  /** set when that article has versions: which one the end is in */
  articleVersion?: VersionOf;
}

const QUOTE = 80;

export function shortQuote(a: Annotation, max = QUOTE): string {
  const exact = a.target.exact.replace(/\s+/g, ' ');
  return exact.length > max ? `${exact.slice(0, max - 1)}…` : exact;
}

/** The quote cut at the last word boundary that fits in `max` characters (a map label). */
export function wordQuote(a: Annotation, max: number): string {
  const exact = a.target.exact.replace(/\s+/g, ' ');
  if (exact.length <= max) return exact;
  const cut = exact.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Links of every annotation of `article`, resolved against `all` (this article's annotations
 * plus, once loaded, the rest of the corpus). Duplicates (the same record seen twice) are merged.
 */
export function showLinks(article: string, all: Located[], articles: Article[]): Map<string, ShownLink[]> {
  const byId = new Map<string, Located>();
  for (const l of all) byId.set(l.annotation.id, l);
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const versions = articleVersions(articles);
  const out = new Map<string, ShownLink[]>();
  for (const [id, ends] of indexLinks(byId.values())) {
    if (byId.get(id)?.article !== article) continue;
    out.set(
      id,
      ends.map((end) => {
        const other = byId.get(end.id);
        const elsewhere = end.article !== article;
        return { ...end, quote: other && shortQuote(other.annotation), kind: other?.annotation.kind, articleTitle: elsewhere ? titles.get(end.article) : undefined, articleVersion: elsewhere ? versions.get(end.article) : undefined };
      }),
    );
  }
  return out;
}
