/**
 * Takes the reader to an annotation (or any span of the text): focuses it in the article state, selects its text (so the
 * keyboard continues from there), scrolls it into view and flashes it for a moment.
 */
import type { ArticleState } from '../store/article-state';
import type { Painter } from './highlight-painter';
import { FLASH, paintSingle } from './highlights';

const FLASH_MS = 1200;

export function goToAnnotation(state: ArticleState, painter: Painter | null, root: HTMLElement | null, id: string, moveFocus = true): void {
  state.focus(id);
  const range = painter?.rangeOf(id);
  if (range) goToRange(range, root, moveFocus);
}

/** Selects, scrolls to and flashes a range of the article (a record's, or a gold mark's that is no record of the page). */
export function goToRange(range: Range, root: HTMLElement | null, moveFocus = true): void {
  if (moveFocus) root?.focus({ preventScroll: true });
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range.cloneRange());
  showRange(range, root);
}

/** Scrolls a range of the article into view and flashes it, leaving the focus and the selection where they are. */
export function showRange(range: Range, root: HTMLElement | null): void {
  (range.startContainer.parentElement ?? root)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  paintSingle(FLASH, range);
  setTimeout(() => paintSingle(FLASH, undefined), FLASH_MS);
}
