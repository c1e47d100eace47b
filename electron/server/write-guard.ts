/**
 * Checks every update before Hocuspocus applies, stores, relays or acknowledges it.
 * On a read-only connection Hocuspocus itself drops SyncStep2/Update frames and answers
 * SyncStatus(false); this extension adds a `glose-error` notice (`forbidden-write`, once per
 * connection). On a writable connection the update must pass, in this order: the layer frame
 * size cap (before anything decodes it), the user's write rate, and the scratch-copy check
 * (update-check.ts). A refused update takes Hocuspocus's read-only path for that one frame —
 * dropped, not stored, not relayed, SyncStatus(false) — and is answered with a `glose-error`
 * notice carrying the reason code. Unreadable frames close the socket (malformed-message).
 */
import type { Connection, Extension } from '@hocuspocus/server';
import { parseDocName } from '../../shared/model/doc-names';
import { changes, inboundUpdate, storeNothing } from './inbound';
import type { Quotas } from './quotas';
import { REASONS, Refusal, type ReasonCode } from './reasons';
import type { EntryRule } from './entry-rules';
import type { SessionContext } from './sync-server';
import { checkUpdate } from './update-check';
import { memoryWriteRate, type WriteRate } from './write-rate';

/** The stateless payload of a refusal notice, as the renderer receives it. */
export function errorNotice(code: ReasonCode, documentName: string): string {
  return JSON.stringify({ type: 'glose-error', code, message: REASONS[code], document: documentName });
}

/** A rule of the class that may refuse a write by who writes where (classwork-rules.ts). */
export type WriteRule = (claims: SessionContext['claims'], documentName: string) => ReasonCode | null;

/** What a writer may leave in a layer's entries (entry-rules.ts); null: no rule. */
export type EntryRules = (claims: SessionContext['claims'], documentName: string) => EntryRule | null;

/**
 * `observe` hears every refused write (metrics and log, observed-access.ts); `rule` refuses writes
 * the class's rules forbid by who writes where, `entries` by what the update leaves in a layer;
 * `rate` counts the write-rate quota (write-rate.ts: in Redis for a school).
 */
export function writeGuard(
  quotas: Quotas,
  now: () => number,
  observe: (code: ReasonCode, documentName: string, user: string) => void = () => undefined,
  rule: WriteRule = () => null,
  rate: WriteRate = memoryWriteRate(quotas, now),
  entries: EntryRules = () => null,
): Extension {
  const notified = new WeakSet<Connection>();
  const refusing = new WeakSet<Connection>();

  function refuse(connection: Connection, frame: Uint8Array, code: ReasonCode, documentName: string, user: string): void {
    observe(code, documentName, user);
    storeNothing(frame);
    connection.readOnly = true; // Hocuspocus drops this frame; afterHandleMessage gives writing back
    refusing.add(connection);
    connection.sendStateless(errorNotice(code, documentName));
  }

  /** Why a writable connection's update is refused, or null; records whether there is anything to store. */
  async function verdict(documentName: string, document: Parameters<typeof checkUpdate>[0], claims: SessionContext['claims'] | undefined, frame: Uint8Array, update: Uint8Array): Promise<ReasonCode | null> {
    const user = claims?.user ?? '';
    const kind = parseDocName(documentName)?.kind;
    if ((kind === 'layer' || kind === 'feedback') && update.length > quotas.maxLayerUpdateBytes) return 'quota-layer-size';
    // the class's rules refuse changes; an update that changes nothing (a resync) passes on
    const ruled = claims ? rule(claims, documentName) : null;
    if (ruled && changes(document, update)) return ruled;
    // the teacher hosts the class (and imports whole articles): the write rate limits everyone else
    if (claims?.role !== 'teacher' && !(await rate.take(user, update.length))) return 'quota-write-rate';
    const checked = checkUpdate(document, documentName, update, quotas, user, claims ? entries(claims, documentName) : null);
    if (!checked.ok) {
      console.warn(`refused an update to ${documentName} by ${user}: ${checked.code} (${checked.detail})`);
      return checked.code;
    }
    if (!checked.changed) storeNothing(frame);
    return null;
  }

  return {
    extensionName: 'glose-write-guard',
    // Runs before persistence (higher priority first) so nothing refused reaches storage.
    priority: 200,
    async beforeHandleMessage({ connection, document, documentName, update: frame, context }) {
      let update: Uint8Array | null;
      try {
        update = inboundUpdate(frame);
      } catch (error) {
        if (error instanceof Refusal) connection.webSocket.close(error.code, error.reason);
        throw error;
      }
      if (!update) return;
      if (connection.readOnly) {
        if (notified.has(connection) || !changes(document, update)) return;
        notified.add(connection);
        observe('forbidden-write', documentName, (context as SessionContext | undefined)?.claims.user ?? '');
        connection.sendStateless(errorNotice('forbidden-write', documentName));
        return;
      }
      const claims = (context as SessionContext | undefined)?.claims;
      const code = await verdict(documentName, document, claims, frame, update);
      if (code) refuse(connection, frame, code, documentName, claims?.user ?? '');
    },
    async afterHandleMessage({ connection }) {
      if (!refusing.has(connection)) return;
      refusing.delete(connection);
      connection.readOnly = false;
    },
  };
}
