/**
 * The one cache of layer records outside the open article (whose state watches its own layers,
 * layer-watch.ts): every reader of the corpus — the links and the argument map
 * (corpus-annotations.ts), research exports and agreement (research/corpus-reader.ts) — reads a
 * layer document through the same long-lived reader per document, which validates a record
 * again only when it changed, and gets each record with the author the roster vouches for.
 */
import type * as Y from 'yjs';
import { withVouchedAuthors } from '../../shared/model/authorship';
import { layerReader } from '../../shared/model/layer';
import type { Annotation } from '../../shared/model/record';
import type { RosterEntry } from '../../shared/model/roster';

const readers = new WeakMap<Y.Doc, ReturnType<typeof layerReader>>();

/** The valid records of `owner`'s layer `doc`, authored by the layer's owner as the roster names them. */
export function layerRecords(doc: Y.Doc, owner: string, roster: ReadonlyMap<string, RosterEntry>): Annotation[] {
  let reader = readers.get(doc);
  if (!reader) readers.set(doc, (reader = layerReader(doc)));
  return withVouchedAuthors(reader.read().annotations, owner, roster);
}
