/**
 * The server's light presence decoding (awareness-scratch.ts) keeps what Hocuspocus's scratch
 * Awareness kept: on seeded random awareness updates (several clients, repeated ones, clock 0,
 * null states), the states and clocks it decodes, and the update it encodes from them, are the
 * ones y-protocols' own Awareness gives, apart from the scratch's own empty state.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeStates, encodeStates } from '../../electron/server/awareness-scratch';
import { prng } from '../support/prng';

function randomUpdate(random: () => number): Uint8Array {
  const e = encoding.createEncoder();
  const n = Math.floor(random() * 6);
  encoding.writeVarUint(e, n);
  for (let i = 0; i < n; i++) {
    encoding.writeVarUint(e, 1 + Math.floor(random() * 3)); // few ids: repeats
    encoding.writeVarUint(e, Math.floor(random() * 4)); // clock 0 included
    encoding.writeVarString(e, JSON.stringify(random() < 0.3 ? null : { selection: { start: i, end: i + 1 }, article: 'a1' }));
  }
  return encoding.toUint8Array(e);
}

describe('presence decoded without a scratch Y.Doc', () => {
  it('keeps the states, clocks and encoding y-protocols gives', () => {
    const seed = 1405;
    const random = prng(seed);
    for (let round = 0; round < 500; round++) {
      const update = randomUpdate(random);
      const scratch = new Awareness(new Y.Doc());
      scratch.setLocalState(null); // Hocuspocus's scratch state, which the light path does not add
      applyAwarenessUpdate(scratch, update, null);
      const { states, clocks } = decodeStates(update);
      expect([...states], `seed ${seed}, round ${round}`).toEqual([...scratch.getStates()]);
      for (const id of states.keys()) expect(clocks.get(id)).toBe(scratch.meta.get(id)!.clock);
      expect(encodeStates(states, clocks)).toEqual(encodeAwarenessUpdate(scratch, [...scratch.getStates().keys()]));
      scratch.destroy();
    }
  });

  it('refuses what y-protocols refuses: a state that is not JSON', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 7);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, '{not json');
    expect(() => decodeStates(encoding.toUint8Array(e))).toThrow();
  });
});
