/**
 * The top bar's height as the CSS variable `--topbar-height` on the page: on a narrow window or
 * at a large zoom its buttons wrap onto a second row, and the sticky kind toolbar and sidebar
 * must then start below it rather than under it (styles.css falls back to one row, 3.2rem).
 */
import { useEffect, type RefObject } from 'react';

export function useTopbarHeight(topbar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const bar = topbar.current;
    if (!bar) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--topbar-height', `${bar.offsetHeight}px`));
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--topbar-height');
    };
  }, [topbar]);
}
