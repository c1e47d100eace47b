/**
 * A shadow copy of each live document for the write guard to check updates on: built once from
 * the live document (a state copy), then kept equal to it by following every update the live
 * document applies (from any source; re-applying an update the shadow already has is a no-op).
 * An update under check is applied to the shadow first; when it is refused the shadow holds
 * something the live document never will, so it is dropped and rebuilt at the next check. So an
 * accepted write costs the size of the update, not of the document.
 */
import * as Y from 'yjs';

export interface Shadow {
  doc: Y.Doc;
  /** encoded size when built, plus every update accepted since: an upper bound of the document's size */
  bytes: number;
}

const shadows = new WeakMap<Y.Doc, Shadow>();
const followed = new WeakSet<Y.Doc>();

export function dropShadow(live: Y.Doc): void {
  const shadow = shadows.get(live);
  shadows.delete(live);
  shadow?.doc.destroy();
}

/** The shadow of `live` (`roots` declares the root types of its kind of document, e.g. a layer's maps). */
export function shadowOf(live: Y.Doc, roots?: (doc: Y.Doc) => void): Shadow {
  const known = shadows.get(live);
  if (known) return known;
  const doc = new Y.Doc();
  roots?.(doc);
  const state = Y.encodeStateAsUpdate(live);
  Y.applyUpdate(doc, state);
  const shadow = { doc, bytes: state.length };
  shadows.set(live, shadow);
  if (!followed.has(live)) {
    followed.add(live);
    live.on('update', (update: Uint8Array) => {
      const current = shadows.get(live);
      if (!current) return;
      try {
        Y.applyUpdate(current.doc, update);
      } catch {
        dropShadow(live);
      }
    });
  }
  return shadow;
}
