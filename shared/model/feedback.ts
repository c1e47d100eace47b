/**
 * Private feedback between the teacher(s) and one student (issue 12, item 4). It lives in the
 * student's own feedback document (`corpus/<cid>/feedback/<student>`, doc-names.ts), which the
 * server lets only that student and teachers open, so nobody else's laptop ever receives it.
 * Maps of the document:
 * - `feedback`: entry id → {article?, annotation?, text, author, created}: a comment on one of
 *   the student's marks (article + annotation), on their work on one article (article), or on
 *   their work as a whole (neither); entries about the same thing form its thread, in time order;
 * - `seen`: user id → {at}: when that user last read the document (the unread count).
 * The server checks every entry (feedback-check.ts): the schema below, the author is the writer
 * of the token, and nobody changes or deletes someone else's entry. An entry by anyone but the
 * student is by a teacher (only they may write here).
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { idSchema } from '../protocol/fields';
import { LOCAL } from './origins';
import { authorSchema } from './record';

/** Longest feedback text, characters (a comment, not an essay). */
export const MAX_FEEDBACK_LENGTH = 4_000;

export const FEEDBACK_ROOT = 'feedback';
export const SEEN_ROOT = 'seen';

export const feedbackEntrySchema = z.object({
  id: idSchema,
  article: idSchema.optional(),
  annotation: idSchema.optional(),
  text: z.string().trim().min(1).max(MAX_FEEDBACK_LENGTH),
  author: authorSchema,
  created: z.iso.datetime(),
});

export const seenSchema = z.object({ user: idSchema, at: z.iso.datetime() });

export type FeedbackEntry = z.infer<typeof feedbackEntrySchema>;

/** What a thread is about: one mark, one article's work, or the whole work. */
export interface FeedbackTopic {
  article?: string;
  annotation?: string;
}

export function topicKey(topic: FeedbackTopic): string {
  return `${topic.article ?? ''}/${topic.annotation ?? ''}`;
}

export function feedbackMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FEEDBACK_ROOT);
}

/** The valid entries of a feedback document, oldest first; malformed ones are skipped. */
export function readFeedback(doc: Y.Doc): FeedbackEntry[] {
  const out: FeedbackEntry[] = [];
  feedbackMap(doc).forEach((value, id) => {
    const parsed = feedbackEntrySchema.safeParse(value && typeof value === 'object' ? { ...value, id } : value);
    if (parsed.success && (parsed.data.annotation === undefined || parsed.data.article !== undefined)) out.push(parsed.data);
  });
  return out.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
}

/** Entries grouped by topic (topicKey), each thread oldest first. */
export function feedbackThreads(entries: FeedbackEntry[]): Map<string, FeedbackEntry[]> {
  const threads = new Map<string, FeedbackEntry[]>();
  for (const entry of entries) {
    const key = topicKey(entry);
    threads.set(key, [...(threads.get(key) ?? []), entry]);
  }
  return threads;
}

export function addFeedback(doc: Y.Doc, entry: FeedbackEntry): void {
  const { id, ...rest } = feedbackEntrySchema.parse(entry);
  doc.transact(() => feedbackMap(doc).set(id, rest), LOCAL);
}

/** When `user` last read the document (ISO time), or undefined. */
export function seenAt(doc: Y.Doc, user: string): string | undefined {
  const parsed = seenSchema.safeParse({ ...(doc.getMap(SEEN_ROOT).get(user) as object | undefined), user });
  return parsed.success ? parsed.data.at : undefined;
}

export function markSeen(doc: Y.Doc, user: string, at: string): void {
  const { user: key, ...rest } = seenSchema.parse({ user, at });
  doc.transact(() => doc.getMap(SEEN_ROOT).set(key, rest), LOCAL);
}

/** Entries by someone other than `user` written after `user` last read the document. */
export function unreadCount(entries: FeedbackEntry[], user: string, seen: string | undefined): number {
  return entries.filter((e) => e.author.id !== user && (seen === undefined || e.created > seen)).length;
}
