/**
 * The flat, one-row-per-annotation view shared by the JSONL and CSV exports: article, layer,
 * id, kind, code point offsets, quote with context, note, author, dates, status and links
 * (`rel:to` or `rel:article/to` across articles, separated by spaces), then its discussion
 * (discussion-export.ts): counts of replies, agree and disagree votes, the replies and votes
 * themselves, and, only when the export asks for it, the teachers' private feedback on it.
 */
import type { Annotation } from '../model/record';
import { discussionOf, type AnnotationDiscussion, type ThreadItem, type VoteItem } from './discussion-export';
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
  replies: number;
  agree: number;
  disagree: number;
  thread: ThreadItem[];
  votes: VoteItem[];
  feedback?: ThreadItem[];
}

export const FLAT_COLUMNS: (keyof FlatRecord)[] = [
  'article', 'layer', 'id', 'kind', 'start', 'end', 'exact', 'prefix', 'suffix', 'note',
  'author_id', 'author_name', 'created', 'modified', 'status', 'links', 'replies', 'agree', 'disagree', 'thread', 'votes',
];

/** The columns of an export, with `feedback` last when it is included. */
export function flatColumns(feedback: boolean): (keyof FlatRecord)[] {
  return feedback ? [...FLAT_COLUMNS, 'feedback'] : FLAT_COLUMNS;
}

function flat(article: string, layer: string, a: Annotation, talk: AnnotationDiscussion): FlatRecord {
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
    replies: talk.replies.length,
    agree: talk.votes.filter((v) => v.value === 'agree').length,
    disagree: talk.votes.filter((v) => v.value === 'disagree').length,
    thread: talk.replies,
    votes: talk.votes,
    ...(talk.feedback ? { feedback: talk.feedback } : {}),
  };
}

/** `feedback`: include the private feedback (the export asked for it). */
export function flatRecords(entry: ArticleSnapshot, feedback = false): FlatRecord[] {
  const talk = discussionOf(entry, feedback);
  return sortedArticle(entry).layers.flatMap((layer) => layer.annotations.map((a) => flat(entry.article.id, layer.owner, a, talk(layer.owner, a.id))));
}
