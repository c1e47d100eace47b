/**
 * Presence in a class: who is online, which article each has open and what they have selected,
 * carried by Yjs awareness on the corpus document. Selection updates are throttled (at most two
 * a second) because awareness traffic grows with the square of the room size.
 */
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { authorSchema } from '../../shared/model/record';
import { roleSchema, type Role } from '../../shared/protocol/roles';
import { onSyncChange, presence, useSyncStatus } from './sync';

export const peerStateSchema = z.object({
  user: authorSchema,
  article: z.string().max(64).nullable(),
  /** canonical code point offsets of the selection in `article` */
  selection: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).nullable(),
  /** written by the class server from the person's pass */
  role: roleSchema.optional(),
});

export type PeerState = z.infer<typeof peerStateSchema>;

const SELECTION_INTERVAL_MS = 500;
let pendingSelection: PeerState['selection'] | undefined;
let selectionTimer: ReturnType<typeof setTimeout> | null = null;

/** What this user announces; kept so it can be (re)sent once the connection exists. */
const local: Partial<PeerState> = {};

function publishLocal(): void {
  const awareness = presence();
  if (!awareness) return;
  const current = awareness.getLocalState() ?? {};
  for (const [key, value] of Object.entries(local)) if (current[key] !== value) awareness.setLocalStateField(key, value);
}

onSyncChange(publishLocal);

export function announce(fields: Partial<PeerState>): void {
  Object.assign(local, fields);
  publishLocal();
}

/** Shares the selection, at most once per interval (the latest one wins). */
export function announceSelection(selection: PeerState['selection']): void {
  pendingSelection = selection;
  if (selectionTimer) return;
  selectionTimer = setTimeout(() => {
    selectionTimer = null;
    announce({ selection: pendingSelection ?? null });
  }, SELECTION_INTERVAL_MS);
}

/**
 * Whose presence the user is shown: while the class is blind, a student sees the teacher's but no
 * classmate's (the server sends none; this also covers states received before blind was on).
 */
export function shownPeers(peers: readonly PeerState[], role: Role | null, blind: boolean): PeerState[] {
  return blind && role === 'student' ? peers.filter((p) => p.role === 'teacher') : [...peers];
}

/** Everyone else present, validated (a malformed state from the network is ignored). */
export function usePeers(): PeerState[] {
  const status = useSyncStatus();
  const awareness = status ? presence() : null;
  const [peers, setPeers] = useState<PeerState[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const read = () => {
      const out: PeerState[] = [];
      awareness.getStates().forEach((state, client) => {
        if (client === awareness.clientID) return;
        const parsed = peerStateSchema.safeParse(state);
        if (parsed.success) out.push(parsed.data);
      });
      setPeers(out);
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);
  return peers;
}
