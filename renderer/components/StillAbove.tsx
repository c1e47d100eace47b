/**
 * What the article column shows above the text: the navigation, the title, the version bar,
 * the assignment cards, the kind toolbar, the hint and the notice. Several of these arrive or
 * change after the text is on screen, at any time and with a height nobody knows before: a
 * teacher's new assignment or extension, the due time passing, the marks carried from a previous
 * version, a notice. Each one moves the text, and the browser's scroll anchoring does not help at
 * the top of the page. Under a mouse selection being dragged that is a wrong selection: the words
 * under the pointer are not the ones the student started on.
 *
 * So while a pointer is pressed on the text, this block keeps the height it had at the press
 * (what arrives meanwhile is laid out inside it, clipped), and takes its new height when the
 * pointer is let go: the selection is then made, on the words meant. Everything in the block
 * stays in the page, in the same order, for the keyboard and screen readers. The rest of the
 * time the block makes no box of its own (display: contents), so the kind toolbar stays sticky
 * over the whole column. A box would keep a stuck toolbar inside it (it would leave the screen
 * during the press), so once the toolbar is stuck — the page scrolled down into the text — the
 * block is not held: there the browser's scroll anchoring keeps the text still, as it does not
 * at the top of the page.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

interface Props {
  /** the text a selection is dragged over */
  text: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/** A sticky part (the kind toolbar) held at its sticking line: the page is scrolled past its place. */
function stuck(part: Element): boolean {
  const style = getComputedStyle(part);
  return style.position === 'sticky' && part.getBoundingClientRect().top <= parseFloat(style.top) + 1;
}

export function StillAbove({ text, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const block = box.current;
    const area = text.current;
    if (!block || !area) return;
    const hold = (e: PointerEvent) => {
      if (!e.isPrimary || [...block.children].some(stuck)) return;
      block.classList.add('held');
      block.style.height = `${block.getBoundingClientRect().height}px`;
    };
    const free = () => {
      block.classList.remove('held');
      block.style.removeProperty('height');
    };
    area.addEventListener('pointerdown', hold);
    for (const type of ['pointerup', 'pointercancel', 'blur'] as const) window.addEventListener(type, free);
    return () => {
      area.removeEventListener('pointerdown', hold);
      for (const type of ['pointerup', 'pointercancel', 'blur'] as const) window.removeEventListener(type, free);
    };
  }, [text]);
  return (
    <div ref={box} className="still-above">
      {children}
    </div>
  );
}
