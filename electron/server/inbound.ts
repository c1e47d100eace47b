/**
 * Reads the document update out of an inbound Hocuspocus frame, before Hocuspocus applies
 * it, so the server can persist it first (storage) or refuse it (write guard). A frame is
 * `varString address, varUint type, …`; for Sync/SyncReply frames carrying SyncStep2 or
 * Update the rest is `varUint subtype, varUint8Array update`. A frame that cannot be read,
 * or whose update does not decode, is a Refusal('malformed-message').
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { Refusal } from './reasons';

const SYNC = 0;
const SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const UPDATE = 2;

/** The Yjs update a frame carries, or null for frames that carry none (awareness, step 1…). */
export function inboundUpdate(frame: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC && type !== SYNC_REPLY) return null;
    const subtype = decoding.readVarUint(decoder);
    if (subtype !== SYNC_STEP_2 && subtype !== UPDATE) return null;
    const update = decoding.readVarUint8Array(decoder);
    Y.decodeUpdate(update);
    return update;
  } catch {
    throw new Refusal('malformed-message', 4400);
  }
}

/** True when applying `update` would change `doc` (Hocuspocus uses the same test for read-only acks). */
export function changes(doc: Y.Doc, update: Uint8Array): boolean {
  return !Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}
