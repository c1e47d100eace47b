/**
 * Refuses writes on read-only connections with a reason the user can see. Hocuspocus 4
 * itself drops SyncStep2/Update frames from a read-only connection and answers them with
 * SyncStatus(false) (tests/server/permissions.test.ts proves the drop end to end); this
 * extension adds a `glose-error` stateless notice with code `forbidden-write`, once per
 * connection, and turns unreadable frames into a closed socket (malformed-message) before
 * Hocuspocus touches them.
 */
import type { Connection, Extension } from '@hocuspocus/server';
import { changes, inboundUpdate } from './inbound';
import { REASONS, Refusal, type ReasonCode } from './reasons';

/** The stateless payload of a refusal notice, as the renderer receives it. */
export function errorNotice(code: ReasonCode, documentName: string): string {
  return JSON.stringify({ type: 'glose-error', code, message: REASONS[code], document: documentName });
}

export function writeGuard(): Extension {
  const notified = new WeakSet<Connection>();
  return {
    extensionName: 'glose-write-guard',
    // Runs before persistence (higher priority first) so malformed frames never reach storage.
    priority: 200,
    async beforeHandleMessage({ connection, document, documentName, update: frame }) {
      let update: Uint8Array | null;
      try {
        update = inboundUpdate(frame);
      } catch (error) {
        if (error instanceof Refusal) connection.webSocket.close(error.code, error.reason);
        throw error;
      }
      if (!connection.readOnly || !update || !changes(document, update) || notified.has(connection)) return;
      notified.add(connection);
      connection.sendStateless(errorNotice('forbidden-write', documentName));
    },
  };
}
