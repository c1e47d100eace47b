/**
 * Hovering the article text: finds the annotation under the pointer (the shortest one, when
 * several overlap) so its links can be shown in the text and the sidebar, as focusing it does.
 * Pointer moves are handled at most once per frame.
 */
import { useRef } from 'react';
import type { ArticleState } from '../store/article-state';
import type { TextMap } from './text-map';

/** The DOM position under a point: caretPositionFromPoint where it exists, else Chromium's older API. */
function positionAt(x: number, y: number): { node: Node; offset: number } | null {
  if ('caretPositionFromPoint' in document) {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = (document as Document & { caretRangeFromPoint(x: number, y: number): Range | null }).caretRangeFromPoint(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

export function useTextHover(textMap: TextMap | null, state: ArticleState) {
  const frame = useRef<number | null>(null);
  const last = useRef<string | null>(null);
  const report = (id: string | null) => {
    if (id !== last.current) state.hover((last.current = id));
  };
  return {
    onMouseMove(event: React.MouseEvent) {
      const { clientX, clientY } = event;
      const placed = state.getSnapshot().placement?.placed;
      if (frame.current !== null || !textMap || !placed) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        const at = positionAt(clientX, clientY);
        const offset = at ? textMap.offsetOf(at.node, at.offset) : null;
        const under = offset === null ? [] : placed.filter((p) => p.start <= offset && offset < p.end);
        under.sort((a, b) => a.end - a.start - (b.end - b.start));
        report(under[0]?.annotation.id ?? null);
      });
    },
    onMouseLeave() {
      report(null);
    },
  };
}
