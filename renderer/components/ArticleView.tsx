/**
 * An open article: the text in the Lexical editor with annotations painted over it, the kind
 * toolbar, and the sidebar. Everything works from the keyboard: select with Shift+arrows, press
 * a kind's key to mark, ] and [ to move between annotations, N to edit the note, Delete to
 * delete, L to link the focused annotation to another, Ctrl+Z / Ctrl+Shift+Z to undo and redo one's
 * own actions (annotations, links, replies, votes).
 */
import { lazy, memo, Suspense, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { articleText, listArticles, readTagset } from '../../shared/model/corpus';
import { corpusDocName, textDocName } from '../../shared/model/doc-names';
import { discussionTypes } from '../../shared/model/discussion';
import { annotationsMap } from '../../shared/model/layer';
import { LOCAL } from '../../shared/model/origins';
import type { Author } from '../../shared/model/record';
import { DEFAULT_TAGSET, kindOf } from '../../shared/model/tagset';
import { codePointIndex } from '../../shared/text/code-points';
import { ArticleEditor } from '../editor/article-editor';
import { FLASH, FOCUS, UNKNOWN_KIND, clearAll, paintSingle, paintSpans } from '../editor/highlights';
import { kindStyleSheet } from '../editor/kind-styles';
import { PeerSelections } from '../editor/PeerSelections';
import { useTextHover } from '../editor/use-text-hover';
import type { TextMap } from '../editor/text-map';
import { useArticleLayers } from '../store/article-layers';
import { placeAnnotations } from '../store/placed-annotations';
import { useDoc, useDocValue } from '../store/use-doc';
import { useAnnotationActions } from '../store/use-annotation-actions';
import { useArgument } from '../store/use-argument';
import { routeHash } from '../store/route';
import { AnnotationSidebar } from './AnnotationSidebar';
import { KindToolbar } from './KindToolbar';
import { LinkPicker } from './LinkPicker';
import { UndoToast } from './UndoToast';

interface Props {
  corpus: string;
  articleId: string;
  user: Author;
  /** false for observers: they read and never write */
  canWrite: boolean;
  /** an annotation to show when the article opens (from the argument map or a link) */
  focus?: string;
  onBack: () => void;
}

const FLASH_MS = 1200;
let textVersions = 0;
const MemoEditor = memo(ArticleEditor);

/**
 * Performance entries read by `npm run bench`: from opening the article, and from a kind's key
 * press, to the highlights being applied and to the next frame having been painted.
 */
function recordTimings(): void {
  const has = (name: string, type = 'mark') => performance.getEntriesByName(name, type).length > 0;
  const opened = has('glose:article-open') && !has('glose:article-painted', 'measure');
  const pressed = has('glose:mark');
  if (pressed) performance.measure('glose:keypress-to-highlight', 'glose:mark');
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (opened) performance.measure('glose:article-painted', 'glose:article-open');
      if (pressed) performance.measure('glose:keypress-to-frame', 'glose:mark');
      if (pressed) performance.clearMarks('glose:mark');
    }, 0),
  );
}
const MemoSidebar = memo(AnnotationSidebar);
// the argument panel (and, once something is selected, the graph library) loads after the highlights
const ArgumentPanel = lazy(() => import('./ArgumentPanel').then((m) => ({ default: m.ArgumentPanel })));

