/**
 * The annotations under the article's selection or caret, followed as it moves (mouse or
 * keyboard): those whose span contains it (for a selection that spans several, those it
 * overlaps), shortest first. Read at most once per frame on `selectionchange`; the result is
 * kept as a key, so a caret moving inside the same annotations changes nothing downstream.
 * A selection outside the article text leaves the last result; before the first one inside it,
 * the focused annotation stands for it.
 */
import { useEffect, useMemo, useState } from 'react';
import type { TextMap } from '../editor/text-map';
import type { Placed } from './placed-annotations';

/** Ids of the annotations under canonical UTF-16 offsets [start, end]. */
export function annotationsUnder(placed: Placed[], start: number, end: number): string[] {
  const containing = placed.filter((p) => p.start <= start && end <= p.end);
  const hits = containing.length > 0 || start === end ? containing : placed.filter((p) => p.start < end && start < p.end);
  const ids = hits.sort((a, b) => a.end - a.start - (b.end - b.start)).map((p) => p.annotation.id);
  return [...new Set(ids)];
}

export function useSelectionAnnotations(textMap: TextMap | null, placed: Placed[], root: () => HTMLElement | null, focused: string | null): string[] {
  const [key, setKey] = useState<string | null>(null);
  useEffect(() => {
    if (!textMap) return;
    let frame: number | null = null;
    const read = () => {
      frame = null;
      const selection = getSelection();
      const box = root();
      if (!selection || selection.rangeCount === 0 || !box?.contains(selection.anchorNode)) return;
      const range = selection.getRangeAt(0);
      const start = textMap.offsetOf(range.startContainer, range.startOffset);
      const end = textMap.offsetOf(range.endContainer, range.endOffset);
      if (start !== null && end !== null) setKey(JSON.stringify(annotationsUnder(placed, start, end)));
    };
    const onChange = () => {
      frame ??= requestAnimationFrame(read);
    };
    read();
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [textMap, placed, root]);
  return useMemo(() => (key !== null ? (JSON.parse(key) as string[]) : focused ? [focused] : []), [key, focused]);
}
