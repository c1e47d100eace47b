/**
 * Documents that could not be opened (IndexedDB unusable: private mode, quota, a blocked or
 * broken database), kept outside React so that any view can show them: doc-store.ts reports a
 * failure here, and <StorageAlert> reads the list with useSyncExternalStore. Without it a view
 * waiting for such a document would say "loading" forever.
 */

export interface DocError {
  name: string;
  message: string;
}

let errors: readonly DocError[] = [];
const listeners = new Set<() => void>();

export function reportDocError(name: string, error: unknown): void {
  if (errors.some((e) => e.name === name)) return;
  errors = [...errors, { name, message: error instanceof Error ? error.message : String(error) }];
  listeners.forEach((l) => l());
}

export function subscribeDocErrors(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function docErrors(): readonly DocError[] {
  return errors;
}
