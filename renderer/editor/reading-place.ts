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

/** The offset of the text at the reading line of the window, or 0 above the article's start. */
export function placeInView(root: HTMLElement, textMap: TextMap, index: CodePointIndex): number | null {
  const box = root.getBoundingClientRect();
  if (box.top >= line()) return 0;
  // the line may fall in the gap between two paragraphs: look a little lower
  for (let y = line(); y < line() + 80; y += 10) {
    const caret = document.caretPositionFromPoint(box.left + Math.min(24, box.width / 2), y);
    const offset = caret && root.contains(caret.offsetNode) ? textMap.offsetOf(caret.offsetNode, caret.offset) : null;
    if (offset !== null) return index.toCodePoint(offset);
  }
  return null;
}

/** Scrolls the window so the text at `offset` sits on the reading line. */
export function bringIntoView(textMap: TextMap, index: CodePointIndex, offset: number): void {
  const start = index.toUtf16(Math.min(offset, Math.max(0, index.length - 1)));
  // a line break between paragraphs has no box: take the next character that has one
  let rect: DOMRect | undefined;
  for (let at = start; !rect && at < start + 4; at++) rect = textMap.range(at, at + 1)?.getBoundingClientRect();
  if (!rect) return;
  scrollBy({ top: offset === 0 ? -scrollY : rect.top - line(), behavior: 'instant' });
}
