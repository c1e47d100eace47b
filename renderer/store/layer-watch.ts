/**
 * Watches one layer document and reports what changed in it, record by record: the annotation
 * records written, changed or deleted since the last report (each validated once, when it
 * changes; a record that stops being valid counts as deleted and is listed as invalid), and
 * whether its discussion records (replies, votes, statuses) changed. Every record and reply is
 * given the author `authorOf` vouches for (the layer's owner as the roster names them,
 * shared/model/authorship.ts), never the one it claims. DOM-free: it works on any Y.Doc, in
 * the page or in a unit test.
 */
import type * as Y from 'yjs';
import { discussionTypes, readDiscussion, type DiscussionRead } from '../../shared/model/discussion';
import { annotationsMap, checkRecord } from '../../shared/model/layer';
import type { Annotation, Author } from '../../shared/model/record';

export interface RecordChanges {
  /** records created or changed, as they are now */
  upserted: Annotation[];
  /** ids of the records deleted or no longer valid */
  deleted: string[];
}

export interface LayerWatch {
  readonly records: ReadonlyMap<string, Annotation>;
  /** records that failed validation, by id, with the reason; left untouched in the document */
  readonly invalid: ReadonlyMap<string, string>;
  /** the layer's discussion, read again only after it changed */
  discussion(): DiscussionRead;
  stop(): void;
}

/** Starts watching `doc`; the records already there are in `records` (no change is reported for them). */
export function watchLayer(doc: Y.Doc, onRecords: (changes: RecordChanges) => void, onDiscussion: () => void, authorOf: (claimed: Author) => Author = (a) => a): LayerWatch {
  const map = annotationsMap(doc);
  const records = new Map<string, Annotation>();
  const invalid = new Map<string, string>();
  let discussion: DiscussionRead | null = null;

  /** Validates record `id` again; returns the change it makes to the valid set. */
  const revisit = (id: string, changes: RecordChanges) => {
    const value = map.get(id);
    const checked = value === undefined ? null : checkRecord(id, value);
    invalid.delete(id);
    if (checked?.ok) {
      const record = { ...checked.value, author: authorOf(checked.value.author) };
      records.set(id, record);
      changes.upserted.push(record);
      return;
    }
    if (checked) invalid.set(id, checked.error);
    if (records.delete(id)) changes.deleted.push(id);
  };
  map.forEach((_, id) => revisit(id, { upserted: [], deleted: [] }));

  const onAnnotations = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === map) for (const key of event.keys.keys()) touched.add(key);
      else if (typeof event.path[0] === 'string') touched.add(event.path[0]);
    }
    const changes: RecordChanges = { upserted: [], deleted: [] };
    for (const id of touched) revisit(id, changes);
    if (changes.upserted.length || changes.deleted.length) onRecords(changes);
  };
  const onDiscussionChange = () => {
    discussion = null;
    onDiscussion();
  };
  map.observeDeep(onAnnotations);
  const others = discussionTypes(doc);
  for (const type of others) type.observeDeep(onDiscussionChange);

  return {
    records,
    invalid,
    discussion: () => (discussion ??= vouched(readDiscussion(doc), authorOf)),
    stop() {
      map.unobserveDeep(onAnnotations);
      for (const type of others) type.unobserveDeep(onDiscussionChange);
    },
  };
}

export function vouched(read: DiscussionRead, authorOf: (claimed: Author) => Author): DiscussionRead {
  const vouch = <T extends { author: Author }>(items: T[]) => items.map((item) => ({ ...item, author: authorOf(item.author) }));
  return { ...read, replies: vouch(read.replies), votes: vouch(read.votes), statuses: vouch(read.statuses) };
}
