/**
 * What a user writes to an open article, on top of its state: mark a span, change or delete
 * one of their annotations, and confirm or detach an anchor the text moved. Every write goes to
 * the user's own layer with the LOCAL origin (so Ctrl+Z undoes it) and returns a result — the
 * id written, or the problem to show (an i18n key) — instead of throwing. DOM-free.
 */
import { targetFor } from '../../shared/anchor/selectors';
import { addAnnotation, deleteAnnotation, updateAnnotation, type AnnotationPatch } from '../../shared/model/layer';
import { newId, type Author } from '../../shared/model/record';
import type { Result } from '../../shared/result';
import type { ArticleState } from './article-state';

export type WriteProblem =
  | { key: 'sidebar.notYours' | 'article.noSelection' }
  | { key: 'errors.saveFailed'; reason: string };

type Written = Result<string, WriteProblem>;

function attempt(id: string, write: () => unknown): Written {
  try {
    write();
    return { ok: true, value: id };
  } catch (error) {
    return { ok: false, error: { key: 'errors.saveFailed', reason: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Marks code points [start, end) as `kind`. Marking a span the user already marked with that
 * kind writes nothing and returns the existing annotation.
 */
export function markSpan(state: ArticleState, user: Author, kind: string, span: { start: number; end: number }, now: Date, random?: () => number): Written {
  const { index } = state.getSnapshot();
  const layer = state.myLayer();
  if (!index || !layer) return { ok: false, error: { key: 'article.noSelection' } };
  for (const p of state.all()) {
    const t = p.annotation.target;
    if (p.mine && p.annotation.kind === kind && t.start === span.start && t.end === span.end) return { ok: true, value: p.annotation.id };
  }
  const id = newId(random);
  const at = now.toISOString();
  const target = targetFor(index, span.start, span.end);
  return attempt(id, () => addAnnotation(layer, { id, kind, target, note: '', author: user, created: at, modified: at, links: [], status: 'open' }));
}

/** Runs `write` on the user's own layer when annotation `id` is theirs. */
function onMine(state: ArticleState, id: string, write: (layer: NonNullable<ReturnType<ArticleState['myLayer']>>) => unknown): Written {
  const layer = state.myLayer();
  const placed = state.find(id);
  if (!layer || !placed?.mine) return { ok: false, error: { key: 'sidebar.notYours' } };
  return attempt(id, () => write(layer));
}

export function updateMine(state: ArticleState, id: string, patch: AnnotationPatch, now: Date): Written {
  return onMine(state, id, (layer) => updateAnnotation(layer, id, patch, now));
}

export function deleteMine(state: ArticleState, id: string): Written {
  return onMine(state, id, (layer) => deleteAnnotation(layer, id));
}

/** Confirms a moved or fuzzy anchor: its selectors are rewritten to where it was found. */
export function confirmAnchor(state: ArticleState, id: string, now: Date): Written {
  const { index } = state.getSnapshot();
  const p = state.find(id);
  if (!index || !p || p.anchor === 'orphan') return { ok: false, error: { key: 'sidebar.notYours' } };
  const target = targetFor(index, index.toCodePoint(p.start), index.toCodePoint(p.end));
  return updateMine(state, id, { target }, now);
}
