/**
 * The keys of a list walked one item at a time (roving focus): ↑/↓ move by one, Home/End to
 * the ends. Returns the index to move to, or null for any other key.
 */
export function stepTo(key: string, current: number, count: number): number | null {
  const to = key === 'ArrowDown' ? current + 1 : key === 'ArrowUp' ? current - 1 : key === 'Home' ? 0 : key === 'End' ? count - 1 : null;
  return to === null ? null : Math.max(0, Math.min(count - 1, to));
}

/** Focuses the `index`-th element matching `selector` inside `root`. */
export function focusItem(root: HTMLElement | null, selector: string, index: number): void {
  root?.querySelectorAll<HTMLElement>(selector)[index]?.focus();
}
