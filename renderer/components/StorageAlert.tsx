/**
 * A clear message when a document could not be opened from the browser's storage
 * (renderer/store/doc-errors.ts), in place of a view that would otherwise wait forever.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { docErrors, subscribeDocErrors } from '../store/doc-errors';

export function StorageAlert() {
  const { t } = useTranslation();
  const errors = useSyncExternalStore(subscribeDocErrors, docErrors);
  if (errors.length === 0) return null;
  return (
    <p className="error storage-alert" role="alert">
      {t('app.storageError', { reason: errors[0]!.message })}
    </p>
  );
}
