/**
 * Follows many documents at once: loads each named one (doc-store.ts) and calls `onChange` with
 * it once it is loaded and again after each of its updates, until the returned function stops it.
 * The dashboard's and the map's layers (layer-docs.ts), a report's article texts and the
 * dashboard's unread messages are read this way.
 */
import type * as Y from 'yjs';
import { loadDoc } from './doc-store';

export function watchDocs(names: readonly string[], onChange: (name: string, doc: Y.Doc) => void): () => void {
  let live = true;
  const stops: (() => void)[] = [];
  for (const name of names) {
    void loadDoc(name).then((doc) => {
      if (!live) return;
      const changed = () => onChange(name, doc);
      doc.on('update', changed);
      stops.push(() => doc.off('update', changed));
      changed();
    });
  }
  return () => {
    live = false;
    stops.forEach((stop) => stop());
  };
}
