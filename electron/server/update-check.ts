/**
 * Applies an inbound update to a scratch copy of its document before the server stores,
 * relays or acknowledges it. Refused: an update that throws when applied (or does not decode),
 * and, in a layer document, one that writes outside the layer's shape or leaves a touched
 * entry failing its schema (shared/model/layer-shape.ts), or makes the layer bigger than the
 * quota; in the corpus document, one that leaves an invalid rubric (settings-check.ts).
 * Only the layer's touched entries are validated. The copy is the document's shadow
 * (shadow-docs.ts), so an accepted write costs the size of the update, not of the layer.
 *
 * Updates with missing dependencies (Yjs "pending structs": they build on changes the server
 * has not seen yet) apply to nothing: Yjs keeps them aside, they are stored as sent, and their
 * content is checked when the update that fills the gap arrives, since that is the
 * transaction in which it integrates (on the scratch copy first, like any other).
 */
import * as Y from 'yjs';
import { parseDocName } from '../../shared/model/doc-names';
import { layerShapeProblem, touchedEntries } from '../../shared/model/layer-shape';
import { classworkProblem, classworkRoots } from '../../shared/model/classwork-shape';
import type { ReasonCode } from './reasons';
import { settingsProblem } from './settings-check';
import { dropShadow, shadowOf } from './shadow-docs';

export interface LayerLimits {
  /** Encoded size of one layer document, bytes. */
  maxLayerBytes: number;
  /** Yjs items (struct runs) in one layer document. */
  maxLayerItems: number;
}

export type Verdict = { ok: true; changed: boolean } | { ok: false; code: ReasonCode; detail: string };

function itemCount(doc: Y.Doc): number {
  let count = 0;
  for (const structs of doc.store.clients.values()) count += structs.length;
  return count;
}

export function checkUpdate(doc: Y.Doc, documentName: string, update: Uint8Array, limits: LayerLimits): Verdict {
  const kind = parseDocName(documentName)?.kind;
  const layer = kind === 'layer';
  const shadow = shadowOf(doc, layer);
  if (kind === 'corpus') classworkRoots(shadow.doc); // assignments and teams (classwork-shape.ts)
  if (layer && shadow.bytes + update.length > limits.maxLayerBytes) {
    return { ok: false, code: 'quota-layer-size', detail: `layer would exceed ${limits.maxLayerBytes} bytes` };
  }
  const verdict = applyAndCheck(shadow.doc, layer, update, limits, kind === 'corpus');
  if (verdict.ok) shadow.bytes += update.length;
  else dropShadow(doc); // it holds the refused update
  return verdict;
}

function applyAndCheck(scratch: Y.Doc, layer: boolean, update: Uint8Array, limits: LayerLimits, corpus: boolean): Verdict {
  const pendingBefore = [scratch.store.pendingStructs, scratch.store.pendingDs];
  const transactions: Y.Transaction[] = [];
  const collect = (tr: Y.Transaction) => void transactions.push(tr);
  scratch.on('afterTransaction', collect);
  try {
    Y.applyUpdate(scratch, update);
  } catch (error) {
    return { ok: false, code: 'invalid-update', detail: String(error) };
  } finally {
    scratch.off('afterTransaction', collect);
  }
  const changed =
    transactions.some((tr) => tr.deleteSet.clients.size > 0 || !sameState(tr.beforeState, tr.afterState)) ||
    pendingBefore[0] !== scratch.store.pendingStructs ||
    pendingBefore[1] !== scratch.store.pendingDs;
  if (!layer) {
    // the assessment settings (settings-check.ts), the assignments and teams (classwork-shape.ts)
    const problem = corpus ? (settingsProblem(scratch, transactions) ?? transactions.map((tr) => classworkProblem(scratch, tr)).find((p) => p !== null)) : null;
    return problem ? { ok: false, code: 'invalid-record', detail: problem } : { ok: true, changed };
  }
  if (itemCount(scratch) > limits.maxLayerItems) return { ok: false, code: 'quota-layer-size', detail: `layer would exceed ${limits.maxLayerItems} items` };
  for (const tr of transactions) {
    const touched = touchedEntries(scratch, tr);
    const problem = typeof touched === 'string' ? touched : layerShapeProblem(scratch, touched);
    if (problem) return { ok: false, code: 'invalid-record', detail: problem };
  }
  return { ok: true, changed };
}

function sameState(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [client, clock] of a) if (b.get(client) !== clock) return false;
  return true;
}
