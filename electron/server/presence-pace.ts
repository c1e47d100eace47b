/**
 * Presence goes out to a document's connections at most once per PRESENCE_WINDOW_MS. In a class
 * every member moves its selection about twice a second, so a room of 30 makes some 60 presence
 * moves a second, each sent to the 29 others: twice the messages of the annotations themselves
 * (the sync bench, 10 rooms of 30: about 17,000 presence messages a second out of 26,000, and the
 * socket writes they cost were the server's largest cost, session scale6). Awareness keeps only the
 * latest state of each client, so the moves of one window go out as one message with each mover's
 * last state; nothing a client would keep is dropped.
 *
 * A change when no window is open goes out at the end of its turn, as before (Hocuspocus 4.7's
 * `flushDelay` 0, folded into turn-writes.ts), and opens a window: changes during it are held until
 * it ends, then sent together, which opens the next window. A classmate's presence therefore
 * arrives at most PRESENCE_WINDOW_MS later than it did; document updates are never held. The
 * presence filter (blind mode, hidden names) still decides each recipient's bytes when the window's
 * message is sent, under the rules of that moment. Like turn-writes.ts this leans on Hocuspocus
 * 4.7's private `handleAwarenessUpdate` (bound per document at construction, so it is replaced
 * before the server opens any) and `pendingAwarenessClients`: recheck both at any upgrade.
 */
import { Document } from '@hocuspocus/server';

export const PRESENCE_WINDOW_MS = 50;

/** What this module uses of a Document that Hocuspocus's types keep private. */
interface Paced {
  isDestroyed: boolean;
  pendingAwarenessClients: Set<number>;
  scheduleFlush(): void;
}

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

/** A document's open window: the clients changed during it; `opening` while in the turn that opened it (those go out now). */
interface Window { clients: Set<number>; opening: boolean }
const windows = new WeakMap<Paced, Window>();

/** Ends a document's window: what it held goes out at the end of this turn and opens the next one. */
function endWindow(document: Paced): void {
  const { clients } = windows.get(document)!;
  if (clients.size === 0 || document.isDestroyed) return void windows.delete(document);
  for (const id of clients) document.pendingAwarenessClients.add(id);
  document.scheduleFlush();
  openWindow(document);
}

/**
 * Opens a window when a broadcast is scheduled; it runs from the end of the turn, once the broadcast
 * has gone out (turn-writes.ts scheduled that end first), so two broadcasts are never closer than
 * PRESENCE_WINDOW_MS, however late a busy server reaches the end of a turn.
 */
function openWindow(document: Paced): void {
  const window: Window = { clients: new Set(), opening: true };
  windows.set(document, window);
  setImmediate(() => {
    window.opening = false;
    setTimeout(() => endWindow(document), PRESENCE_WINDOW_MS).unref();
  });
}

let installed = false;

/** Installs the window on every document's awareness broadcast (once per process). */
export function presencePace(): void {
  if (installed) return;
  installed = true;
  const prototype = Document.prototype as unknown as { handleAwarenessUpdate(this: Paced, changes: AwarenessChanges, origin: unknown): unknown };
  const hocuspocusHandle = prototype.handleAwarenessUpdate;
  prototype.handleAwarenessUpdate = function (this: Paced, changes: AwarenessChanges, origin: unknown) {
    // Hocuspocus's own bookkeeping (which clients a connection owns), then its end-of-turn flush
    const result = hocuspocusHandle.call(this, changes, origin);
    const window = windows.get(this);
    if (!window) openWindow(this);
    else if (!window.opening) {
      for (const id of this.pendingAwarenessClients) window.clients.add(id);
      this.pendingAwarenessClients.clear();
    }
    return result;
  };
}
