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
import { declareVerdicts, verdictsProblem } from '../../shared/claims/verdict-shape';
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

export function checkUpdate(doc: Y.Doc, documentName: string, update: Uint8Array, limits: LayerLimits, writer = ''): Verdict {
  const kind = parseDocName(documentName)?.kind;
  const layer = kind === 'layer';
  const shadow = shadowOf(doc, layer);
  if (kind === 'corpus') classworkRoots(shadow.doc); // assignments and teams (classwork-shape.ts)
  if (layer && shadow.bytes + update.length > limits.maxLayerBytes) {
    return { ok: false, code: 'quota-layer-size', detail: `layer would exceed ${limits.maxLayerBytes} bytes` };
  }
  if (kind === 'corpus') declareVerdicts(shadow.doc);
  const verdict = applyAndCheck(shadow.doc, layer, update, limits, kind === 'corpus' ? writer : null);
  if (verdict.ok) shadow.bytes += update.length;
  else dropShadow(doc); // it holds the refused update
  return verdict;
}

/** `corpusWriter`: the writer of a corpus document (its verdicts are checked), else null. */
function applyAndCheck(scratch: Y.Doc, layer: boolean, update: Uint8Array, limits: LayerLimits, corpusWriter: string | null): Verdict {
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
    // the assessment settings (settings-check.ts), the verdicts, the assignments and teams (classwork-shape.ts)
    const problem =
      corpusWriter !== null
        ? (settingsProblem(scratch, transactions) ?? verdictsProblems(scratch, transactions, corpusWriter) ?? transactions.map((tr) => classworkProblem(scratch, tr)).find((p) => p !== null) ?? null)
        : null;
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

function verdictsProblems(scratch: Y.Doc, transactions: Y.Transaction[], writer: string): string | null {
  for (const tr of transactions) {
    const problem = verdictsProblem(scratch, tr, writer);
    if (problem) return problem;
  }
  return null;
}

function sameState(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [client, clock] of a) if (b.get(client) !== clock) return false;
  return true;
}
