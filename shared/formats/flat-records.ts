/**
 * The flat, one-row-per-annotation view shared by the JSONL and CSV exports: article, layer,
 * id, kind, code point offsets, quote with context, note, author, dates, status and links
 * (`rel:to` or `rel:article/to` across articles, separated by spaces).
 */
import type { Annotation } from '../model/record';
import type { ArticleSnapshot } from './types';
import { sortedArticle } from './types';

export interface FlatRecord {
  article: string;
  layer: string;
  id: string;
  kind: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  author_id: string;
  author_name: string;
  created: string;
  modified: string;
  status: string;
  links: string;
}

export const FLAT_COLUMNS: (keyof FlatRecord)[] = [
  'article', 'layer', 'id', 'kind', 'start', 'end', 'exact', 'prefix', 'suffix', 'note',
  'author_id', 'author_name', 'created', 'modified', 'status', 'links',
];

function flat(article: string, layer: string, a: Annotation): FlatRecord {
  return {
    article,
    layer,
    id: a.id,
    kind: a.kind,
    start: a.target.start,
    end: a.target.end,
    exact: a.target.exact,
    prefix: a.target.prefix,
    suffix: a.target.suffix,
    note: a.note,
    author_id: a.author.id,
    author_name: a.author.name,
    created: a.created,
    modified: a.modified,
    status: a.status,
    links: a.links.map((l) => `${l.rel}:${l.article ? `${l.article}/` : ''}${l.to}`).join(' '),
  };
}

export function flatRecords(entry: ArticleSnapshot): FlatRecord[] {
  return sortedArticle(entry).layers.flatMap((layer) => layer.annotations.map((a) => flat(entry.article.id, layer.owner, a)));
}
