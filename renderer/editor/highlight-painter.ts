/**
 * Paints an article state's placements over the rendered text, and keeps them painted: it
 * follows the state's changes and adds or removes only the ranges of the records that changed
 * in the per-kind Highlights of the CSS Custom Highlight registry (never delete-all-rebuild).
 * It also paints the focused annotation and the ones linked to the focused (or hovered) one.
 * A new text map (a new rendering of the text) or tagset makes a new painter.
 */
import type { ArticleState, PlacementChange } from '../store/article-state';
import type { Placed } from '../store/placed-annotations';
import { FOCUS, KIND_PREFIX, LINKED, highlightName, paintMany, paintSingle } from './highlights';
import type { TextMap } from './text-map';

export interface Painter {
  /** the painted range of annotation `id`, if it is painted */
  rangeOf(id: string): Range | undefined;
  /** how many ranges are painted */
  readonly size: number;
  stop(): void;
}

/**
 * Starts painting. `paintedKind` maps a record's kind to the kind it is painted as (a kind the
 * tagset no longer has is painted in the neutral style, never hidden); `onPainted` runs after
 * each change is in the registry, with the number of ranges painted.
 */
export function paintArticle(state: ArticleState, map: TextMap, paintedKind: (kind: string) => string, onPainted: (size: number) => void): Painter {
  const painted = new Map<Placed, { range: Range; name: string }>();
  const highlight = (name: string) => {
    let h = CSS.highlights.get(name);
    if (!h) CSS.highlights.set(name, (h = new Highlight()));
    return h;
  };
  const add = (p: Placed) => {
    const range = p.anchor === 'orphan' ? null : map.range(p.start, p.end);
    if (!range) return;
    const name = highlightName(paintedKind(p.annotation.kind));
    highlight(name).add(range);
    painted.set(p, { range, name });
  };
  const clear = () => {
    for (const name of [...CSS.highlights.keys()]) if (name.startsWith(KIND_PREFIX)) CSS.highlights.delete(name);
    painted.clear();
  };
  const apply = (change: PlacementChange) => {
    if (change.reset) clear();
    for (const p of change.removed) {
      const entry = painted.get(p);
      if (!entry) continue;
      const h = CSS.highlights.get(entry.name);
      h?.delete(entry.range);
      // a kind with nothing left is taken out of the registry
      if (h?.size === 0) CSS.highlights.delete(entry.name);
      painted.delete(p);
    }
    for (const p of change.added) add(p);
    onPainted(painted.size);
  };
  const rangeOf = (id: string) => {
    const p = state.find(id);
    return p && painted.get(p)?.range;
  };
  // focus and links follow the state's snapshot
  const paintFocus = () => {
    const { focusedId, hoveredId, links } = state.getSnapshot();
    paintSingle(FOCUS, focusedId ? rangeOf(focusedId) : undefined);
    const shownFor = hoveredId ?? focusedId;
    const ends = shownFor ? links.get(shownFor) ?? [] : [];
    paintMany(LINKED, ends.filter((e) => e.article === state.article).map((e) => rangeOf(e.id)));
  };
  apply({ reset: true, removed: [], added: [...state.all()] });
  paintFocus();
  const stops = [state.observe(apply), state.subscribe(paintFocus)];
  return {
    rangeOf,
    get size() {
      return painted.size;
    },
    stop() {
      stops.forEach((stop) => stop());
      clear();
      paintSingle(FOCUS, undefined);
      paintMany(LINKED, []);
    },
  };
}
