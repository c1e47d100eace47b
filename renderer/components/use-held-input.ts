/**
 * Input held while an article view hands over to the user's new layer (a team is made: see
 * store/article-handover.ts). The layer left is sealed, so what the user does in that moment must
 * wait for the new one rather than be refused: a press of a button in the view (with the mouse or
 * the keyboard), Ctrl+Enter in one of its fields (which sends a note or a reply) and a command key
 * in the text are kept in order and replayed once the new layer is shown, on the handlers of that
 * render — they act on the new layer, once. Reading goes on meanwhile: selecting, scrolling,
 * moving the caret, typing into a field and following a link are not held.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';

/** A key press, as the view's key commands read it. */
export interface Keys {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export const keysOf = ({ key, ctrlKey, metaKey, altKey, shiftKey }: Keys): Keys => ({ key, ctrlKey, metaKey, altKey, shiftKey });

/**
 * While `busy`, holds the presses of buttons inside `view`; returns `hold`, which keeps a command
 * key for later. When `busy` ends, everything held is replayed in order (keys through `onKey`).
 */
export function useHeldInput(view: RefObject<HTMLElement | null>, busy: boolean, onKey: (keys: Keys) => void): (keys: Keys) => void {
  const latest = useRef(onKey);
  latest.current = onKey;
  const held = useRef<(() => void)[]>([]);
  useEffect(() => {
    const root = view.current;
    if (!busy || !root) return;
    const holdPress = (e: MouseEvent) => {
      const button = e.target instanceof Element ? e.target.closest('button') : null;
      if (!button || !root.contains(button)) return;
      e.preventDefault();
      e.stopPropagation();
      held.current.push(() => button.isConnected && button.click());
    };
    const holdSend = (e: KeyboardEvent) => {
      const field = e.target;
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || !(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return;
      e.preventDefault();
      e.stopPropagation();
      const again = { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, bubbles: true, cancelable: true };
      held.current.push(() => field.isConnected && field.dispatchEvent(new KeyboardEvent('keydown', again)));
    };
    root.addEventListener('click', holdPress, true);
    root.addEventListener('keydown', holdSend, true);
    return () => {
      root.removeEventListener('click', holdPress, true);
      root.removeEventListener('keydown', holdSend, true);
      const replay = held.current.splice(0);
      // the view is still there (not unmounted): it now shows the new layer
      if (root.isConnected) replay.forEach((run) => run());
    };
  }, [view, busy]);
  return useCallback((keys: Keys) => void held.current.push(() => latest.current(keys)), []);
}
