/**
 * Who receives whose presence on a corpus document. While the class is blind, a student receives
 * the presence of the teacher and the observer (and their own) but none of other students': their
 * open article and live selection would show what they annotate. Teachers and observers receive
 * everyone's. Hocuspocus sends awareness to every connection of a document alike, so on corpus
 * documents this extension replaces the document's awareness broadcast by one encoded per
 * recipient, and the full dump a new connection receives by a filtered one (sent once connected).
 * Removals (a client leaving) go to everyone: they reveal nothing. When blind annotation is
 * switched on, states students already received expire on their side (30 s without renewal).
 */
import type { Connection, Document, Extension } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { parseDocName } from '../../shared/model/doc-names';
import type { SessionContext } from './sync-server';

const AWARENESS = 1;

const roleOf = (connection: Connection): string | undefined => (connection.context as SessionContext | undefined)?.claims.role;

function awarenessMessage(document: Document, address: string, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, address);
  encoding.writeVarUint(e, AWARENESS);
  encoding.writeVarUint8Array(e, encodeAwarenessUpdate(document.awareness, clients));
  return encoding.toUint8Array(e);
}

/** The clients among `clients` that `recipient` may see. */
function visible(document: Document, recipient: Connection, clients: number[], blind: boolean): number[] {
  if (!blind || roleOf(recipient) !== 'student') return clients;
  const hidden = new Set<number>();
  for (const other of document.getConnections()) {
    if (other !== recipient && roleOf(other) === 'student') for (const id of document.getClients(other)) hidden.add(id);
  }
  const states = document.awareness.getStates();
  return clients.filter((id) => !hidden.has(id) || !states.has(id));
}

function send(document: Document, connection: Connection, clients: number[], blind: boolean): void {
  const shown = visible(document, connection, clients, blind);
  if (shown.length > 0) connection.send(awarenessMessage(document, connection.messageAddress, shown));
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
    },
    async connected({ connection, documentName }) {
      const name = parseDocName(documentName);
      if (name?.kind !== 'corpus') return;
      const document = connection.document;
      send(document, connection, [...document.awareness.getStates().keys()], isBlind(name.corpus));
    },
  };
}
