/**
 * The teacher's hand on the gold layer of one article, from the comparison view: promote a
 * mark (a student's or their own) into the gold with its kind and span under a fresh id, write
 * the gold mark's note (the teacher's explanation, shown to students after the reveal), remove
 * a gold mark. A promoted mark keeps the links whose other end is already in the gold (a
 * rebuttal promoted after its claim stays linked to the claim's gold copy, and the other way
 * round). Every change is one
 * LOCAL transaction a Y.UndoManager on the gold records undoes (Ctrl+Z) and redoes. DOM-free.
 */
import * as Y from 'yjs';
import { GOLD_OWNER } from '../../shared/model/doc-names';
import { addAnnotation, annotationsMap, deleteAnnotation, readLayer, updateAnnotation } from '../../shared/model/layer';
import { LOCAL } from '../../shared/model/origins';
import { newId, type Annotation, type Author } from '../../shared/model/record';
import { withLink } from '../../shared/model/relations';

export type GoldWriter = ReturnType<typeof goldWriter>;

const sameSpan = (a: Annotation, b: Annotation) => a.kind === b.kind && a.target.start === b.target.start && a.target.end === b.target.end;

/** The gold mark that already copies `mark` (same kind, same span), if any. */
export function goldCopyOf(gold: readonly Annotation[], mark: Annotation): Annotation | undefined {
  return gold.find((g) => sameSpan(g, mark));
}

export function goldWriter(doc: Y.Doc, me: Author, now = () => new Date(), random = Math.random) {
  const undo = new Y.UndoManager(annotationsMap(doc), { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 });
  const gold = () => readLayer(doc).annotations;

  return {
    /**
     * Copies `mark` into the gold; `others` are the marks its links may point at. Returns the
     * gold mark's id (the existing copy's when there is one already).
     */
    promote(mark: Annotation, others: readonly Annotation[]): string {
      const current = gold();
      const existing = goldCopyOf(current, mark);
      if (existing) return existing.id;
      const links = mark.links.flatMap((l) => {
        const target = others.find((o) => o.id === l.to);
        const copy = target && goldCopyOf(current, target);
        return copy && !l.article ? [{ to: copy.id, rel: l.rel }] : [];
      });
      const at = now().toISOString();
      const id = newId(random);
      doc.transact(() => {
        addAnnotation(doc, { id, kind: mark.kind, target: mark.target, note: '', author: { ...me, id: GOLD_OWNER }, created: at, modified: at, links, status: 'open' });
        // and the links made to it by marks already in the gold (a claim promoted after its rebuttal)
        for (const o of others) {
          const copy = goldCopyOf(current, o);
          for (const l of o.links) if (copy && l.to === mark.id && !l.article) updateAnnotation(doc, copy.id, { links: withLink(copy.links, { to: id, rel: l.rel }) }, now());
        }
      }, LOCAL);
      return id;
    },
    explain(id: string, note: string): void {
      updateAnnotation(doc, id, { note }, now());
    },
    remove(id: string): void {
      deleteAnnotation(doc, id);
    },
    undo: () => undo.undo() !== null,
    redo: () => undo.redo() !== null,
    destroy: () => undo.destroy(),
  };
}
