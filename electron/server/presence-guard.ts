/**
 * Presence (Yjs awareness) bound to the connection. A connection may set only its own entries:
 * the client ids it used first (at most two, a provider's id can change once), never one another
 * user's connection of the document already uses. A page that reconnects (a new socket while the
 * server has not yet seen the old one close) takes its id over from its own old connection, which
 * then no longer removes that presence when it closes: before, the teacher showed as away to the
 * class until their next renewal, up to 15 s. Each state is size-capped and must have the app's
 * presence shape; its `user` is rewritten from the token and the server-written roster, so a
 * name or colour cannot be forged; a scroll position is kept from the teacher only. Updates
 * beyond the per-connection rate are dropped, and a frame
 * too big to be a presence update is refused before Hocuspocus decodes it.
 */
import type { Connection, Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { z } from 'zod';
import { rosterEntrySchema, rosterMap } from '../../shared/model/roster';
import { Bucket, buckets, type Quotas } from './quotas';
import { Refusal } from './reasons';
import type { SessionContext } from './sync-server';

const AWARENESS = 1;
const MAX_IDS_PER_CONNECTION = 2;

export const presenceSchema = z.strictObject({
  user: z.unknown().optional(),
  article: z.string().max(64).nullable().optional(),
  selection: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).nullable().optional(),
  /** where the teacher is reading (code point offset of the first text in view), for the projector's "follow me" */
  scroll: z.number().int().nonnegative().nullable().optional(),
});

function isAwarenessFrame(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === AWARENESS;
  } catch {
    return false; // the write guard closes unreadable frames
  }
}

export function presenceGuard(quotas: Quotas, now: () => number): Extension {
  const rate = buckets<Connection>(() => new Bucket(quotas.awarenessBurst, quotas.awarenessPerSecond, now), new WeakMap());
  return {
    extensionName: 'glose-presence-guard',
    priority: 190,
    async beforeHandleMessage({ update: frame }) {
      // one client's state plus the update's framing; 8 states' worth covers a reconnecting provider
      if (frame.length > 8 * quotas.maxAwarenessBytes && isAwarenessFrame(frame)) throw new Refusal('quota-awareness', 4413);
    },
    async beforeHandleAwareness({ states, connection, document, context }) {
      if (!connection) return; // the server's own
      const claims = (context as SessionContext | undefined)?.claims;
      if (!claims || !rate(connection).take(1)) return void states.clear();
      const mine = document.getClients(connection);
      /** The other connection of the document that uses `id`: asked only of a new id (O(room)), never of one already bound. */
      const holderOf = (id: number) => document.getConnections().find((c) => c !== connection && document.getClients(c).has(id));
      const userOf = (c: Connection) => (c.context as SessionContext | undefined)?.claims.user;
      const roster = rosterEntrySchema.safeParse(rosterMap(document).get(claims.user));
      const entry = roster.success ? roster.data : null;
      for (const [id, state] of states) {
        // an empty state says nothing (Hocuspocus's own scratch Awareness added one; awareness-scratch.ts does not): drop it
        if (Object.keys(state).length === 0) {
          states.delete(id);
          continue;
        }
        const holder = mine.has(id) ? undefined : holderOf(id);
        // the same user's page reconnecting: its new connection takes the id over from the old one
        const takeover = holder !== undefined && userOf(holder) === claims.user;
        const bindable = mine.has(id) || (mine.size < MAX_IDS_PER_CONNECTION && (!holder || takeover));
        const fits = JSON.stringify(state).length <= quotas.maxAwarenessBytes && presenceSchema.safeParse(state).success;
        if (!bindable || !fits) {
          states.delete(id);
          continue;
        }
        // the old connection, closed later, no longer takes this presence away with it
        if (takeover) document.getClients(holder).delete(id);
        mine.add(id);
        // only the teacher is followed: nobody else's scroll position travels
        const { scroll, ...rest } = state;
        states.set(id, { ...rest, ...(claims.role === 'teacher' && scroll !== undefined ? { scroll } : {}), user: { id: claims.user, name: entry?.name ?? claims.user, color: entry?.color ?? '#767676' }, role: claims.role });
      }
    },
  };
}