export function ArticleView({ corpus, articleId, user, canWrite, focus, onBack }: Props) {
  const { t } = useTranslation();
  useState(() => performance.mark('glose:article-open'));
  const { doc: textDoc } = useDoc(textDocName(corpus, articleId));
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const text = useDocValue(textDoc, (d) => articleText(d).toString());
  const article = useDocValue(corpusDoc, (d) => listArticles(d).find((a) => a.id === articleId));
  const tagset = useDocValue(corpusDoc, readTagset) ?? DEFAULT_TAGSET;
  const layers = useArticleLayers(corpus, articleId, user.id);
  const layerDoc = layers?.find((l) => l.mine)?.doc;
  const index = useMemo(() => (text === undefined ? null : codePointIndex(text)), [text]);
  // the editor is built from the text once: a new text (e.g. arriving from the server) rebuilds it
  const textVersion = useMemo(() => ++textVersions, [text]);
  const placement = useMemo(() => (index && layers ? placeAnnotations(index, layers) : null), [index, layers]);
  // the sidebar follows a render behind, so highlights are painted first
  const listed = useDeferredValue(placement, null);
  const [textMap, setTextMap] = useState<TextMap | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const ranges = useRef(new Map<string, Range>());
  const editorBox = useRef<HTMLDivElement>(null);
  const undo = useMemo(() => (layerDoc ? new Y.UndoManager([annotationsMap(layerDoc), ...discussionTypes(layerDoc)], { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 }) : null), [layerDoc]);
  useEffect(() => () => undo?.destroy(), [undo]);
  useEffect(() => clearAll, []);

  useLayoutEffect(() => {
    if (!textMap || !placement) return;
    // a kind the tagset no longer has is painted in the neutral "unknown" style, never hidden
    const painted = (kind: string) => (kindOf(tagset, kind) ? kind : UNKNOWN_KIND);
    ranges.current = paintSpans(textMap, placement.placed.map((p) => ({ id: p.annotation.id, kind: painted(p.annotation.kind), start: p.start, end: p.end })));
    recordTimings();
  }, [textMap, placement, tagset]);

  useEffect(() => paintSingle(FOCUS, focusedId ? ranges.current.get(focusedId) : undefined), [focusedId, placement, textMap]);

  const editorRoot = useCallback(() => editorBox.current?.querySelector<HTMLElement>('.article-text') ?? null, []);

  const goTo = useCallback((id: string, moveFocus = true) => {
    const range = ranges.current.get(id);
    setFocusedId(id);
    if (!range) return;
    const root = editorBox.current?.querySelector<HTMLElement>('.article-text');
    if (moveFocus) root?.focus({ preventScroll: true });
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range.cloneRange());
    (range.startContainer.parentElement ?? root)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    paintSingle(FLASH, range);
    setTimeout(() => paintSingle(FLASH, undefined), FLASH_MS);
  }, []);

  const argument = useArgument({ corpus, articleId, user, layers, layerDoc, placement, focusedId, ranges, goTo });
  const hover = useTextHover(textMap, placement?.placed, argument.stable.hover);
  const canFocus = Boolean(focus && textMap && placement?.placed.some((p) => p.annotation.id === focus));
  useEffect(() => {
    if (focus && canFocus) goTo(focus);
  }, [focus, canFocus, goTo]);

  const panel = useMemo(
    () =>
      listed && textMap ? (
        <Suspense fallback={null}>
          <ArgumentPanel corpus={corpus} me={user.id} articleId={articleId} tagset={tagset} placed={listed.placed} textMap={textMap} root={editorRoot} focusedId={focusedId} onGoTo={goTo} />
        </Suspense>
      ) : null,
    [listed, textMap, corpus, user.id, articleId, tagset, editorRoot, focusedId, goTo],
  );

  const actions = useAnnotationActions({ layerDoc, index, textMap, user, placement, focusedId, editorRoot, undo, setFocusedId, setEditingId, goTo });

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!(e.target instanceof HTMLElement) || !e.target.classList.contains('article-text')) return;
    const mod = e.ctrlKey || e.metaKey;
    const kind = canWrite && !mod && !e.altKey ? tagset.kinds.find((k) => k.shortcut === e.key) : undefined;
    const handled = kind
      ? actions.mark(kind.key)
      : e.key === ']' ? actions.step(1)
      : e.key === '[' ? actions.step(-1)
      : (e.key === 'n' || e.key === 'N') && !mod && focusedId ? actions.editNote(focusedId)
      : e.key === 'Delete' && focusedId ? actions.removeIfMine(focusedId)
      : (e.key === 'l' || e.key === 'L') && !mod && canWrite && focusedId ? argument.startLink(focusedId)
      : mod && (e.key === 'z' || e.key === 'Z') ? (e.shiftKey ? undo?.redo() : undo?.undo(), true)
      : mod && e.key === 'y' ? (undo?.redo(), true)
      : e.key === 'Escape' ? (setFocusedId(null), true)
      : false;
    if (handled) e.preventDefault();
  };

  // an empty text is one that has not arrived from the class server yet
  if (!text || !placement) return <p className="loading">{t('app.loading')}</p>;
  return (
    <div className="article-view">
      <style>{kindStyleSheet(tagset)}</style>
      <div className="article-main">
        <nav className="article-nav">
          <button type="button" onClick={onBack}>
            <span aria-hidden="true">🡐</span> {t('article.back')}
          </button>
          <a href={routeHash({ view: 'map', focus: focusedId ?? undefined })} className="button-link">
            {t(focusedId ? 'map.showOnMap' : 'map.open')}
          </a>
        </nav>
        <header className="article-header">
          <h1 lang={article?.language}>{article?.title}</h1>
          <p className="article-meta">{article && `${article.source} · ${article.language.toUpperCase()}`}</p>
        </header>
        {canWrite && <KindToolbar tagset={tagset} onMark={actions.mark} onSaveTagset={argument.isTeacher ? argument.saveTagset : undefined} />}
        <p className="hint" id="article-hint">{t('article.hint')}</p>
        <div className="notice" role="status" aria-live="polite">{argument.notice || actions.notice}</div>
        <div ref={editorBox} onKeyDown={onKeyDown} className="editor-box" {...hover}>
          {index && <PeerSelections articleId={articleId} index={index} textMap={textMap} root={editorRoot} />}
          <MemoEditor key={textVersion} text={text} label={t('article.textLabel')} lang={article?.language ?? 'und'} onTextMap={setTextMap} />
        </div>
      </div>
      <MemoSidebar
        annotations={listed?.placed}
        orphans={listed?.orphans ?? []}
        invalidCount={placement.invalidCount}
        tagset={tagset}
        focusedId={focusedId}
        editingId={editingId}
        onGoTo={goTo}
        onEdit={setEditingId}
        onSaveNote={actions.stable.saveNote}
        onKind={actions.stable.setKind}
        onDelete={actions.stable.remove}
        threads={argument.threads}
        links={argument.links}
        isTeacher={argument.isTeacher}
        canWrite={canWrite}
        me={user.id}
        discussion={argument.discussion}
        onLink={argument.stable.openPicker}
        onUnlink={argument.stable.unlink}
        onFollow={argument.stable.follow}
        onHover={argument.stable.hover}
        corpus={corpus}
        panel={panel}
      />
      {argument.picker && <LinkPicker tagset={tagset} {...argument.picker} />}
      <UndoToast message={actions.toast} onUndo={actions.undoLast} onClose={actions.closeToast} />
    </div>
  );
}
