/**
 * What a user does to annotations in an open article from the keyboard and the sidebar: mark
 * the selection as a kind, move between annotations, edit a note or a kind, delete and undo.
 * The writes themselves are article-writes.ts (the user's own layer, LOCAL origin, so undo
 * only ever reverts the user's own actions); this hook reads the selection and says what went wrong.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trimSpan } from '../../shared/anchor/selectors';
import type { Author } from '../../shared/model/record';
import type { TextMap } from '../editor/text-map';
import type { ArticleState } from './article-state';
import { confirmAnchor, deleteMine, markSpan, updateMine, type WriteProblem } from './article-writes';
import type { Result } from '../../shared/result';

interface Deps {
  state: ArticleState;
  textMap: TextMap | null;
  user: Author;
  editorRoot: () => HTMLElement | null;
  goTo: (id: string, moveFocus?: boolean) => void;
}

/** The selection in the article as canonical UTF-16 offsets, or null. */
function selectedOffsets(map: TextMap, root: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = map.offsetOf(range.startContainer, range.startOffset);
  const end = map.offsetOf(range.endContainer, range.endOffset);
  return start === null || end === null || end <= start ? null : { start, end };
}

function caretOffset(map: TextMap, root: HTMLElement): number {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !root.contains(selection.anchorNode)) return 0;
  return map.offsetOf(selection.anchorNode!, selection.anchorOffset) ?? 0;
}

export function useAnnotationActions(d: Deps) {
  const { t } = useTranslation();
  const [notice, setNoticeText] = useState('');
  const [toast, setToast] = useState<string | null>(null);
  const say = (text: string) => {
    setNoticeText(text);
    setTimeout(() => setNoticeText((current) => (current === text ? '' : current)), 4000);
  };
  /** Shows the problem of a failed write; true when it went through. */
  const check = (result: Result<string, WriteProblem>): result is { ok: true; value: string } => {
    if (!result.ok) say(t(result.error.key, result.error));
    return result.ok;
  };

  const mark = (kind: string): boolean => {
    const root = d.editorRoot();
    const { index } = d.state.getSnapshot();
    const offsets = d.textMap && root ? selectedOffsets(d.textMap, root) : null;
    const span = offsets && index ? trimSpan(index, index.toCodePoint(offsets.start), index.toCodePoint(offsets.end)) : null;
    if (!span) {
      say(t('article.noSelection'));
      return true;
    }
    performance.mark('glose:mark');
    const result = markSpan(d.state, d.user, kind, span, new Date());
    if (check(result)) d.state.focus(result.value);
    return true;
  };

  const step = (direction: 1 | -1): boolean => {
    const { placement, focusedId } = d.state.getSnapshot();
    const placed = placement?.placed ?? [];
    const root = d.editorRoot();
    if (placed.length === 0 || !d.textMap || !root) return true;
    const current = placed.findIndex((p) => p.annotation.id === focusedId);
    if (current >= 0) {
      d.goTo(placed[Math.max(0, Math.min(placed.length - 1, current + direction))]!.annotation.id);
      return true;
    }
    const caret = caretOffset(d.textMap, root);
    const next = direction === 1 ? placed.find((p) => p.start > caret) ?? placed[placed.length - 1] : [...placed].reverse().find((p) => p.start < caret) ?? placed[0];
    d.goTo(next!.annotation.id);
    return true;
  };

  const remove = (id: string): boolean => {
    if (check(deleteMine(d.state, id))) {
      d.state.focus(null);
      setToast(t('undo.deleted'));
    }
    return true;
  };

  const saveNote = (id: string, note: string) => {
    check(updateMine(d.state, id, { note }, new Date()));
    d.state.edit(null);
    d.goTo(id);
  };
  const setKind = (id: string, kind: string) => check(updateMine(d.state, id, { kind }, new Date()));
  const confirm = (id: string) => check(confirmAnchor(d.state, id, new Date()));
  const detach = (id: string) => check(updateMine(d.state, id, { detached: true }, new Date()));
  // identities that never change, calling the latest closures: memoised lists stay memoised
  const latest = useRef({ saveNote, setKind, remove, confirm, detach });
  latest.current = { saveNote, setKind, remove, confirm, detach };
  const stable = useMemo(
    () => ({
      saveNote: (id: string, note: string) => latest.current.saveNote(id, note),
      setKind: (id: string, kind: string) => void latest.current.setKind(id, kind),
      remove: (id: string) => void latest.current.remove(id),
      confirmAnchor: (id: string) => void latest.current.confirm(id),
      detachAnchor: (id: string) => void latest.current.detach(id),
    }),
    [],
  );

  return {
    notice,
    toast,
    mark,
    step,
    removeIfMine: remove,
    editNote: (id: string) => (d.state.find(id)?.mine ? d.state.edit(id) : say(t('sidebar.notYours')), true),
    stable,
    undoLast: () => {
      d.state.undo();
      setToast(null);
    },
    closeToast: useCallback(() => setToast(null), []),
  };
}
