import { describe, expect, it } from 'vitest';
import type { Placed } from '../../../renderer/store/placed-annotations';
import { mergeChanges, stateSignals, type PlacementChange } from '../../../renderer/store/state-signals';

const placed = (id: string) => ({ annotation: { id } }) as unknown as Placed;

describe('state signals', () => {
  it('tells observers and subscribers at once outside a batch, and once at the end of one', () => {
    const signals = stateSignals();
    const changes: PlacementChange[] = [];
    let told = 0;
    signals.observe((c) => changes.push(c));
    signals.subscribe(() => told++);
    const [a, b, c] = [placed('a'), placed('b'), placed('c')];
    signals.placed({ reset: false, removed: [], added: [a] });
    signals.changed();
    expect([changes.length, told]).toEqual([1, 1]);
    signals.batch(() => {
      signals.placed({ reset: false, removed: [], added: [b] });
      signals.changed();
      signals.batch(() => signals.placed({ reset: false, removed: [a], added: [c] }));
      signals.changed();
      expect([changes.length, told]).toEqual([1, 1]);
    });
    expect(changes[1]).toEqual({ reset: false, removed: [a], added: [b, c] });
    expect(told).toBe(2);
  });

  it('merges a placement added then removed into nothing, and keeps a reset whole', () => {
    const [a, b] = [placed('a'), placed('b')];
    expect(mergeChanges({ reset: false, removed: [], added: [a, b] }, { reset: false, removed: [a], added: [] })).toEqual({ reset: false, removed: [], added: [b] });
    expect(mergeChanges({ reset: true, removed: [], added: [a] }, { reset: false, removed: [], added: [b] })).toEqual({ reset: true, removed: [], added: [a, b] });
    const reset = { reset: true, removed: [a], added: [b] };
    expect(mergeChanges({ reset: false, removed: [], added: [a] }, reset)).toBe(reset);
  });
});
