/**
 * Who receives whose presence on a corpus document, and with which names. While the class is
 * blind, a student — and the projector (observer) — receives the presence of the teacher and the
 * observer (and their own) but none of students': their open article and live selection would
 * show what they annotate. Teachers receive everyone's. Unless the teacher lets the projector
 * show names (`projectorNames`), the observer receives every state without its `user.name`.
 * Hocuspocus sends awareness to every connection of a document alike, so on corpus documents this
 * extension replaces the document's awareness broadcast by one encoded per recipient, and the
 * full dump a new connection receives by a filtered one (sent once connected). Recipients shown
 * the same states share one encoded message, as in Hocuspocus's own broadcast: without blind
 * mode a room's update is encoded once, not once per classmate.
 * Removals (a client leaving) go to everyone: they reveal nothing. When blind annotation is
 * switched on, each student and the projector are told at once that the students' states are
 * gone (a removal at the state's own clock, which Yjs awareness applies), so nothing received
 * before lingers. On reveal, every client is asked to send its presence again (presence-renew.ts),
 * so classmates come back at once rather than at each one's next renewal (up to 15 s); names
 * hidden later leave the projector at the next renewal.
 */
import type { Connection, Document, Extension } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { isBlind as blindIn } from '../../shared/model/class-settings';
import { parseDocName } from '../../shared/model/doc-names';
import { PRESENCE_RENEW } from '../../shared/protocol/presence-renew';
import type { SessionContext } from './sync-server';

const AWARENESS = 1;

export interface PresenceRules {
  blind: boolean;
  /** the projector may receive names */
  projectorNames: boolean;
}

type State = Record<string, unknown>;

const roleOf = (connection: Connection): string | undefined => (connection.context as SessionContext | undefined)?.claims.role;

/** The states without their user's name (what a projector gets while names are hidden). */
function nameless(states: Map<number, State>): Map<number, State> {
  const out = new Map<number, State>();
  states.forEach((state, id) => {
    const user = state.user as State | undefined;
    out.set(id, user && typeof user === 'object' ? { ...state, user: { id: user.id, color: user.color } } : state);
  });
  return out;
}

function awarenessMessage(address: string, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, address);
  encoding.writeVarUint(e, AWARENESS);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** An awareness update that removes `clients` (state null at their current clock). */
function removal(document: Document, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clients.length);
  for (const id of clients) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, document.awareness.meta.get(id)?.clock ?? 0);
    encoding.writeVarString(e, 'null');
  }
  return encoding.toUint8Array(e);
}

/**
 * The clients of the students other than `recipient` (hidden from it while blind): those of other
 * students' connections, and those whose state the presence guard marked with the student role —
 * also states another process of a school's server relayed through Redis, set by no connection here.
 */
function classmates(document: Document, recipient: Connection): Set<number> {
  const own = document.getClients(recipient);
  const hidden = new Set<number>();
  for (const other of document.getConnections()) {
    if (other !== recipient && roleOf(other) === 'student') for (const id of document.getClients(other)) hidden.add(id);
  }
  for (const [id, state] of document.awareness.getStates()) if (!own.has(id) && (state as { role?: unknown }).role === 'student') hidden.add(id);
  return hidden;
}

/** Whoever is not the teacher sees no student while blind: the students and the projector. */
const seesBlind = (connection: Connection) => roleOf(connection) !== 'teacher';

/** The clients among `clients` that `recipient` may see. */
function visible(document: Document, recipient: Connection, clients: number[], blind: boolean): number[] {
  if (!blind || !seesBlind(recipient)) return clients;
  const hidden = classmates(document, recipient);
  const states = document.awareness.getStates();
  return clients.filter((id) => !hidden.has(id) || !states.has(id));
}

/** Blind was just turned on: students and the projector forget the students' presence now. */
function hideClassmates(document: Document): void {
  const states = document.awareness.getStates();
  for (const connection of document.getConnections()) {
    if (!seesBlind(connection)) continue;
    const gone = [...classmates(document, connection)].filter((id) => states.has(id));
    if (gone.length > 0) connection.send(awarenessMessage(connection.messageAddress, removal(document, gone)));
  }
}

/** One broadcast's messages by what they hold: recipients shown the same states get the same bytes, encoded once. */
type Encoded = Map<string, Uint8Array>;

function send(document: Document, connection: Connection, clients: number[], rules: PresenceRules, encoded: Encoded = new Map()): void {
  const shown = visible(document, connection, clients, rules.blind);
  if (shown.length === 0) return;
  const hideNames = roleOf(connection) === 'observer' && !rules.projectorNames;
  const key = `${connection.messageAddress}\n${hideNames}\n${shown === clients ? '*' : shown.join(',')}`;
  let message = encoded.get(key);
  if (!message) {
    const states = hideNames ? nameless(document.awareness.getStates() as Map<number, State>) : undefined;
    encoded.set(key, (message = awarenessMessage(connection.messageAddress, encodeAwarenessUpdate(document.awareness, shown, states))));
  }
  connection.send(message);
}

export function presenceFilter(rulesOf: (corpus: string) => PresenceRules): Extension {
  return {
    extensionName: 'glose-presence-filter',
    async afterLoadDocument({ document, documentName }) {
      const name = parseDocName(documentName);
      if (name?.kind !== 'corpus') return;
      document.hasAwarenessStates = () => false; // the connect-time dump: sent filtered in `connected`
      // a private method of Hocuspocus 4.7's Document (pinned): the one place every awareness broadcast goes through
      (document as unknown as { broadcastAwarenessUpdate: (clients: number[]) => void }).broadcastAwarenessUpdate = (clients) => {
        const rules = rulesOf(name.corpus);
        const encoded: Encoded = new Map();
        for (const connection of document.getConnections()) send(document, connection, clients, rules, encoded);
      };
      let blind = blindIn(document);
      document.getMap('settings').observe(() => {
        if (blindIn(document) && !blind) hideClassmates(document);
        // each process of a school observes the setting itself: to its own connections only, not relayed
        if (!blindIn(document) && blind) document.relayStateless(PRESENCE_RENEW);
        blind = blindIn(document);
      });
    },
    async connected({ connection, documentName }) {
      const name = parseDocName(documentName);
      if (name?.kind !== 'corpus') return;
      const document = connection.document;
      send(document, connection, [...document.awareness.getStates().keys()], rulesOf(name.corpus));
    },
  };
}
