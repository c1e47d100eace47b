/**
 * Where someone is reading in an article, as a place in the text rather than in pixels, so the
 * projector can follow the teacher whatever the two windows' sizes and type: the code point
 * offset of the text at READING_LINE (a fifth of the window down, below the sticky bars). The
 * teacher's page reads it (`placeInView`); the projector brings the same offset to the same line
 * (`bringIntoView`).
 */
import type { CodePointIndex } from '../../shared/text/code-points';
import type { TextMap } from './text-map';

const READING_LINE = 0.2;

const line = () => Math.round(innerHeight * READING_LINE);

/** The box of the character at code point `at`, or of the next one that has a box (a line break between paragraphs has none). */
function boxAt(textMap: TextMap, index: CodePointIndex, at: number): DOMRect | undefined {
  const start = index.toUtf16(Math.min(at, Math.max(0, index.length - 1)));
  let rect: DOMRect | undefined;
  for (let u = start; !rect && u < start + 4; u++) rect = textMap.range(u, u + 1)?.getBoundingClientRect();
  return rect;
}

/**
 * The offset of the text at the reading line of the window, or 0 above the article's start.
 * Found by measuring the text itself (a binary search: text flows down the page), not by
 * hit-testing the point, which the sticky top bar and kind toolbar may cover.
 */
export function placeInView(root: HTMLElement, textMap: TextMap, index: CodePointIndex): number | null {
  if (root.getBoundingClientRect().top >= line() || index.length === 0) return 0;
  let low = 0;
  let high = index.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    const rect = boxAt(textMap, index, mid);
    if (!rect) return null;
    if (rect.bottom > line()) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Scrolls the window so the text at `offset` sits on the reading line. */
export function bringIntoView(textMap: TextMap, index: CodePointIndex, offset: number): void {
  const rect = boxAt(textMap, index, offset);
  if (!rect) return;
  scrollBy({ top: offset === 0 ? -scrollY : rect.top - line(), behavior: 'instant' });
}
