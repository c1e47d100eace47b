/**
 * A raw Hocuspocus protocol client for attack and fuzz tests: it speaks the frames over `ws`
 * itself (no provider, no retries), so a test can send exactly the bytes a hostile client
 * would, and it decodes what comes back (stateless notices, SyncStatus acks, close codes).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { waitFor } from './helpers';

export const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, stateless: 5, close: 7, syncStatus: 8 } as const;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const UPDATE = 2;

export function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const authFrame = (name: string, token: string): Uint8Array =>
  frame((e) => (encoding.writeVarString(e, name), encoding.writeVarUint(e, MSG.auth), encoding.writeVarUint(e, 0), encoding.writeVarString(e, token)));

export const updateFrame = (name: string, update: Uint8Array, subtype: number = UPDATE): Uint8Array =>
  frame((e) => (encoding.writeVarString(e, name), encoding.writeVarUint(e, MSG.sync), encoding.writeVarUint(e, subtype), encoding.writeVarUint8Array(e, update)));

export const syncStep2Frame = (name: string, update: Uint8Array): Uint8Array => updateFrame(name, update, SYNC_STEP_2);

export const syncStep1Frame = (name: string, stateVector: Uint8Array): Uint8Array => updateFrame(name, stateVector, SYNC_STEP_1);

export const awarenessFrame = (name: string, update: Uint8Array): Uint8Array =>
  frame((e) => (encoding.writeVarString(e, name), encoding.writeVarUint(e, MSG.awareness), encoding.writeVarUint8Array(e, update)));

/** One inbound frame, decoded as far as the tests need. */
export interface Received {
  document: string;
  type: number;
  /** Stateless payload, auth answer, or SyncStatus as 'ack'/'nack'. */
  text?: string;
  bytes: Uint8Array;
}

export class RawClient {
  readonly received: Received[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data: Buffer) => this.received.push(decode(new Uint8Array(data))));
    ws.on('error', () => undefined);
  }

  /**
   * `zeroMask`: frames masked with a zero key (legal, and ws then skips the masking work), so a
   * benchmark's attacker costs little CPU on the machine that also runs the server under test.
   */
  static async connect(url: string, zeroMask = false): Promise<RawClient> {
    const ws = new WebSocket(url, zeroMask ? { generateMask: (mask: Buffer) => void mask.fill(0) } : {});
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return new RawClient(ws);
  }

  send(bytes: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(bytes);
  }

  /** Authenticates `name` and waits for the answer; returns the answer's text (authenticated scope or denial reason). */
  async open(name: string, token: string): Promise<string> {
    const seen = this.received.length;
    this.send(authFrame(name, token));
    await waitFor(() => this.received.slice(seen).some((r) => r.document === name && r.type === MSG.auth), `auth answer for ${name}`);
    return this.received.slice(seen).find((r) => r.document === name && r.type === MSG.auth)!.text ?? '';
  }

  /** Stateless notices received for `name`, parsed. */
  notices(name?: string): { code?: string; type?: string }[] {
    return this.received.filter((r) => r.type === MSG.stateless && (!name || r.document === name)).map((r) => JSON.parse(r.text ?? '{}') as { code?: string });
  }

  acks(name: string): string[] {
    return this.received.filter((r) => r.type === MSG.syncStatus && r.document === name).map((r) => r.text!);
  }

  close(): void {
    this.ws.close();
  }
}

function decode(bytes: Uint8Array): Received {
  const d = decoding.createDecoder(bytes);
  const document = decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  const r: Received = { document, type, bytes };
  if (type === MSG.stateless || type === MSG.close) r.text = decoding.readVarString(d);
  else if (type === MSG.syncStatus) r.text = decoding.readVarInt(d) === 1 ? 'ack' : 'nack';
  else if (type === MSG.auth) {
    const kind = decoding.readVarUint(d);
    r.text = kind === 1 ? `denied: ${decoding.readVarString(d)}` : decoding.readVarString(d);
  }
  return r;
}
