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

/**
 * The value `read` finds in `doc`, read again whenever the document changes. `read` must be a pure
 * function of the document and of `inputs` (the props or ids it closes over): it is read again
 * when one of them changes too, and until then the value read with the old ones is not returned.
 */
export function useDocValue<T>(doc: Y.Doc | undefined, read: (doc: Y.Doc) => T, inputs: readonly unknown[] = []): T | undefined {
  const [value, setValue] = useState<{ doc?: Y.Doc; inputs?: readonly unknown[]; value?: T }>({});
  useEffect(() => {
    if (!doc) return;
    const update = () => setValue({ doc, inputs, value: read(doc) });
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc, ...inputs]);
  const current = value.doc === doc && value.inputs?.length === inputs.length && inputs.every((x, i) => Object.is(x, value.inputs![i]));
  return current ? value.value : undefined;
}
