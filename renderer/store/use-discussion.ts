/**
 * The discussion of an open article: threads gathered from every visible layer (replies, votes,
 * status records, see shared/model/discussion.ts) and the user's discussion actions, which
 * write only to the user's own layer with the LOCAL origin (so Ctrl+Z undoes them too).
 * The action callbacks keep one identity for the life of the view: memoised lists stay memoised.
 */
import { useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import { addReply, buildThreads, deleteReply, readDiscussion, setStatus, setVote, type Status, type Thread, type VoteValue } from '../../shared/model/discussion';
import { withVouchedAuthors } from '../../shared/model/authorship';
import { newId, type Author } from '../../shared/model/record';
import type { Role } from '../../shared/model/roster';
import type { LayerView } from './article-layers';
import type { Placement } from './placed-annotations';

export type RoleOf = (userId: string) => Role | undefined;

const reads = new WeakMap<Y.Doc, { read: ReturnType<typeof readDiscussion>; at: LayerView['read'] }>();

/** Reads a layer's discussion again only when that layer has changed (a new LayerView read). */
function discussionOf(layer: LayerView) {
  const cached = reads.get(layer.doc);
  if (cached && cached.at === layer.read) return cached.read;
  const raw = readDiscussion(layer.doc);
  const vouch = <T extends { author: Author }>(items: T[]) => withVouchedAuthors(items, layer.owner, layer.roster);
  const read = { ...raw, replies: vouch(raw.replies), votes: vouch(raw.votes), statuses: vouch(raw.statuses) };
  reads.set(layer.doc, { read, at: layer.read });
  return read;
}

export function useThreads(layers: LayerView[] | undefined, placement: Placement | null, me: string, roleOf: RoleOf): Map<string, Thread> {
  return useMemo(() => {
    if (!layers || !placement) return new Map();
    const owners = new Map<string, string>();
    for (const p of [...placement.placed, ...placement.orphans]) owners.set(p.annotation.id, p.owner);
    const canDecide = (annotationOwner: string, writer: string) => writer === annotationOwner || roleOf(writer) === 'teacher';
    return buildThreads(layers.map((l) => ({ owner: l.owner, read: discussionOf(l) })), me, (id) => owners.get(id), canDecide);
  }, [layers, placement, me, roleOf]);
}

export interface DiscussionActions {
  reply: (about: string, text: string) => void;
  deleteReply: (id: string) => void;
  vote: (about: string, value: VoteValue | null) => void;
  setStatus: (about: string, status: Status) => void;
}

export function useDiscussionActions(layerDoc: Y.Doc | undefined, user: Author, onError: (error: unknown) => void): DiscussionActions {
  const latest = useRef({ layerDoc, user, onError });
  latest.current = { layerDoc, user, onError };
  return useMemo(() => {
    const run = (write: (layer: Y.Doc, author: Author, now: string) => void) => {
      const { layerDoc: layer, user: author, onError: fail } = latest.current;
      if (!layer) return;
      try {
        write(layer, author, new Date().toISOString());
      } catch (error) {
        fail(error);
      }
    };
    return {
      reply: (about, text) => run((layer, author, now) => addReply(layer, { id: newId(), about, text, author, created: now })),
      deleteReply: (id) => run((layer) => deleteReply(layer, id)),
      vote: (about, value) => run((layer, author, at) => setVote(layer, value === null ? { about, value } : { about, value, author, at })),
      setStatus: (about, status) => run((layer, author, at) => setStatus(layer, { about, status, author, at })),
    };
  }, []);
}
