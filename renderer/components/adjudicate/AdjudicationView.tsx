/**
 * The adjudication view (`#/adjudicate/<article>`): every annotator's spans on one article,
 * aligned passage by passage (UnitTable), disagreements first, with the article's progress
 * (adjudicated / to do). Keyboard-first: ↑ ↓ move between spans, N and P to the next or previous
 * passage still to do; Enter or A accepts the focused span into the gold layer, a kind's key
 * accepts it as that kind, M merges it with the overlapping spans of its kind, Delete or R rejects
 * it; Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo. After a decision the focus moves on to
 * the next span without one. Marks annotators make meanwhile appear as they arrive. Only the
 * teacher (or someone working alone) writes the gold layer; others see it read-only.
 */
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nextTodo } from '../../../shared/curation/units';
import { listArticles } from '../../../shared/model/corpus';
import { corpusDocName } from '../../../shared/model/doc-names';
import type { Author } from '../../../shared/model/record';
import { createAdjudication } from '../../store/adjudication-state';
import { loadDoc } from '../../store/doc-store';
import { useDoc, useDocValue } from '../../store/use-doc';
import { UnitTable } from './UnitTable';
import './adjudicate.css';

interface Props {
  corpus: string;
  articleId: string;
  me: Author;
  canWrite: boolean;
}

const ACTIONS: Record<string, 'accept' | 'merge' | 'reject'> = { Enter: 'accept', a: 'accept', m: 'merge', Delete: 'reject', r: 'reject' };

export function AdjudicationView({ corpus, articleId, me, canWrite }: Props) {
  const { t } = useTranslation();
  const [state] = useState(() => createAdjudication(corpus, articleId, me, loadDoc));
  useEffect(() => () => state.stop(), [state]);
  const snap = useSyncExternalStore(state.subscribe, state.getSnapshot);
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const title = useDocValue(corpusDoc, (d) => listArticles(d).find((a) => a.id === articleId)?.title, [articleId]) ?? articleId;
  const [focused, setFocused] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  /** the span a key acted on: once the write shows, the focus moves to the next span to decide */
  const actedOn = useRef<string | null>(null);

  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-span]') ?? [])];
  const focusSpan = (key: string | undefined) => buttons().find((b) => b.dataset.span === key)?.focus();
  // after a write, or a live change that rebuilt the rows, the focus goes where it belongs
  useEffect(() => {
    const acted = actedOn.current;
    actedOn.current = null;
    const key = acted ? (nextUndecided(acted) ?? acted) : focused;
    if (!key || (!acted && !list.current?.contains(document.activeElement))) return;
    if (document.activeElement instanceof HTMLElement && document.activeElement.dataset.span === key) return;
    focusSpan(key);
  }, [snap]);

  /** The next span without a decision after `key`, in the order shown (wrapping round). */
  const nextUndecided = (key: string) => {
    const undecided = new Set(snap.units.flatMap((u) => u.spans.filter((s) => !s.decision).map((s) => s.key)));
    const shown = buttons().map((b) => b.dataset.span!);
    const at = shown.indexOf(key);
    return [...shown.slice(at + 1), ...shown.slice(0, at + 1)].find((k) => undecided.has(k));
  };
  /** The first span to decide in the next (or previous) passage still to do. */
  const nextUnit = (key: string, step: 1 | -1) => {
    const from = snap.units.find((u) => u.spans.some((s) => s.key === key));
    const unit = nextTodo(snap.units, from?.id ?? null, step);
    const undecided = new Set(unit?.spans.filter((s) => !s.decision).map((s) => s.key));
    return buttons().find((b) => undecided.has(b.dataset.span!))?.dataset.span;
  };

  const onKey = (e: KeyboardEvent) => {
    const key = (e.target as HTMLElement).dataset?.span;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z') return e.preventDefault(), canWrite && (e.shiftKey ? state.redo() : state.undo());
    if (mod && e.key.toLowerCase() === 'y') return e.preventDefault(), canWrite && state.redo();
    if (!key || mod || e.altKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const all = buttons();
      const at = all.findIndex((b) => b.dataset.span === key);
      e.preventDefault();
      return all[Math.min(all.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    }
    if (e.key === 'n' || e.key === 'p') return e.preventDefault(), focusSpan(nextUnit(key, e.key === 'n' ? 1 : -1));
    if (!canWrite) return;
    const action = ACTIONS[e.key];
    const kind = action ? undefined : snap.tagset?.kinds.find((k) => k.shortcut === e.key)?.key;
    if (!action && !kind) return;
    e.preventDefault();
    actedOn.current = key;
    if (action === 'merge') state.merge(key);
    else if (action === 'reject') state.reject(key);
    else state.accept(key, kind);
  };

  const { index, tagset, units, progress } = snap;
  const total = progress.done + progress.todo;
  return (
    <main className="adjudicate" aria-labelledby="adjudicate-title">
      <p>
        <a href="#/research">{t('adjudicate.back')}</a>
      </p>
      <h1 id="adjudicate-title">{t('adjudicate.title', { title })}</h1>
      <p className="adjudicate-progress">
        <label htmlFor="adjudicate-progress">{t('adjudicate.progress', { count: progress.done, todo: progress.todo })}</label>{' '}
        <progress id="adjudicate-progress" max={Math.max(1, total)} value={progress.done} />
      </p>
      {!canWrite && <p className="muted">{t('adjudicate.readOnly')}</p>}
      <details className="adjudicate-keys" open>
        <summary>{t('adjudicate.keys.title')}</summary>
        <ul>
          {(canWrite ? (['move', 'accept', 'kind', 'merge', 'reject', 'undo'] as const) : (['move'] as const)).map((k) => (
            <li key={k}>{t(`adjudicate.keys.${k}`)}</li>
          ))}
        </ul>
      </details>
      {canWrite && (
        <p className="adjudicate-undo">
          <button type="button" onClick={state.undo} disabled={!snap.canUndo}>
            {t('adjudicate.undo')}
          </button>{' '}
          <button type="button" onClick={state.redo} disabled={!snap.canRedo}>
            {t('adjudicate.redo')}
          </button>
        </p>
      )}
      {!index || !tagset ? (
        <p className="loading">{t('app.loading')}</p>
      ) : units.length === 0 ? (
        <p>{t('adjudicate.empty')}</p>
      ) : (
        <div ref={list} className="adjudicate-units" onKeyDown={onKey}>
          {progress.todo === 0 && <p role="status">{t('adjudicate.allDone')}</p>}
          {units.map((unit, n) => (
            <section key={unit.id} className={`adjudicate-unit ${unit.done ? 'is-done' : ''}`} aria-current={unit.spans.some((s) => s.key === focused) || undefined}>
              <UnitTable
                unit={unit}
                owners={snap.owners}
                index={index}
                tagset={tagset}
                caption={t('adjudicate.unit', { n: n + 1, total, state: t(unit.disagreement ? 'adjudicate.disagreement' : 'adjudicate.agreement'), done: t(unit.done ? 'adjudicate.done' : 'adjudicate.todo') })}
                onFocusSpan={setFocused}
              />
            </section>
          ))}
        </div>
      )}
    </main>
  );
}
