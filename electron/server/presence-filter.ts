/**
 * Who receives whose presence on a corpus document. While the class is blind, a student receives
 * the presence of the teacher and the observer (and their own) but none of other students': their
 * open article and live selection would show what they annotate. Teachers and observers receive
 * everyone's. Hocuspocus sends awareness to every connection of a document alike, so on corpus
 * documents this extension replaces the document's awareness broadcast by one encoded per
 * recipient, and the full dump a new connection receives by a filtered one (sent once connected).
 * Removals (a client leaving) go to everyone: they reveal nothing. When blind annotation is
 * switched on, each student is told at once that the other students' states are gone (a removal
 * at the state's own clock, which Yjs awareness applies), so nothing received before lingers.
 * On reveal, classmates' presence comes back with each one's next renewal (at most 15 s).
 */
import type { Connection, Document, Extension } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { isBlind as blindIn } from '../../shared/model/class-settings';
import { parseDocName } from '../../shared/model/doc-names';
import type { SessionContext } from './sync-server';

const AWARENESS = 1;

const roleOf = (connection: Connection): string | undefined => (connection.context as SessionContext | undefined)?.claims.role;

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
 * The clients of the other students (those `recipient` may not see while blind): those of other
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

/** The clients among `clients` that `recipient` may see. */
function visible(document: Document, recipient: Connection, clients: number[], blind: boolean): number[] {
  if (!blind || roleOf(recipient) !== 'student') return clients;
  const hidden = classmates(document, recipient);
  const states = document.awareness.getStates();
  return clients.filter((id) => !hidden.has(id) || !states.has(id));
}

/** Blind was just turned on: each student forgets the other students' presence now. */
function hideClassmates(document: Document): void {
  const states = document.awareness.getStates();
  for (const connection of document.getConnections()) {
    if (roleOf(connection) !== 'student') continue;
    const gone = [...classmates(document, connection)].filter((id) => states.has(id));
    if (gone.length > 0) connection.send(awarenessMessage(connection.messageAddress, removal(document, gone)));
  }
}

function send(document: Document, connection: Connection, clients: number[], blind: boolean): void {
  const shown = visible(document, connection, clients, blind);
  if (shown.length > 0) connection.send(awarenessMessage(connection.messageAddress, encodeAwarenessUpdate(document.awareness, shown)));
}

export function presenceFilter(isBlind: (corpus: string) => boolean): Extension {
  return {
    extensionName: 'glose-presence-filter',
    async afterLoadDocument({ document, documentName }) {
      const name = parseDocName(documentName);
      if (name?.kind !== 'corpus') return;
      document.hasAwarenessStates = () => false; // the connect-time dump: sent filtered in `connected`
      // a private method of Hocuspocus 4.7's Document (pinned): the one place every awareness broadcast goes through
      (document as unknown as { broadcastAwarenessUpdate: (clients: number[]) => void }).broadcastAwarenessUpdate = (clients) => {
        const blind = isBlind(name.corpus);
        for (const connection of document.getConnections()) send(document, connection, clients, blind);
      };
      let blind = blindIn(document);
      document.getMap('settings').observe(() => {
        if (blindIn(document) && !blind) hideClassmates(document);
        blind = blindIn(document);
      });
    },
    async connected({ connection, documentName }) {
      const name = parseDocName(documentName);
      if (name?.kind !== 'corpus') return;
      const document = connection.document;
      send(document, connection, [...document.awareness.getStates().keys()], isBlind(name.corpus));
    },
  };
}
