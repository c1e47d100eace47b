/**
 * What one connection (one socket), and one user on all their sockets, may ask of the server's
 * documents. Open documents: a slot of the socket and one of its user (the token's user id) are
 * taken when a document is granted, before Hocuspocus loads it, and given back when that
 * document's connection closes; beyond either quota the open is refused `quota-documents`, however
 * fast it asks — so opening more sockets does not open more documents (each costs the server a
 * few KB even empty; user ids are the server's, one per member of a roster of at most
 * `maxRoster`). Refused opens (unknown article, other corpus, bad token…): the first ones are
 * answered at once, later ones only after a delay, so a burst of thousands of invented names
 * piles up in Hocuspocus's pending-documents limit (`maxPendingDocuments`), which closes the
 * socket, instead of costing the server a refusal each.
 */
import { Refusal } from './reasons';

interface Budget {
  open: number;
  refused: number;
}

export function socketBudget(quotas: { documentsPerConnection: number; documentsPerUser: number; refusedOpensPerConnection: number }, tarpitMs = 2_000) {
  const sockets = new Map<string, Budget>();
  /** documents open per user, all their sockets together (absent: none) */
  const users = new Map<string, number>();
  const budget = (socketId: string): Budget => {
    let b = sockets.get(socketId);
    if (!b) {
      if (sockets.size > 10_000) for (const [id, old] of sockets) if (old.open === 0) sockets.delete(id);
      sockets.set(socketId, (b = { open: 0, refused: 0 }));
    }
    return b;
  };
  return {
    take(socketId: string, user: string): void {
      const b = budget(socketId);
      const held = users.get(user) ?? 0;
      if (b.open >= quotas.documentsPerConnection || held >= quotas.documentsPerUser) throw new Refusal('quota-documents');
      b.open++;
      users.set(user, held + 1);
    },
    /** `user`: the connection's, when it was granted (a refused one took nothing). */
    release(socketId: string, user: string | undefined): void {
      const b = sockets.get(socketId);
      if (b) b.open = Math.max(0, b.open - 1);
      if (user === undefined) return;
      const held = users.get(user) ?? 0;
      if (held > 1) users.set(user, held - 1);
      else users.delete(user);
    },
    /** Call before answering a refusal: resolves at once for the first ones, after the delay beyond the quota. */
    async refused(socketId: string): Promise<void> {
      const b = budget(socketId);
      if (++b.refused > quotas.refusedOpensPerConnection) await new Promise((r) => setTimeout(r, tarpitMs));
    },
  };
}

export type SocketBudget = ReturnType<typeof socketBudget>;
