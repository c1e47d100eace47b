/**
 * A stop that drains (SIGTERM, "Stop hosting"): the listening socket is closed first, so no new
 * connection or request is accepted (and /readyz already answers 503); every client's socket is
 * closed with 1012 "service restart" and a reason, so apps reconnect with backoff and send again
 * whatever was not acknowledged; then Hocuspocus stores and unloads every document, and the
 * database waits for its running writes before it closes and seals itself (storage.ts). A write
 * is acknowledged only once stored, so nothing acknowledged is lost by the stop.
 */
import type { Hocuspocus, Server } from '@hocuspocus/server';
import type { ServerLog } from './server-log';

export const RESTART_CLOSE = { code: 1012, reason: 'glose server restarting: unsaved work is sent again when it is back' } as const;

/** Closes every client socket with RESTART_CLOSE; returns how many were open. */
export function closeClientSockets<C>(hocuspocus: Hocuspocus<C>): number {
  const sockets = new Set<{ close(code?: number, reason?: string): void }>();
  for (const document of hocuspocus.documents.values()) for (const connection of document.getConnections()) sockets.add(connection.webSocket);
  for (const socket of sockets) socket.close(RESTART_CLOSE.code, RESTART_CLOSE.reason);
  return sockets.size;
}

/** Stops accepting, closes the clients' sockets, and resolves once Hocuspocus stored and unloaded every document. */
export async function drain<C>(server: Server<C>, log: ServerLog): Promise<void> {
  const started = performance.now();
  const documents = server.hocuspocus.getDocumentsCount();
  server.httpServer.close();
  const sockets = closeClientSockets(server.hocuspocus);
  log.info({ sockets, documents }, 'draining: stopped accepting, closed client sockets');
  await server.destroy();
  log.info({ ms: Math.round(performance.now() - started) }, 'drained: every document stored');
}
