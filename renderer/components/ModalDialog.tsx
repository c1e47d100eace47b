/**
 * A modal dialog on the native <dialog> element, opened with showModal() while it is mounted:
 * the page behind is inert and the browser draws the backdrop; Tab and Shift+Tab wrap around
 * inside (the browser alone would let focus leave for its own toolbar). Escape
 * calls `onClose` (the dialog's `cancel` event); without `onClose` the dialog cannot be
 * dismissed (the first-start name dialog), and if the browser closes it anyway it opens again.
 * When it goes away, focus returns to where it was.
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** The dialog's elements in Tab order (of a radio group, only its checked radio). */
function tabbable(dialog: HTMLDialogElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    if (el.tabIndex < 0 || el.matches(':disabled') || el.getClientRects().length === 0) return false;
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || el.checked) return true;
    return !dialog.querySelector(`input[type=radio][name="${CSS.escape(el.name)}"]:checked`);
  });
}

function onKeyDown(e: KeyboardEvent<HTMLDialogElement>): void {
  // Escape stays in the dialog: the page's own Escape handlers do not see it
  if (e.key === 'Escape') e.stopPropagation();
  if (e.key !== 'Tab') return;
  const all = tabbable(e.currentTarget);
  const [first, last] = [all[0], all[all.length - 1]];
  const wrapTo = e.shiftKey ? (document.activeElement === first ? last : null) : document.activeElement === last ? first : null;
  if (wrapTo) {
    e.preventDefault();
    wrapTo.focus();
  }
}

interface Props {
  labelledBy: string;
  onClose?: () => void;
  children: ReactNode;
}

export function ModalDialog({ labelledBy, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useLayoutEffect(() => {
    const dialog = ref.current!;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const cancel = (e: Event) => {
      e.preventDefault();
      close.current?.();
    };
    const closed = () => (close.current ? close.current() : dialog.showModal());
    dialog.addEventListener('cancel', cancel);
    dialog.addEventListener('close', closed);
    dialog.showModal();
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.removeEventListener('close', closed);
      dialog.close(); // while it is open the page behind is inert and cannot take focus back
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className="modal" aria-labelledby={labelledBy} onKeyDown={onKeyDown}>
      {children}
    </dialog>
  );
}
