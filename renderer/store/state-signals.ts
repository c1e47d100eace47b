/**
 * Who an article state tells about its changes, and when: observers (the painter) get the
 * placements removed and added, subscribers (React, through useSyncExternalStore) that
 * something changed. Outside a batch both are told at once, synchronously, so a key press or
 * a classmate's mark is painted in the same task. Inside `batch` (thirty layers arriving from
 * one snapshot) they are told once, at its end, with the changes merged: one repaint and one
 * render instead of thirty.
 */
import type { Placed } from './placed-annotations';

/** What a painter has to do: remove the old placements, add the new ones (all of them after a reset). */
export interface PlacementChange {
  reset: boolean;
  removed: Placed[];
  added: Placed[];
}

/** A change being merged: sets, so that merging thirty layers' changes stays linear. */
interface Pending {
  reset: boolean;
  removed: Set<Placed>;
  added: Set<Placed>;
}

const pending = (c: PlacementChange): Pending => ({ reset: c.reset, removed: new Set(c.removed), added: new Set(c.added) });

/** Adds `b` to `into` (a placement added before and removed by `b` is in neither); a reset replaces all. */
function mergeInto(into: Pending, b: PlacementChange): Pending {
  if (b.reset) return pending(b);
  for (const p of b.removed) if (!into.added.delete(p)) into.removed.add(p);
  for (const p of b.added) into.added.add(p);
  return into;
}

const settled = (p: Pending): PlacementChange => ({ reset: p.reset, removed: [...p.removed], added: [...p.added] });

/** `a` then `b` as one change (a placement added by `a` and removed by `b` is in neither). */
export function mergeChanges(a: PlacementChange, b: PlacementChange): PlacementChange {
  return b.reset ? b : settled(mergeInto(pending(a), b));
}

export function stateSignals() {
  const listeners = new Set<() => void>();
  const observers = new Set<(change: PlacementChange) => void>();
  let depth = 0;
  let changed = false;
  let placed: Pending | null = null;
  const flush = () => {
    const change = placed && settled(placed);
    placed = null;
    if (change && (change.reset || change.added.length || change.removed.length)) for (const o of [...observers]) o(change);
    if (!changed) return;
    changed = false;
    for (const listener of [...listeners]) listener();
  };
  return {
    /** something subscribers read changed */
    changed() {
      changed = true;
      if (depth === 0) flush();
    },
    /** placements changed */
    placed(change: PlacementChange) {
      placed = placed ? mergeInto(placed, change) : pending(change);
      if (depth === 0) flush();
    },
    /** runs `work`, telling everyone once at its end */
    batch(work: () => void) {
      depth++;
      try {
        work();
      } finally {
        if (--depth === 0) flush();
      }
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    observe(observer: (change: PlacementChange) => void): () => void {
      observers.add(observer);
      return () => observers.delete(observer);
    },
    clear() {
      listeners.clear();
      observers.clear();
    },
  };
}
