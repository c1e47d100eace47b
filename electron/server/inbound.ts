/**
 * Reads the document update out of an inbound Hocuspocus frame, before Hocuspocus applies
 * it, so the server can check it (write guard) and persist it first (storage). A frame is
 * `varString address, varUint type, …`; for Sync/SyncReply frames carrying SyncStep2 or
 * Update the rest is `varUint subtype, varUint8Array update`. A frame that cannot be read is a
 * Refusal('malformed-message'). Each frame is read once: the write guard reads it and records
 * its verdict, and persistence asks for the verdict instead of reading the frame again.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { Refusal } from './reasons';

const SYNC = 0;
const SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const UPDATE = 2;

/** The update a frame carries; after the write guard, the update to store (null: refused or no change). */
const read = new WeakMap<Uint8Array, Uint8Array | null>();

/** The Yjs update a frame carries, or null for frames that carry none (awareness, step 1…). */
export function inboundUpdate(frame: Uint8Array): Uint8Array | null {
  const known = read.get(frame);
  if (known !== undefined) return known;
  let update: Uint8Array | null = null;
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC || type === SYNC_REPLY) {
      const subtype = decoding.readVarUint(decoder);
      if (subtype === SYNC_STEP_2 || subtype === UPDATE) update = decoding.readVarUint8Array(decoder);
    }
  } catch {
    throw new Refusal('malformed-message', 4400);
  }
  read.set(frame, update);
  return update;
}

/** Records that the frame's update must not be stored (refused, or it changes nothing). */
export function storeNothing(frame: Uint8Array): void {
  read.set(frame, null);
}

/** True when applying `update` would change `doc`, or it cannot be read (Hocuspocus uses the same test for read-only acks). */
export function changes(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    return !Y.snapshotContainsUpdate(Y.snapshot(doc), update);
  } catch {
    return true;
  }
}
