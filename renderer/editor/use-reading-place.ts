/**
 * "Follow me", both ends. The teacher's article view shares where the teacher is reading
 * (presence `scroll`, throttled) while the class's `follow` setting is on, and stops sharing
 * when it is off; the projector's article view brings each place it receives into view, and
 * again when its window is resized.
 */
import { useEffect } from 'react';
import type { CodePointIndex } from '../../shared/text/code-points';
import { announceScroll } from '../store/presence';
import { bringIntoView, placeInView } from './reading-place';
import type { TextMap } from './text-map';

export function useShareReadingPlace(on: boolean, textMap: TextMap | null, index: CodePointIndex | null, root: () => HTMLElement | null): void {
  useEffect(() => {
    if (!on || !textMap || !index) return;
    const share = () => {
      const element = root();
      if (element) announceScroll(placeInView(element, textMap, index));
    };
    share();
    addEventListener('scroll', share, { passive: true });
    addEventListener('resize', share);
    return () => {
      removeEventListener('scroll', share);
      removeEventListener('resize', share);
      announceScroll(null);
    };
  }, [on, textMap, index, root]);
}

export function useFollowReadingPlace(offset: number | null | undefined, textMap: TextMap | null, index: CodePointIndex | null): void {
  useEffect(() => {
    if (offset === null || offset === undefined || !textMap || !index) return;
    const place = () => bringIntoView(textMap, index, offset);
    place();
    // a resized window (or the text reflowing) moves the place: put it back on the line
    addEventListener('resize', place);
    return () => removeEventListener('resize', place);
  }, [offset, textMap, index]);
}
