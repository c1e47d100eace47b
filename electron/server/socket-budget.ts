/**
 * What one connection (one socket) may ask of the server's documents. Open documents: a slot is
 * taken when a document is granted, before Hocuspocus loads it, and given back when that
 * document's connection closes; beyond the quota the socket is refused `quota-documents`, however
 * fast it asks. Refused opens (unknown article, other corpus, bad token…): the first ones are
 * answered at once, later ones only after a delay, so a burst of thousands of invented names
 * piles up in Hocuspocus's pending-documents limit (`maxPendingDocuments`), which closes the
 * socket, instead of costing the server a refusal each.
 */
import { Refusal } from './reasons';

interface Budget {
  open: number;
  refused: number;
}

export function socketBudget(quotas: { documentsPerConnection: number; refusedOpensPerConnection: number }, tarpitMs = 2_000) {
  const sockets = new Map<string, Budget>();
  const budget = (socketId: string): Budget => {
    let b = sockets.get(socketId);
    if (!b) {
      if (sockets.size > 10_000) for (const [id, old] of sockets) if (old.open === 0) sockets.delete(id);
      sockets.set(socketId, (b = { open: 0, refused: 0 }));
    }
    return b;
  };
  return {
    take(socketId: string): void {
      const b = budget(socketId);
      if (b.open >= quotas.documentsPerConnection) throw new Refusal('quota-documents');
      b.open++;
    },
    release(socketId: string): void {
      const b = sockets.get(socketId);
      if (b) b.open = Math.max(0, b.open - 1);
    },
    /** Call before answering a refusal: resolves at once for the first ones, after the delay beyond the quota. */
    async refused(socketId: string): Promise<void> {
      const b = budget(socketId);
      if (++b.refused > quotas.refusedOpensPerConnection) await new Promise((r) => setTimeout(r, tarpitMs));
    },
  };
}

export type SocketBudget = ReturnType<typeof socketBudget>;
