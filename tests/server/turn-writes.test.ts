/**
 * One socket write per client per turn (turn-writes.ts), on a real server and a real socket: what
 * a turn sends to a client over eight documents (stateless notices, and document updates, which
 * Hocuspocus defers to the end of the turn) leaves the server in one write, arrives whole and in
 * the order it was sent; a message of the next turn is not held back.
 */
import type { Socket } from 'node:net';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MSG } from './raw-client';
import { recordWrites, serverFor, token, waitFor, type SocketWrite } from './helpers';

const NAMES = Array.from({ length: 8 }, (_, i) => `corpus/c1/layer/a1/s${i}`);

describe('one socket write per client per turn', () => {
  const live = serverFor('each');

  /** A teacher's raw client reading the eight layers, and the server's socket to it with its writes counted. */
  async function reader() {
    const client = await live.raw();
    for (const name of NAMES) expect(await client.open(name, token('teacher', 't'))).toBe('readonly');
    const documents = NAMES.map((name) => live.server.hocuspocusServer.hocuspocus.documents.get(name)!);
    const socket = (documents[0]!.getConnections()[0]!.webSocket as unknown as { _socket: Socket })._socket;
    /** What each write to the socket carried (other messages of the server, sent meanwhile, are told apart by content). */
    const log: SocketWrite[] = [];
    recordWrites(socket, 'reader', log);
    const writes = (marker: string) => log.filter((w) => w.bytes.includes(marker)).length;
    return { client, documents, writes, log };
  }

  it('sends a turn of notices on eight documents in one write, whole and in order', async () => {
    const { client, documents, writes } = await reader();
    const seen = client.received.length;
    documents.forEach((document, i) => document.broadcastStateless(`notice ${i}`));
    await waitFor(() => client.received.filter((r) => r.text?.startsWith('notice')).length >= NAMES.length, 'the eight notices');
    expect(client.received.slice(seen).filter((r) => r.text?.startsWith('notice')).map((r) => [r.document, r.text])).toEqual(NAMES.map((name, i) => [name, `notice ${i}`]));
    expect(writes('notice')).toBe(1);
  });

  it("folds the documents' deferred broadcasts into the same write", async () => {
    const { client, documents, writes } = await reader();
    const seen = client.received.length;
    documents.forEach((document, i) => document.getMap('probe').set('n', i)); // 'probe' is in each update's bytes
    await waitFor(() => client.received.slice(seen).filter((r) => r.type === MSG.sync).length >= NAMES.length, 'the eight updates');
    const updates = client.received.slice(seen).filter((r) => r.type === MSG.sync);
    expect(updates.map((r) => r.document)).toEqual(NAMES);
    updates.forEach((r, i) => {
      const d = decoding.createDecoder(r.bytes);
      decoding.readVarString(d); // the document's name
      decoding.readVarUint(d); // sync
      expect(decoding.readVarUint(d)).toBe(2); // an update
      const copy = new Y.Doc();
      Y.applyUpdate(copy, decoding.readVarUint8Array(d));
      expect(copy.getMap('probe').get('n')).toBe(i);
    });
    expect(writes('probe')).toBe(1);
  });

  it('does not hold a message of the next turn back', async () => {
    const { client, documents, writes, log } = await reader();
    const seen = client.received.length;
    documents[0]!.broadcastStateless('first');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    documents[1]!.broadcastStateless('second');
    await waitFor(() => client.received.length - seen >= 2, 'both notices');
    expect(client.received.slice(seen).filter((r) => r.type === MSG.stateless).map((r) => r.text)).toEqual(['first', 'second']);
    expect(writes('first')).toBe(1);
    expect(writes('second')).toBe(1);
    expect(log.findIndex((w) => w.bytes.includes('second'))).toBeGreaterThan(log.findIndex((w) => w.bytes.includes('first')));
  });
});
