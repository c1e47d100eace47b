/**
 * One socket write per client per event-loop turn. Hocuspocus 4.7 (pinned) sends every message
 * with its own `ws.send`, which is one `writev` system call: a student's socket carries the corpus,
 * the text and every classmate's layer, so a turn that relays ten layers' updates and a few
 * presence moves to it made a dozen system calls on that socket, and the sync bench's CPU profiles
 * put `writev` first (15–50 % of the server's samples under load). Here the first message of a
 * turn corks the client's TCP socket, and one callback at the end of the turn (`setImmediate`,
 * after the turn's reads) uncorks them all: Node then writes what the turn queued in one `writev`,
 * in the order it was sent. Nothing waits longer than the turn it was sent in.
 *
 * Hocuspocus already defers each document's broadcast to a `setImmediate` of its own (`flushDelay`
 * 0: a turn's updates to a document go out merged). Those callbacks are folded into the same
 * end-of-turn callback, documents first, sockets after, so a broadcast never misses the uncork of
 * its turn and waits for the next one. Like awareness-scratch.ts, this leans on Hocuspocus 4.7's
 * `Connection.send` and `Document.scheduleFlush`: recheck both at any upgrade.
 *
 * What must leave before the clients' writes registers with `beforeClientWrites`: a school's
 * relay (redis-relay.ts) sends the turn's changes to the other processes first, so that they work
 * on them while this one writes to its own clients.
 */
import type { Socket } from 'node:net';
import { Connection, Document } from '@hocuspocus/server';

/** What this module uses of a Document that Hocuspocus's types keep private. */
interface Flushable {
  flushDelay: false | number;
  cancelFlush: (() => void) | null;
  flush(): void;
}

let installed = false;
const firsts = new Set<() => void>();

/** Runs `first` at the start of every end of turn, before any document's broadcast and client's write; returns its removal. */
export function beforeClientWrites(first: () => void): () => void {
  firsts.add(first);
  return () => void firsts.delete(first);
}

/** Installs the turn's cork on Connection.send and the shared end of turn on Document.scheduleFlush (once per process). */
export function turnWrites(): void {
  if (installed) return;
  installed = true;
  const documents = new Set<Flushable>();
  const corked = new Set<Socket>();
  let scheduled = false;
  const endOfTurn = (): void => {
    for (const first of firsts) first();
    // a Set iterates over the entries added while it runs: a flush that schedules another is served too
    for (const document of documents) {
      documents.delete(document);
      document.cancelFlush = null;
      document.flush();
    }
    for (const socket of corked) socket.uncork();
    corked.clear();
    scheduled = false;
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(endOfTurn);
  };

  const prototype = Document.prototype as unknown as Flushable & { scheduleFlush(): void };
  const hocuspocusSchedule = prototype.scheduleFlush;
  prototype.scheduleFlush = function (this: Flushable) {
    if (this.flushDelay !== 0) return hocuspocusSchedule.call(this);
    if (this.cancelFlush !== null) return;
    documents.add(this);
    this.cancelFlush = () => documents.delete(this);
    schedule();
  };

  const hocuspocusSend = Connection.prototype.send;
  Connection.prototype.send = function (this: Connection, message: Uint8Array) {
    const socket = (this.webSocket as { _socket?: Socket })._socket;
    if (socket && !socket.destroyed && !corked.has(socket)) {
      socket.cork();
      corked.add(socket);
      schedule();
    }
    hocuspocusSend.call(this, message);
  };
}
