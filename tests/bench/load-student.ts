/**
 * A cheap student for the load generator: real WebSockets, real protocol frames (Hocuspocus's:
 * document name, then the y-protocols sync and awareness messages; or the bare y-websocket
 * relay's: one socket per document, no name), real Yjs updates written to its own layer, which is
 * the only document it holds. Other students' layers are synced from an empty state (their bytes
 * counted, never decoded): each update relayed to it is scanned for the `sent:<id>:<ms>;` markers
 * writers put in their records' notes, and the first arrival of each id is time-stamped. So a
 * generator process holds a hundred students without holding a hundred documents each.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addAnnotation } from '../../shared/model/layer';
import { authFrame } from '../server/raw-client';

export type System = 'glose' | 'relay';
export const now = (): number => performance.timeOrigin + performance.now();
export const marker = (id: string, at: number): string => `sent:${id}:${at};`;

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const SYNC_STATUS = 8;
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
const MARK = Buffer.from('sent:');

/** A write: its id (`user.seq`) and when it was made (ms since the epoch). */
export type Written = [id: string, at: number];

/** Writes one record in `layer` whose note carries the marker of write `id` (`user.seq`). */
export function writeMarked(layer: Y.Doc, user: string, seq: number): Written {
  const id = `${user}.${seq}`;
  const sentAt = now();
  const at = new Date(sentAt).toISOString();
  const author = { id: user, name: user, color: '#0072b2' };
  const target = { start: 0, end: 5, exact: 'words', prefix: '', suffix: '' };
  addAnnotation(layer, { id: `r${user}_${seq}`, kind: 'claim', target, note: marker(id, sentAt), author, created: at, modified: at, links: [], status: 'open' });
  return [id, sentAt];
}

/** `corpus`: the corpus document, where presence goes (as in renderer/store/presence.ts); `article`: the open article's id. */
export interface StudentSpec { system: System; url: string; user: string; token: string; corpus: string; article: string; text: string; own: string; others: string[] }

/** A selection move as the app announces it on the corpus document: the open article and a range in it. */
export function presenceState(article: string): { article: string; selection: { start: number; end: number } } {
  const start = Math.floor(Math.random() * 250);
  return { article, selection: { start, end: start + 250 } };
}

/** Each `sent:<id>:<ms>;` marker in `bytes`, with its write time. */
export function markers(bytes: Buffer, found: (id: string, sentAt: number) => void): void {
  for (let at = bytes.indexOf(MARK); at >= 0; at = bytes.indexOf(MARK, at + MARK.length)) {
    const end = bytes.indexOf(0x3b, at); // ';'
    const [id, ms] = bytes.toString('latin1', at + MARK.length, end).split(':');
    if (id && ms) found(id, Number(ms));
  }
}

const message = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export class LoadStudent {
  readonly own = new Y.Doc();
  /** Write id → ms from its write to its arrival here (first arrival only). */
  readonly arrivals = new Map<string, number>();
  readonly written: Written[] = [];
  acks = 0;
  receivedBytes = 0;
  private readonly awareness = new Awareness(new Y.Doc());
  private readonly sockets = new Map<string, WebSocket>();
  private pending: number;
  private closing = false;
  private readonly ready: Promise<void>;
  private resolveReady: () => void = () => undefined;
  private seq = 0;

  constructor(private readonly spec: StudentSpec) {
    const names = [spec.corpus, spec.text, spec.own, ...spec.others];
    this.pending = names.length;
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.own.on('update', (update: Uint8Array, origin: unknown) => origin !== this && this.sendUpdate(update));
    if (spec.system === 'glose') this.connect(spec.url, names);
    else for (const name of names) this.connect(`${spec.url}/${name}`, [name], name);
  }

  /** Resolves once every document is synced (corpus, text, own layer, every other layer). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** One annotation in the own layer, its note carrying the marker. */
  write(): void {
    this.written.push(writeMarked(this.own, this.spec.user, this.seq++));
  }

  /** A selection move, announced on the corpus document as the app's presence does. */
  select(): void {
    this.awareness.setLocalState(presenceState(this.spec.article));
    const update = encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]);
    this.send(this.spec.corpus, message((e) => (encoding.writeVarUint(e, AWARENESS), encoding.writeVarUint8Array(e, update))));
  }

  close(): void {
    this.closing = true;
    for (const ws of new Set(this.sockets.values())) ws.terminate();
  }

  /**
   * A socket for `names` (all of them on Hocuspocus; one per socket on the relay). A refused or
   * dropped connection (a server's accept queue overflows when thousands connect at once) is
   * opened again after a short random delay, as a provider would.
   */
  private connect(url: string, names: string[], relayName?: string): void {
    const ws = new WebSocket(url, { generateMask: (mask: Buffer) => void mask.fill(0) });
    ws.binaryType = 'nodebuffer';
    names.forEach((name) => this.sockets.set(name, ws));
    ws.on('error', () => undefined);
    ws.on('message', (data: Buffer) => this.receive(data, relayName));
    ws.on('open', () => (relayName ? this.syncStep1(relayName) : names.forEach((name) => ws.send(authFrame(name, this.spec.token)))));
    ws.on('close', () => this.closing || setTimeout(() => this.connect(url, names, relayName), 100 + Math.random() * 400));
  }

  private send(name: string, payload: Uint8Array): void {
    const ws = this.sockets.get(name)!;
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(this.spec.system === 'glose' ? message((e) => (encoding.writeVarString(e, name), encoding.writeUint8Array(e, payload))) : payload);
  }

  private syncStep1(name: string): void {
    const vector = name === this.spec.own ? Y.encodeStateVector(this.own) : new Uint8Array([0]);
    this.send(name, message((e) => (encoding.writeVarUint(e, SYNC), encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1), encoding.writeVarUint8Array(e, vector))));
  }

  private sendUpdate(update: Uint8Array): void {
    this.send(this.spec.own, message((e) => (encoding.writeVarUint(e, SYNC), syncProtocol.writeUpdate(e, update))));
  }

  private receive(data: Buffer, relayName?: string): void {
    this.receivedBytes += data.length;
    const d = decoding.createDecoder(data);
    const name = relayName ?? decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === AUTH && this.spec.system === 'glose') {
      if (decoding.readVarUint(d) !== 2) throw new Error(`${this.spec.user}: ${name} refused: ${decoding.readVarString(d)}`);
      this.syncStep1(name);
    } else if (type === SYNC) this.receiveSync(name, d, data);
    else if (type === SYNC_STATUS) this.acks++;
  }

  private receiveSync(name: string, d: decoding.Decoder, data: Buffer): void {
    const subtype = decoding.readVarUint(d);
    const payload = decoding.readVarUint8Array(d);
    if (subtype === syncProtocol.messageYjsSyncStep1) {
      const answer = name === this.spec.own ? Y.encodeStateAsUpdate(this.own, payload) : EMPTY_UPDATE;
      this.send(name, message((e) => (encoding.writeVarUint(e, SYNC), encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2), encoding.writeVarUint8Array(e, answer))));
      return;
    }
    if (name === this.spec.own) Y.applyUpdate(this.own, payload, this);
    else if (subtype === syncProtocol.messageYjsUpdate) markers(data, (id, sentAt) => this.arrivals.has(id) || this.arrivals.set(id, now() - sentAt));
    if (subtype === syncProtocol.messageYjsSyncStep2 && this.pending > 0 && --this.pending === 0) this.resolveReady();
  }
}
