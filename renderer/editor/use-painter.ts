/**
 * Keeps an article state painted over the rendered text while the view shows it: a painter
 * (highlight-painter.ts) is made for each rendering of the text and for each set of kinds of
 * the tagset, before the browser paints. Returns a getter for the current painter.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Tagset } from '../../shared/model/tagset';
import type { ArticleState } from '../store/article-state';
import { paintArticle, type Painter } from './highlight-painter';
import { clearAll, UNKNOWN_KIND } from './highlights';
import { recordPaint } from './paint-timings';
import type { TextMap } from './text-map';

export function usePainter(state: ArticleState, textMap: TextMap | null, tagset: Tagset): () => Painter | null {
  const painter = useRef<Painter | null>(null);
  // a new tagset object (any corpus change) repaints only when its kinds differ
  const kinds = tagset.kinds.map((k) => k.key).join('\n');
  const known = useMemo(() => new Set(kinds.split('\n')), [kinds]);
  useLayoutEffect(() => {
    if (!textMap) return;
    // a kind the tagset no longer has is painted in the neutral "unknown" style, never hidden
    const painted = (kind: string) => (known.has(kind) ? kind : UNKNOWN_KIND);
    // the text is rendered (hidden) before the user's layer is in: only paints from then on are timed
    const current = paintArticle(state, textMap, painted, (size) => state.ready() && recordPaint(size));
    painter.current = current;
    return () => {
      current.stop();
      painter.current = null;
    };
  }, [state, textMap, known]);
  useEffect(() => clearAll, []);
  return useCallback(() => painter.current, []);
}
