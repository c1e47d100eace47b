/**
 * What students wrote to their teachers that this teacher has not read: for each student, the
 * entries they wrote in their own feedback document (shared/model/feedback.ts) after the
 * teacher last read it. The teacher's dashboard shows them, so a question a student asks
 * (feedback/FeedbackView.tsx: a student may write on their work as a whole at any time, and
 * answer any thread) is seen during the lesson, not found later. Each document is opened once
 * and re-read when it changes; reading a student's page marks it read (the teacher's `seen`).
 * Times are the writers' clocks, as for the student's own unread count: a student whose clock
 * runs behind the teacher's can hide only their own messages from this count.
 */
import { useEffect, useState } from 'react';
import { feedbackDocName } from '../../../shared/model/doc-names';
import { readFeedback, seenAt, unreadCount } from '../../../shared/model/feedback';
import { watchDocs } from '../watch-docs';

/** Unread messages by student id (students with none are left out). */
export function useStudentMessages(corpus: string, me: string, students: readonly string[]): ReadonlyMap<string, number> {
  const [unread, setUnread] = useState<ReadonlyMap<string, number>>(new Map());
  const key = students.join(',');
  useEffect(() => {
    const students = new Map((key ? key.split(',') : []).map((student) => [feedbackDocName(corpus, student), student]));
    const stop = watchDocs([...students.keys()], (name, doc) => {
      const student = students.get(name)!;
      const n = unreadCount(readFeedback(doc).filter((e) => e.author.id === student), me, seenAt(doc, me));
      setUnread((old) => {
        if ((old.get(student) ?? 0) === n) return old;
        const next = new Map(old);
        if (n > 0) next.set(student, n);
        else next.delete(student);
        return next;
      });
    });
    return () => {
      stop();
      setUnread(new Map());
    };
  }, [corpus, me, key]);
  return unread;
}
