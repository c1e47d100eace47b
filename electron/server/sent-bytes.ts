/**
 * Counts what the server sends to its clients — the fan-out: one client's write is sent to every
 * other client of that document — by message kind, for the metrics (`glose_bytes_sent_total`).
 * Every frame Hocuspocus sends to a client goes through its socket's `send`, so that is wrapped
 * once per socket, when Hocuspocus receives it. The kind is read from the frame's first bytes
 * (document name, message type, and for sync its step), without decoding the payload.
 */
import type { Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';

/** Hocuspocus's message types (its `MessageType`), as metric labels; a frame we cannot read is `other`. */
const KINDS: Record<number, string> = { 1: 'awareness', 2: 'auth', 3: 'query-awareness', 5: 'stateless', 6: 'stateless', 7: 'close', 8: 'sync-status', 9: 'ping', 10: 'pong' };
const SYNC_STEPS: Record<number, string> = { 0: 'sync-step1', 1: 'sync-step2', 2: 'update' };

export function sentKind(frame: Uint8Array): string {
  try {
    const decoder = decoding.createDecoder(frame);
    const nameLength = decoding.readVarUint(decoder); // read first: `pos +=` would read pos before it
    decoder.pos += nameLength; // skips the document name
    const type = decoding.readVarUint(decoder);
    if (type === 0 || type === 4) return SYNC_STEPS[decoding.readVarUint(decoder)] ?? 'other';
    return KINDS[type] ?? 'other';
  } catch {
    return 'other';
  }
}

/** Calls `count` with the kind and size of every frame `hocuspocus` sends to a client from now on. */
export function countSent(hocuspocus: Hocuspocus, count: (kind: string, bytes: number) => void): void {
  const handle = hocuspocus.handleConnection.bind(hocuspocus);
  hocuspocus.handleConnection = (incoming, ...rest) => {
    const send = incoming.send.bind(incoming);
    incoming.send = (data: Parameters<typeof send>[0]) => {
      if (data instanceof Uint8Array) count(sentKind(data), data.byteLength);
      send(data);
    };
    return handle(incoming, ...rest);
  };
}
