/**
 * The private feedback between the teachers and one student, as the page uses it: that
 * student's feedback document (shared/model/feedback.ts) opened like any other (IndexedDB
 * first, then the class server, which lets only that student and teachers have it), its
 * valid entries with the author the roster vouches for, when the user last read it, and the
 * two writes: an entry (feedback or an answer) and "I have read it"; and, for the sidebar, a
 * student's threads on their marks of one article.
 */
import { useMemo } from 'react';
import { vouchedAuthor } from '../../shared/model/authorship';
import { feedbackDocName } from '../../shared/model/doc-names';
import { addFeedback, markSeen, readFeedback, seenAt, type FeedbackEntry, type FeedbackTopic } from '../../shared/model/feedback';
import { newId, type Author } from '../../shared/model/record';
import type { RosterEntry } from '../../shared/model/roster';
import { routeHash } from './route';
import { useDoc, useDocValue } from './use-doc';

export interface Feedback {
  ready: boolean;
  entries: FeedbackEntry[];
  /** when the user last read it */
  seen?: string;
  write: (topic: FeedbackTopic, text: string) => void;
  markRead: () => void;
}

/** `student`: whose feedback (null: none, e.g. outside a class); `me`: who writes and reads. */
export function useFeedback(corpus: string, student: string | null, me: Author, roster: ReadonlyMap<string, RosterEntry> | undefined): Feedback {
  const { doc } = useDoc(student ? feedbackDocName(corpus, student) : null);
  const raw = useDocValue(doc, readFeedback);
  const seen = useDocValue(doc, (d) => seenAt(d, me.id), [me.id]);
  const entries = useMemo(() => (raw ?? []).map((e) => ({ ...e, author: vouchedAuthor(e.author.id, roster ?? new Map(), e.author) })), [raw, roster]);
  return {
    ready: doc !== undefined,
    entries,
    seen,
    write: (topic, text) => {
      if (doc) addFeedback(doc, { id: newId(), ...topic, text: text.trim(), author: me, created: new Date().toISOString() });
    },
    markRead: () => {
      const latest = entries.at(-1)?.created;
      if (doc && latest && (seen === undefined || seen < latest)) markSeen(doc, me.id, new Date(Math.max(Date.now(), Date.parse(latest))).toISOString());
    },
  };
}

export interface MarkThread {
  entries: FeedbackEntry[];
  /** the teacher's latest entry */
  latest: FeedbackEntry;
  /** the feedback page at this thread */
  href: string;
}

const NO_THREADS: ReadonlyMap<string, MarkThread> = new Map();

/** A student's feedback threads on their own marks of one article, by annotation id (`student` false: none). */
export function useMarkFeedback(corpus: string, article: string, me: Author, student: boolean): ReadonlyMap<string, MarkThread> {
  const { entries } = useFeedback(corpus, student ? me.id : null, me, undefined);
  return useMemo(() => {
    if (!student) return NO_THREADS;
    const out = new Map<string, MarkThread>();
    for (const e of entries) {
      if (e.article !== article || !e.annotation) continue;
      const thread = out.get(e.annotation) ?? { entries: [], latest: e, href: routeHash({ view: 'feedback', article, focus: e.annotation }) };
      thread.entries.push(e);
      if (e.author.id !== me.id) thread.latest = e;
      out.set(e.annotation, thread);
    }
    // a thread shows under the mark once the teacher has written in it
    for (const [id, thread] of out) if (thread.latest.author.id === me.id) out.delete(id);
    return out;
  }, [entries, article, student, me.id]);
}
