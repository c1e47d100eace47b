/**
 * The user's discussion actions on an open article (replies, votes, status records, see
 * shared/model/discussion.ts; the threads themselves are in the article state), which
 * write only to the user's own layer with the LOCAL origin (so Ctrl+Z undoes them too).
 * The action callbacks keep one identity for the life of the view: memoised lists stay memoised.
 */
import { useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import { addReply, deleteReply, setStatus, setVote, type Status, type VoteValue } from '../../shared/model/discussion';
import { newId, type Author } from '../../shared/model/record';

export interface DiscussionActions {
  reply: (about: string, text: string) => void;
  deleteReply: (id: string) => void;
  vote: (about: string, value: VoteValue | null) => void;
  setStatus: (about: string, status: Status) => void;
}

export function useDiscussionActions(layerDoc: () => Y.Doc | undefined, user: Author, onError: (error: unknown) => void): DiscussionActions {
  const latest = useRef({ layerDoc, user, onError });
  latest.current = { layerDoc, user, onError };
  return useMemo(() => {
    const run = (write: (layer: Y.Doc, author: Author, now: string) => void) => {
      const { layerDoc: layerOf, user: author, onError: fail } = latest.current;
      // asked for at the write (an article shown from its snapshot gets its document then)
      const layer = layerOf();
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
