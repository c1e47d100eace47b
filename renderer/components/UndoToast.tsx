/** A short-lived message with an Undo button, announced to screen readers. */
import { useEffect } from 'react';
import { useT } from '../i18n/use-t';

interface Props {
  message: string | null;
  onUndo: () => void;
  onClose: () => void;
}

export function UndoToast({ message, onUndo, onClose }: Props) {
  const { t } = useT();
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(onClose, 10_000);
    return () => clearTimeout(timer);
  }, [message, onClose]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {message && (
        <div className="toast">
          <span>{message}</span>
          <button type="button" onClick={onUndo} aria-keyshortcuts="Control+Z">
            {t('undo.undo')}
          </button>
        </div>
      )}
    </div>
  );
}
