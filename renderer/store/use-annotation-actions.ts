/**
 * What a user does to annotations in an open article: mark the selection as a kind, move
 * between annotations, edit a note or a kind, delete and undo. All writes go to the user's own
 * layer document with the LOCAL origin, so undo only ever reverts the user's own actions.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { targetFor, trimSpan } from '../../shared/anchor/selectors';
import { addAnnotation, deleteAnnotation, updateAnnotation } from '../../shared/model/layer';
import { newId, type Author } from '../../shared/model/record';
import type { CodePointIndex } from '../../shared/text/code-points';
import type { TextMap } from '../editor/text-map';
import type { Placement } from './placed-annotations';

interface Deps {
  layerDoc?: Y.Doc;
  index: CodePointIndex | null;
  textMap: TextMap | null;
  user: Author;
  placement: Placement | null;
  focusedId: string | null;
  editorRoot: () => HTMLElement | null;
  undo: Y.UndoManager | null;
  setFocusedId: (id: string | null) => void;
  setEditingId: (id: string | null) => void;
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
  const guard = (write: () => void) => {
    try {
      write();
    } catch (error) {
      say(t('errors.saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const mark = (kind: string): boolean => {
    const root = d.editorRoot();
    const offsets = d.textMap && root ? selectedOffsets(d.textMap, root) : null;
    const span = offsets && d.index ? trimSpan(d.index, d.index.toCodePoint(offsets.start), d.index.toCodePoint(offsets.end)) : null;
    if (!span || !d.index || !d.layerDoc) {
      say(t('article.noSelection'));
      return true;
    }
    const same = d.placement?.placed.find(
      (p) => p.annotation.kind === kind && p.annotation.target.start === span.start && p.annotation.target.end === span.end && p.annotation.author.id === d.user.id,
    );
    if (same) {
      d.setFocusedId(same.annotation.id);
      return true;
    }
    performance.mark('glose:mark');
    const now = new Date().toISOString();
    const id = newId();
    const layer = d.layerDoc;
    const target = targetFor(d.index, span.start, span.end);
    guard(() => addAnnotation(layer, { id, kind, target, note: '', author: d.user, created: now, modified: now, links: [], status: 'open' }));
    d.setFocusedId(id);
    return true;
  };

  const step = (direction: 1 | -1): boolean => {
    const placed = d.placement?.placed ?? [];
    const root = d.editorRoot();
    if (placed.length === 0 || !d.textMap || !root) return true;
    const current = placed.findIndex((p) => p.annotation.id === d.focusedId);
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
    if (!d.layerDoc) return true;
    const layer = d.layerDoc;
    guard(() => deleteAnnotation(layer, id));
    d.setFocusedId(null);
    setToast(t('undo.deleted'));
    return true;
  };

  const mine = (id: string) => d.placement?.placed.some((p) => p.mine && p.annotation.id === id) ?? false;
  const onlyMine = (id: string, then: () => void): boolean => {
    if (mine(id)) then();
    else say(t('sidebar.notYours'));
    return true;
  };

  const update = (id: string, patch: Parameters<typeof updateAnnotation>[2]) => {
    if (d.layerDoc) {
      const layer = d.layerDoc;
      guard(() => updateAnnotation(layer, id, patch, new Date()));
    }
  };

  const saveNote = (id: string, note: string) => {
    update(id, { note });
    d.setEditingId(null);
    d.goTo(id);
  };
  const setKind = (id: string, kind: string) => update(id, { kind });
  // identities that never change, calling the latest closures: memoised lists stay memoised
  const latest = useRef({ saveNote, setKind, remove });
  latest.current = { saveNote, setKind, remove };
  const stable = useMemo(
    () => ({
      saveNote: (id: string, note: string) => latest.current.saveNote(id, note),
      setKind: (id: string, kind: string) => latest.current.setKind(id, kind),
      remove: (id: string) => latest.current.remove(id),
    }),
    [],
  );

  return {
    notice,
    toast,
    mark,
    step,
    remove,
    removeIfMine: (id: string) => onlyMine(id, () => remove(id)),
    editNote: (id: string) => onlyMine(id, () => d.setEditingId(id)),
    stable,
    undoLast: () => {
      d.undo?.undo();
      setToast(null);
    },
    closeToast: useCallback(() => setToast(null), []),
  };
}
