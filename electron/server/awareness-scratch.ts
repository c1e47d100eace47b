/**
 * Presence messages without a scratch Y.Doc. Hocuspocus 4.7 (pinned) decodes every awareness
 * message into a fresh Y.Doc and Awareness, so its `beforeHandleAwareness` hooks (our presence
 * guard) can rewrite the states, then encodes them again: the Y.Doc's id is a UUID drawn by 31
 * calls into the system's random source, and the Awareness starts and stops a timer. In a class
 * that is about a tenth of the server's CPU (profiled in the sync bench: every member moves its
 * selection twice a second). This replaces that one branch of `MessageReceiver.apply` with the
 * same steps on plain maps: the states an update sets on an empty Awareness (y-protocols' rule:
 * a client's highest clock wins, clock 0 sets nothing, a null state sets nothing), the same hook
 * with the same origin, the kept states encoded at their clocks and applied to the document's
 * awareness. What Hocuspocus's scratch added of its own (an empty state under a random client
 * id, which the presence guard dropped) is not there. Every other message goes to Hocuspocus.
 */
import { MessageReceiver, MessageType, type Connection, type Document } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate } from 'y-protocols/awareness';

type State = Record<string, unknown>;

/** The states and clocks an awareness update leaves on an empty Awareness (y-protocols' applyAwarenessUpdate). */
export function decodeStates(update: Uint8Array): { states: Map<number, State>; clocks: Map<number, number> } {
  const decoder = decoding.createDecoder(update);
  const states = new Map<number, State>();
  const clocks = new Map<number, number>();
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = JSON.parse(decoding.readVarString(decoder)) as State | null;
    const known = clocks.get(id) ?? 0;
    if (known < clock || (known === clock && state === null && states.has(id))) {
      if (state === null) states.delete(id);
      else states.set(id, state);
      clocks.set(id, clock);
    }
  }
  return { states, clocks };
}

/** The states as an awareness update, each at its clock (y-protocols' encodeAwarenessUpdate); one without a clock is left out. */
export function encodeStates(states: Map<number, State>, clocks: Map<number, number>): Uint8Array {
  const kept = [...states].filter(([id]) => clocks.has(id));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kept.length);
  for (const [id, state] of kept) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clocks.get(id)!);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

let installed = false;

/** Installs the awareness branch on Hocuspocus's MessageReceiver (once per process). */
export function lightAwareness(): void {
  if (installed) return;
  installed = true;
  const hocuspocusApply = MessageReceiver.prototype.apply;
  MessageReceiver.prototype.apply = async function (this: MessageReceiver, document: Document, connection?: Connection, reply?: (message: Uint8Array) => void) {
    if (decoding.peekVarUint(this.message.decoder) !== MessageType.Awareness) return hocuspocusApply.call(this, document, connection, reply);
    decoding.readVarUint(this.message.decoder);
    const update = this.message.readVarUint8Array();
    const origin = connection ? { source: 'connection', connection } : (this.defaultTransactionOrigin ?? { source: 'local' });
    const { states, clocks } = decodeStates(update);
    await document.callbacks.beforeHandleAwareness(document, states, origin);
    applyAwarenessUpdate(document.awareness, encodeStates(states, clocks), origin);
  };
}
