/**
 * The discussion of each annotation as the research exports write it (issue 12, item 7): the
 * replies and votes found in every layer of the article (a reply or vote lives in its writer's
 * layer and points at the annotation by id, shared/model/discussion.ts), and, when the export
 * asks for it, the private feedback between the teachers and the annotation's author about
 * that annotation (shared/model/feedback.ts). Lists are in time order, ties by id.
 */
import type { ArticleSnapshot } from './types';

export interface ThreadItem {
  id: string;
  author_id: string;
  author_name: string;
  created: string;
  text: string;
}

export interface VoteItem {
  author_id: string;
  author_name: string;
  value: 'agree' | 'disagree';
  at: string;
}

export interface AnnotationDiscussion {
  replies: ThreadItem[];
  votes: VoteItem[];
  /** present only when the export includes feedback */
  feedback?: ThreadItem[];
}

const byTime = (a: { created?: string; at?: string; id?: string; author_id: string }, b: typeof a): number =>
  (a.created ?? a.at ?? '').localeCompare(b.created ?? b.at ?? '') || (a.id ?? a.author_id).localeCompare(b.id ?? b.author_id);

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** The discussion of an annotation of `entry` by layer owner and id; `feedback`: include feedback. */
export function discussionOf(entry: ArticleSnapshot, feedback: boolean): (owner: string, id: string) => AnnotationDiscussion {
  const replies = new Map<string, ThreadItem[]>();
  const votes = new Map<string, VoteItem[]>();
  const notes = new Map<string, ThreadItem[]>();
  for (const layer of entry.layers) {
    for (const r of layer.replies ?? []) push(replies, r.about, { id: r.id, author_id: r.author.id, author_name: r.author.name, created: r.created, text: r.text });
    for (const v of layer.votes ?? []) push(votes, v.about, { author_id: v.author.id, author_name: v.author.name, value: v.value, at: v.at });
  }
  for (const { student, entries } of feedback ? (entry.feedback ?? []) : []) {
    for (const e of entries) {
      if (e.article === entry.article.id && e.annotation !== undefined) {
        push(notes, `${student}/${e.annotation}`, { id: e.id, author_id: e.author.id, author_name: e.author.name, created: e.created, text: e.text });
      }
    }
  }
  for (const list of [...replies.values(), ...votes.values(), ...notes.values()]) list.sort(byTime);
  return (owner, id) => ({
    replies: replies.get(id) ?? [],
    votes: votes.get(id) ?? [],
    ...(feedback ? { feedback: notes.get(`${owner}/${id}`) ?? [] } : {}),
  });
}
