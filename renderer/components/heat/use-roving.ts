/**
 * Roving focus over a column of buttons (the heat strip's segments): one tab stop for the
 * whole column; ↑/↓ move to the previous/next, Home/End to the first/last. Buttons are found by
 * `data-roving` inside the element the key handler sits on, so the column may be laid out in
 * rows of a grid as well as in one box.
 */
import { useCallback, useState } from 'react';

const STEPS: Record<string, (from: number, last: number) => number> = {
  ArrowDown: (from) => from + 1,
  ArrowUp: (from) => from - 1,
  Home: () => 0,
  End: (_, last) => last,
};

export function useRoving(count: number) {
  const [current, setCurrent] = useState(0);
  const onKeyDown = useCallback((e: React.KeyboardEvent<HTMLElement>) => {
    const step = STEPS[e.key];
    if (!step || !(e.target instanceof HTMLElement) || !e.target.hasAttribute('data-roving')) return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-roving]')];
    const next = Math.max(0, Math.min(buttons.length - 1, step(buttons.indexOf(e.target), buttons.length - 1)));
    e.preventDefault();
    setCurrent(next);
    buttons[next]?.focus();
  }, []);
  return { current: Math.min(current, Math.max(0, count - 1)), setCurrent, onKeyDown };
}
