/**
 * Which article of the corpus a foreign annotation's target source names, tried in this order:
 * the `--source-map` (source → article id, the researcher's word wins), one of our article IRIs,
 * an article's own `source` exactly, then the file name at the end of the IRI
 * (`urn:x-seed:000_69c9.txt`, `https://host/texts/000_69c9.txt?x`) against an article's source
 * file or id. A source that names nothing (or no source at all) is matched by its quote when
 * exactly one article of the corpus holds it (quoteIndex). How each item was matched is reported.
 */
import { articleIdFromName } from './article-text';
import type { Iris } from './iri';

export type MatchedBy = 'source map' | 'glose IRI' | 'source' | 'file name' | 'quote';

export interface SourceMatch {
  article: string;
  by: MatchedBy;
}

export interface ArticleRef {
  id: string;
  source: string;
}

/** The file name at the end of an IRI or path, without query or fragment. */
export function fileNameOf(source: string): string {
  return source.replace(/[?#].*$/, '').split(/[/\\:]/).pop() ?? '';
}

export function sourceMatcher(articles: readonly ArticleRef[], iris: Iris, sourceMap: ReadonlyMap<string, string>): (source: string | undefined) => SourceMatch | null {
  const ids = new Set(articles.map((a) => a.id));
  const bySource = new Map(articles.filter((a) => a.source).map((a) => [a.source, a.id]));
  const byName = new Map<string, string>();
  for (const a of articles) {
    byName.set(a.id, a.id);
    if (a.source) byName.set(fileNameOf(a.source), a.id);
  }
  return (source) => {
    if (!source) return null;
    const mapped = sourceMap.get(source);
    if (mapped !== undefined) return ids.has(mapped) ? { article: mapped, by: 'source map' } : null;
    const ours = iris.parseArticle(source);
    if (ours && ids.has(ours)) return { article: ours, by: 'glose IRI' };
    const exact = bySource.get(source);
    if (exact) return { article: exact, by: 'source' };
    const name = fileNameOf(source);
    const named = name ? (byName.get(name) ?? byName.get(articleIdFromName(name))) : undefined;
    return named ? { article: named, by: 'file name' } : null;
  };
}

/** Finds, for each quote, the articles whose text holds it; fed one article text at a time. */
export function quoteIndex(quotes: Iterable<string>): { scan(article: string, text: string): void; match(exact: string): { article: string } | { reason: string } } {
  const found = new Map<string, string[]>([...quotes].filter((q) => q.length > 0).map((q) => [q, []]));
  return {
    scan(article, text) {
      for (const [quote, where] of found) if (text.includes(quote)) where.push(article);
    },
    match(exact) {
      const where = found.get(exact) ?? [];
      if (where.length === 1) return { article: where[0]! };
      if (where.length === 0) return { reason: 'its source names no article of this corpus and its quote is in none' };
      return { reason: `its source names no article of this corpus and its quote is in ${where.length} articles (${where.slice(0, 5).join(', ')}); give a --source-map` };
    },
  };
}
