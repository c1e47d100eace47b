/**
 * Convergence under seeded random operations on 8 in-memory peers (convergence-trial.ts):
 * drops, reordering, partitions and reconnects; identical replicas, no lost or duplicated
 * record, unchanged article text. GLOSE_TRIALS=N runs N trials (default 1,000);
 * GLOSE_SEED=S replays one trial; a failure names its seed.
 */
import { describe, expect, it } from 'vitest';
import { runTrial } from './convergence-trial';

const TRIALS = Number(process.env.GLOSE_TRIALS ?? 1000);

describe('convergence of 8 peers under drops, reordering, partitions and reconnects', () => {
  const only = process.env.GLOSE_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: TRIALS }, (_, i) => 0x5eed + i * 7919);

  it(`${seeds.length} seeded trials converge with no lost or duplicated record and the text unchanged`, () => {
    const totals = { sent: 0, dropped: 0, delivered: 0, syncs: 0 };
    for (const seed of seeds) {
      const { stats } = runTrial(seed);
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += stats[key];
    }
    // The network really misbehaved: messages were dropped and reconnects synced.
    expect(totals.dropped).toBeGreaterThan(0);
    expect(totals.syncs).toBeGreaterThan(seeds.length);
    expect(totals.delivered).toBeGreaterThan(0);
  }, 120_000);
});
