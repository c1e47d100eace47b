/**
 * The live connection to a class server: one WebSocket (HocuspocusProviderWebsocket) carrying
 * every document this page has open, each attached while its IndexedDB copy loads (Yjs merges
 * both), so offline work never waits on the network nor the network on 30 databases. Publishes a status for the UI: connected,
 * reconnecting or offline, how many changes wait to be sent, and why the server refused
 * something. Awareness (presence) rides on the corpus document only, to keep it small.
 * A heartbeat on the corpus document (answered by the server, see electron/server/heartbeat.ts)
 * keeps a message arriving every HEARTBEAT_MS, so a silent network loss shows within seconds.
 * A document the server stops serving (refused, or closed when the teacher turns blind
 * annotation on) is dropped, so the next attach (on reveal) opens it afresh.
 */
import { useSyncExternalStore } from 'react';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { corpusDocName, parseDocName } from '../../shared/model/doc-names';
import { HEARTBEAT, HEARTBEAT_MS, SILENCE_MS } from '../../shared/protocol/heartbeat';
import { reasonCode } from '../../shared/protocol/reasons';
import { PRESENCE_RENEW } from '../../shared/protocol/presence-renew';
import { socketUrl, type Session } from './session';

export interface SyncStatus {
  state: 'connecting' | 'connected' | 'offline';
  /** changes made here that the server has not acknowledged yet */
  pending: number;
  /** the last refusal from the server, as its reason code */
  refused: { document: string; code: string } | null;
}

let socket: HocuspocusProviderWebsocket | null = null;
let session: Session | null = null;
const providers = new Map<string, HocuspocusProvider>();
let status: SyncStatus = { state: 'connecting', pending: 0, refused: null };
const listeners = new Set<() => void>();

function publish(patch: Partial<SyncStatus>): void {
  status = { ...status, ...patch };
  listeners.forEach((l) => l());
}

/**
 * Changes waiting for the server's acknowledgement, on documents this page may write. A document
 * the server serves read-only (a classmate's layer) never acknowledges: what IndexedDB or the
 * article snapshot merges into it locally is sent and refused, and is not this user's work.
 */
function countPending(): void {
  let pending = 0;
  providers.forEach((p) => (pending += p.authorizedScope === 'readonly' ? 0 : p.unsyncedChanges));
  if (pending !== status.pending) publish({ pending });
}

/** Connects to the session's server; documents attached afterwards sync through it. */
export function startSync(current: Session): void {
  session = current;
  // no message for SILENCE_MS (the heartbeat's answers included): the provider closes and reconnects
  socket = new HocuspocusProviderWebsocket({ url: socketUrl(current.server), maxAttempts: 0, maxDelay: 5_000, messageReconnectTimeout: SILENCE_MS });
  setInterval(() => {
    if (status.state === 'connected') providers.get(corpusDocName(current.corpus))?.sendStateless(HEARTBEAT.ping);
  }, HEARTBEAT_MS);
  socket.on('status', ({ status: s }: { status: WebSocketStatus }) => {
    const online = typeof navigator === 'undefined' || navigator.onLine;
    publish({ state: s === WebSocketStatus.Connected ? 'connected' : s === WebSocketStatus.Connecting && online ? 'connecting' : 'offline' });
  });
}

/**
 * Prefix of the IndexedDB databases: documents of a class are kept apart per server, so two
 * classes that happen to use the same corpus id never mix their copies.
 */
export function storageScope(): string {
  return session ? `${session.server}|` : '';
}

/**
 * Forgets the provider of a document the server refused or stopped serving, so a later attach
 * tries again (a blind class may be revealed). Other people's layers hidden by blind annotation
 * are what blind means: no alarm for those.
 */
function drop(name: string, provider: HocuspocusProvider, code: string): void {
  if (providers.get(name) !== provider) return;
  providers.delete(name);
  // the server has already let go of this document: a close message from here would wait in its
  // queue for the document's next opening and close that one at once (Hocuspocus 4.7 queues
  // messages for a document it has not authenticated yet, the close included)
  socket?.configuration.providerMap.delete(provider.effectiveName);
  provider.destroy();
  if (!((code === 'forbidden-read' || code === 'access-changed') && parseDocName(name)?.kind === 'layer')) publish({ refused: { document: name, code } });
}

/** Syncs `doc` with the server under `name`, if this page is in a session (again if refused before). */
export function attach(name: string, doc: Y.Doc): void {
  if (!socket || !session || providers.has(name)) return;
  const isCorpus = name === corpusDocName(session.corpus);
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: session.token,
    // presence only on the corpus document: one awareness per client, not one per document
    ...(isCorpus ? {} : { awareness: null }),
    onUnsyncedChanges: countPending,
    onAuthenticated: countPending,
    onAuthenticationFailed: ({ reason }) => drop(name, provider, reasonCode(reason) ?? reason),
    // the server closes one document with this reason when it stops serving it to this user, as
    // blind annotation does to classmates' layers (a lost socket reconnects by itself instead)
    onClose: ({ event }) => {
      const code = reasonCode(event.reason);
      if (code === 'forbidden-read') drop(name, provider, code);
      // the server now lets this user write it (put in a team, docs/assignments.md): opened again at once
      if (code === 'access-changed') {
        drop(name, provider, code);
        attach(name, doc);
      }
    },
    onStateless: ({ payload }) => {
      if (payload === PRESENCE_RENEW && provider.awareness) return provider.awareness.setLocalState(provider.awareness.getLocalState());
      try {
        const notice = JSON.parse(payload) as { type?: string; code?: string };
        if (notice.type === 'glose-error' && notice.code) publish({ refused: { document: name, code: notice.code } });
      } catch {
        // not a notice of ours: ignore
      }
    },
  });
  provider.attach();
  providers.set(name, provider);
  if (isCorpus) publish({}); // presence is available from now on
}

/** The role this page has in its class, or null outside a class. */
export function currentRole(): Session['role'] | null {
  return session?.role ?? null;
}

/** Presence of everyone in the class, on the corpus document's provider. */
export function presence(): Awareness | null {
  return session ? (providers.get(corpusDocName(session.corpus))?.awareness ?? null) : null;
}

/** Calls `listener` on every status change; returns the unsubscribe function. */
export function onSyncChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSyncStatus(): SyncStatus | null {
  return useSyncExternalStore(onSyncChange, () => (session ? status : null));
}
