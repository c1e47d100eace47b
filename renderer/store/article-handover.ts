/**
 * Which article state an open article shows while the layer its user writes changes (the teacher
 * puts a student in a team during the lesson: from then on the student writes the team's layer).
 * The state of the new layer is opened beside the one on screen, which stays shown — same text,
 * same scroll, same selection — until the new one has its text and its own layer (or a problem to
 * show); then the view takes it in one render and the old one is closed. The old state is sealed
 * as soon as the change begins, so nothing more is written into the layer the user has left. A
 * state of another article (or corpus) is shown at once: there is nothing to keep on screen.
 * DOM-free and React-free: use-article-state.ts drives it from the view's effects.
 */
import type { ArticleState } from './article-state';

export interface Opening {
  state: ArticleState;
  /** corpus and article: a state is only kept on screen for another of the same place */
  place: string;
  /** starts feeding the state; returns the function that stops it */
  open: () => () => void;
}

/** Has what the view needs to show it in one render: its text, index and own layer, or a problem. */
const showable = (state: ArticleState) => {
  const { placement, problem } = state.getSnapshot();
  return placement !== null || problem !== null;
};

export type Handover = ReturnType<typeof articleHandover>;

export function articleHandover() {
  const stops = new Map<Opening, () => void>();
  let shown: Opening | null = null;
  let next: Opening | null = null;
  let unwatch = () => {};
  const listeners = new Set<() => void>();

  const close = (opening: Opening) => {
    stops.get(opening)?.();
    stops.delete(opening);
  };
  // the view is told first, then the state it leaves is closed (before the browser paints either)
  const show = (opening: Opening) => {
    unwatch();
    unwatch = () => {};
    const left = [shown, next].filter((o): o is Opening => o !== null && o !== opening);
    shown = opening;
    next = null;
    listeners.forEach((listener) => listener());
    left.forEach(close);
  };
  const swapWhenShowable = () => {
    if (next && showable(next.state)) show(next);
  };
  /** Seals the state on screen when `opening` is to replace it (called at once, before `want` opens it). */
  const begin = (opening: Opening) => {
    if (shown && shown !== opening && shown.place === opening.place) shown.state.seal();
  };

  return {
    /** Opens `opening` and shows it: at once, or once it is showable when it replaces a state of the same place. */
    want(opening: Opening) {
      if (opening === shown || opening === next) return;
      if (next) close(next);
      unwatch();
      unwatch = () => {};
      next = null;
      stops.set(opening, opening.open());
      if (!shown || shown.place !== opening.place) return show(opening);
      begin(opening);
      next = opening;
      unwatch = opening.state.subscribe(swapWhenShowable);
      swapWhenShowable();
    },
    begin,
    /** The opening on screen (null before the first `want`). */
    shown: (): Opening | null => shown,
    /** A state is being opened to replace the one on screen. */
    switching: () => next !== null,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Stops feeding every state (the view is gone). */
    stop() {
      unwatch();
      for (const opening of [...stops.keys()]) close(opening);
      shown = next = null;
    },
  };
}
