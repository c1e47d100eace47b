/**
 * Applies an inbound update to a scratch copy of its document before the server stores,
 * relays or acknowledges it. Refused: an update that throws when applied (or does not decode),
 * and, in a layer document, one that writes outside the layer's shape or leaves a touched
 * entry failing its schema (shared/model/layer-shape.ts), or makes the layer bigger than the
 * quota; in the corpus document, one that leaves an invalid rubric (settings-check.ts), a verdict
 * not by its writer or off its schema (verdict-shape.ts), or a malformed assignment or team
 * (classwork-shape.ts).
 * Only the layer's touched entries are validated. A student's feedback document is checked
 * like a layer, with its own rules and the writer's id (feedback-check.ts). The copy is the document's shadow
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
import { classworkProblem, classworkRoots } from '../../shared/model/classwork-shape';
import { layerRoots, layerShapeProblem, touchedEntries } from '../../shared/model/layer-shape';
import type { EntryRule } from './entry-rules';
import { feedbackProblem, feedbackRoots } from './feedback-check';
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

/** How the entries an update touched are checked, by document kind: null, or why not (a string: `invalid-record`). */
type ShapeCheck = (scratch: Y.Doc, apply: () => Y.Transaction[]) => string | { code: ReasonCode } | null;

/** The layer's shape, then the writer's rule (entry-rules.ts) on every entry the update left. */
function layerCheck(rule: EntryRule | null): ShapeCheck {
  return (scratch, apply) => {
    for (const tr of apply()) {
      const touched = touchedEntries(scratch, tr);
      const problem = typeof touched === 'string' ? touched : layerShapeProblem(scratch, touched);
      if (problem) return problem;
      for (const { root, keys } of rule ? (touched as Exclude<typeof touched, string>) : []) {
        const map = scratch.getMap<unknown>(root);
        for (const key of keys) {
          const code = map.has(key) ? rule!(root, key, map.get(key)) : null;
          if (code) return { code };
        }
      }
    }
    return null;
  };
}

/** The check of each kind of document (null: none but that the update applies). */
function shapeCheck(kind: string | undefined, writer: string, rule: EntryRule | null): ShapeCheck | null {
  if (kind === 'layer') return layerCheck(rule);
  if (kind === 'feedback') return (scratch, apply) => feedbackProblem(scratch, writer, apply);
  if (kind === 'corpus') return (scratch, apply) => corpusProblem(scratch, apply(), writer);
  return null;
}

/** The corpus document's checks: the assessment settings, the verdicts, the assignments and teams. */
function corpusProblem(scratch: Y.Doc, transactions: Y.Transaction[], writer: string): string | null {
  const settings = settingsProblem(scratch, transactions);
  if (settings) return settings;
  for (const tr of transactions) {
    const problem = verdictsProblem(scratch, tr, writer) ?? classworkProblem(scratch, tr);
    if (problem) return problem;
  }
  return null;
}

function corpusRoots(doc: Y.Doc): void {
  classworkRoots(doc);
  declareVerdicts(doc);
}

const ROOTS: Record<string, (doc: Y.Doc) => void> = { layer: layerRoots, feedback: feedbackRoots, corpus: corpusRoots };

/** `writer`: the user id of the token that sent the update; `rule`: what that writer may leave in a layer. */
export function checkUpdate(doc: Y.Doc, documentName: string, update: Uint8Array, limits: LayerLimits, writer = '', rule: EntryRule | null = null): Verdict {
  const kind = parseDocName(documentName)?.kind;
  const shape = shapeCheck(kind, writer, rule);
  // layers and feedback documents are per user: their size quotas apply
  const layer = kind === 'layer' || kind === 'feedback';
  const shadow = shadowOf(doc, kind ? ROOTS[kind] : undefined);
  if (layer && shadow.bytes + update.length > limits.maxLayerBytes) {
    return { ok: false, code: 'quota-layer-size', detail: `layer would exceed ${limits.maxLayerBytes} bytes` };
  }
  const verdict = applyAndCheck(shadow.doc, shape, layer, update, limits);
  if (verdict.ok) shadow.bytes += update.length;
  else dropShadow(doc); // it holds the refused update
  return verdict;
}

function applyAndCheck(scratch: Y.Doc, shape: ShapeCheck | null, layer: boolean, update: Uint8Array, limits: LayerLimits): Verdict {
  const pendingBefore = [scratch.store.pendingStructs, scratch.store.pendingDs];
  const transactions: Y.Transaction[] = [];
  const collect = (tr: Y.Transaction) => void transactions.push(tr);
  const apply = () => {
    scratch.on('afterTransaction', collect);
    try {
      Y.applyUpdate(scratch, update);
    } finally {
      scratch.off('afterTransaction', collect);
    }
    return transactions;
  };
  let problem: ReturnType<ShapeCheck> = null;
  try {
    problem = shape ? shape(scratch, apply) : (apply(), null);
  } catch (error) {
    return { ok: false, code: 'invalid-update', detail: String(error) };
  }
  const changed =
    transactions.some((tr) => tr.deleteSet.clients.size > 0 || !sameState(tr.beforeState, tr.afterState)) ||
    pendingBefore[0] !== scratch.store.pendingStructs ||
    pendingBefore[1] !== scratch.store.pendingDs;
  if (layer && itemCount(scratch) > limits.maxLayerItems) return { ok: false, code: 'quota-layer-size', detail: `layer would exceed ${limits.maxLayerItems} items` };
  if (typeof problem === 'string') return { ok: false, code: 'invalid-record', detail: problem };
  if (problem) return { ok: false, code: problem.code, detail: `refused by the class's rules: ${problem.code}` };
  return { ok: true, changed };
}

function sameState(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [client, clock] of a) if (b.get(client) !== clock) return false;
  return true;
}
