/**
 * Presence in a class: who is online, which article each has open and what they have selected,
 * carried by Yjs awareness on the corpus document; the teacher also shares where they are reading
 * (`scroll`) for the projector's "follow me". Selection and scroll updates are throttled
 * because awareness traffic grows with the square of the room size. The server adds each
 * state's `role`, and sends the projector states without names unless the teacher shows them.
 */
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { authorSchema } from '../../shared/model/record';
import { roleSchema, type Role } from '../../shared/protocol/roles';
import { onSyncChange, presence, useSyncStatus } from './sync';

export const peerStateSchema = z.object({
  /** the name is absent at a projector that does not show names */
  user: authorSchema.partial({ name: true }),
  article: z.string().max(64).nullable(),
  /** canonical code point offsets of the selection in `article` */
  selection: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).nullable(),
  /** the teacher's place in `article`: code point offset of the first text in view */
  scroll: z.number().int().nonnegative().nullable().optional(),
  /** added by the server from the peer's token */
  role: roleSchema.optional(),
});

export type PeerState = z.infer<typeof peerStateSchema>;

const SELECTION_INTERVAL_MS = 500;
const SCROLL_INTERVAL_MS = 300;

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

/** A field announced at most once per interval (the latest value wins). */
function throttled<K extends 'selection' | 'scroll'>(key: K, interval: number): (value: PeerState[K]) => void {
  let pending: PeerState[K];
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (value) => {
    pending = value;
    timer ??= setTimeout(() => {
      timer = null;
      announce({ [key]: pending ?? null });
    }, interval);
  };
}

/** Shares the selection, at most twice a second. */
export const announceSelection = throttled('selection', SELECTION_INTERVAL_MS);

/** Shares where the teacher is reading (null: not shared), at most about three times a second. */
export const announceScroll = throttled('scroll', SCROLL_INTERVAL_MS);

/**
 * Whose presence the user is shown: while the class is blind, a student (and the projector) sees
 * the teacher's but no classmate's (the server sends none; this also covers states received
 * before blind was on).
 */
export function shownPeers(peers: readonly PeerState[], role: Role | null, blind: boolean): PeerState[] {
  return blind && (role === 'student' || role === 'observer') ? peers.filter((p) => p.role === 'teacher') : [...peers];
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
