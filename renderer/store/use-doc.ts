/**
 * React hooks over Yjs documents: load a document (from IndexedDB first) and read a value from
 * it that is re-read whenever the document changes, locally or from a peer.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { loadDoc } from './doc-store';

export function useDoc(name: string | null): { doc?: Y.Doc; error?: Error } {
  const [state, setState] = useState<{ name: string | null; doc?: Y.Doc; error?: Error }>({ name });
  useEffect(() => {
    if (!name) return;
    let live = true;
    loadDoc(name).then(
      (doc) => live && setState({ name, doc }),
      (error: unknown) => live && setState({ name, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [name]);
  return state.name === name ? state : {};
}

export function useDocValue<T>(doc: Y.Doc | undefined, read: (doc: Y.Doc) => T): T | undefined {
  const [value, setValue] = useState<{ doc?: Y.Doc; value?: T }>({});
  useEffect(() => {
    if (!doc) return;
    const update = () => setValue({ doc, value: read(doc) });
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
    // `read` is a pure function of the document: re-subscribe only when the document changes
  }, [doc]);
  return value.doc === doc ? value.value : undefined;
}
