/**
 * Discussion on annotations: replies, agree/disagree votes and open/resolved status. Each is a
 * record in the WRITER's own layer document (ARCHITECTURE.md §2), pointing at the annotation it
 * is `about`, so nobody ever writes someone else's layer and the server can vouch for who said
 * what by document name alone. Maps of a layer:
 * - `replies`: reply id → {about, text, author, created};
 * - `votes`: annotation id → {value, author, at} (keyed by the annotation, so one vote per person);
 * - `statuses`: annotation id → {status, author, at}.
 * Status: the annotation's own `status` field is its initial value; afterwards the most recent
 * status record written by the annotation's owner or by a teacher decides (records by anyone
 * else are ignored). One mechanism for both, since a teacher cannot write a student's layer.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { authorSchema, MAX_NOTE_LENGTH, type Annotation } from './record';
import { LOCAL } from './origins';

const id = z.string().min(1).max(64);
export const replySchema = z.object({ id, about: id, text: z.string().min(1).max(MAX_NOTE_LENGTH), author: authorSchema, created: z.iso.datetime() });
export const voteSchema = z.object({ about: id, value: z.enum(['agree', 'disagree']), author: authorSchema, at: z.iso.datetime() });
export const statusRecordSchema = z.object({ about: id, status: z.enum(['open', 'resolved']), author: authorSchema, at: z.iso.datetime() });

export type Reply = z.infer<typeof replySchema>;
export type Vote = z.infer<typeof voteSchema>;
export type VoteValue = Vote['value'];
export type StatusRecord = z.infer<typeof statusRecordSchema>;
export type Status = StatusRecord['status'];

export interface DiscussionRead {
  replies: Reply[];
  votes: Vote[];
  statuses: StatusRecord[];
  /** records that failed validation, skipped */
  invalid: number;
}

const maps = { replies: 'replies', votes: 'votes', statuses: 'statuses' } as const;

function readMap<T>(layer: Y.Doc, name: string, schema: z.ZodType<T>, key: 'id' | 'about', out: T[]): number {
  let invalid = 0;
  layer.getMap<unknown>(name).forEach((value, k) => {
    const parsed = schema.safeParse(value && typeof value === 'object' ? { ...value, [key]: k } : value);
    if (parsed.success) out.push(parsed.data);
    else invalid++;
  });
  return invalid;
}

/** The discussion records of one layer, validated; malformed ones are counted and skipped. */
export function readDiscussion(layer: Y.Doc): DiscussionRead {
  const read: DiscussionRead = { replies: [], votes: [], statuses: [], invalid: 0 };
  read.invalid += readMap(layer, maps.replies, replySchema, 'id', read.replies);
  read.invalid += readMap(layer, maps.votes, voteSchema, 'about', read.votes);
  read.invalid += readMap(layer, maps.statuses, statusRecordSchema, 'about', read.statuses);
  return read;
}

/** The Yjs types a user's undo covers besides annotations: their own discussion records. */
export function discussionTypes(layer: Y.Doc): Y.Map<unknown>[] {
  return Object.values(maps).map((name) => layer.getMap<unknown>(name));
}

function write(layer: Y.Doc, name: string, key: string, value: object | null): void {
  layer.transact(() => (value ? layer.getMap<unknown>(name).set(key, value) : layer.getMap<unknown>(name).delete(key)), LOCAL);
}

export function addReply(layer: Y.Doc, reply: Reply): void {
  const { id: key, ...rest } = replySchema.parse(reply);
  write(layer, maps.replies, key, rest);
}

export function deleteReply(layer: Y.Doc, replyId: string): void {
  write(layer, maps.replies, replyId, null);
}

/** Sets (or with null, withdraws) the author's vote on annotation `about`. */
export function setVote(layer: Y.Doc, vote: Vote | { about: string; value: null }): void {
  if (vote.value === null) return write(layer, maps.votes, vote.about, null);
  const { about, ...rest } = voteSchema.parse(vote);
  write(layer, maps.votes, about, rest);
}

export function setStatus(layer: Y.Doc, record: StatusRecord): void {
  const { about, ...rest } = statusRecordSchema.parse(record);
  write(layer, maps.statuses, about, rest);
}

export interface OwnedRead {
  owner: string;
  read: DiscussionRead;
}

export interface Thread {
  replies: (Reply & { owner: string })[];
  agree: number;
  disagree: number;
  /** the current user's vote */
  mine?: VoteValue;
  /** latest status record from someone allowed to decide, if any */
  status?: StatusRecord & { owner: string };
}

/**
 * Gathers the discussion of every layer by annotation id. `canDecide(annotationOwner, writer)`
 * says whether a writer's status record counts; `ownerOf` maps an annotation id to its layer's owner.
 */
export function buildThreads(reads: OwnedRead[], me: string, ownerOf: (about: string) => string | undefined, canDecide: (annotationOwner: string, writer: string) => boolean): Map<string, Thread> {
  const threads = new Map<string, Thread>();
  const get = (about: string) => {
    let t = threads.get(about);
    if (!t) threads.set(about, (t = { replies: [], agree: 0, disagree: 0 }));
    return t;
  };
  for (const { owner, read } of reads) {
    for (const r of read.replies) get(r.about).replies.push({ ...r, owner });
    for (const v of read.votes) {
      const t = get(v.about);
      t[v.value]++;
      if (owner === me) t.mine = v.value;
    }
    for (const s of read.statuses) {
      const annotationOwner = ownerOf(s.about);
      if (annotationOwner === undefined || !canDecide(annotationOwner, owner)) continue;
      const t = get(s.about);
      if (!t.status || s.at > t.status.at) t.status = { ...s, owner };
    }
  }
  for (const t of threads.values()) t.replies.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  return threads;
}

export function effectiveStatus(annotation: Annotation, thread: Thread | undefined): Status {
  return thread?.status?.status ?? annotation.status;
}
