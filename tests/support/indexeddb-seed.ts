/**
 * Seeds a page's real IndexedDB the way y-indexeddb keeps documents (database = document name,
 * object store `updates`), so browser tests and benchmarks start from prepared Yjs documents.
 */
import type { Page } from '@playwright/test';

/** Writes `updates` (document name → update) into IndexedDB, as y-indexeddb stores them. */
export async function storeUpdates(page: Page, updates: Record<string, Uint8Array>): Promise<void> {
  const plain = Object.fromEntries(Object.entries(updates).map(([name, u]) => [name, Array.from(u)]));
  await page.evaluate(async (all) => {
    for (const [name, bytes] of Object.entries(all)) {
      await new Promise<void>((done, fail) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('updates', { autoIncrement: true });
          open.result.createObjectStore('custom');
        };
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite');
          tx.objectStore('updates').add(new Uint8Array(bytes));
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => fail(tx.error);
        };
      });
    }
  }, plain);
}

