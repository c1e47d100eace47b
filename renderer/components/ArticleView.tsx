/**
 * An open article, laid out: the text in the Lexical editor with annotations painted over it,
 * the kind toolbar, and the sidebar. The article's state (records, anchors, focus, threads,
 * links) is the article state module (store/article-state.ts), painted by the painter
 * (editor/use-painter.ts); this component only lays them out and routes keys. Everything works
 * from the keyboard: select with Shift+arrows, press a kind's key to mark, ] and [ to move
 * between annotations, N to edit the note, Delete to delete, L to link the focused annotation
 * to another, Ctrl+Z / Ctrl+Shift+Z to undo and redo one's own actions.
 */
import { lazy, memo, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { isBlind, readSetting } from '../../shared/model/class-settings';
import { listArticles, readTagset } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import type { Author } from '../../shared/model/record';
import { DEFAULT_TAGSET } from '../../shared/model/tagset';
import { ArticleEditor } from '../editor/article-editor';
import { goToAnnotation, goToRange } from '../editor/go-to';
import { kindStyleSheet } from '../editor/kind-styles';
import { PeerSelections } from '../editor/PeerSelections';
import { usePainter } from '../editor/use-painter';
import { useTextHover } from '../editor/use-text-hover';
import { useShareReadingPlace } from '../editor/use-reading-place';
import type { TextMap } from '../editor/text-map';
import { useArticle, useShownArticleState } from '../store/use-article-state';
import { useDoc, useDocValue } from '../store/use-doc';
import { useGoldFeedback, useShowGoldOnOpen } from '../store/use-gold-feedback';
import { useAnnotationActions } from '../store/use-annotation-actions';
import { useArgument } from '../store/use-argument';
import { routeHash } from '../store/route';
import { currentRole } from '../store/sync';
import { useMarkFeedback } from '../store/use-feedback';
import { AnnotationSidebar, type ItemActions } from './AnnotationSidebar';
import { ArticleMeta } from './ArticleMeta';
import { StillAbove } from './StillAbove';
import { SameClaimSuggestions } from './claims/SameClaimSuggestions';
import { GoldFeedback } from './assessment/GoldFeedback';
import { GoldMissMarks } from './assessment/GoldMissMarks';
import { KindToolbar } from './KindToolbar';
import { LinkPicker } from './LinkPicker';
import { UndoToast } from './UndoToast';
import { VersionBar } from './VersionBar';
import { AssignmentCards } from './classwork/AssignmentCards';
import { EditorHeatStrip } from './heat/EditorHeatStrip';
import { useAssignments, useClosed, useWriter } from '../store/classwork';
import { keysOf, useHeldInput, type Keys } from './use-held-input';

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

const MemoEditor = memo(ArticleEditor);
const MemoSidebar = memo(AnnotationSidebar);
const OVERLAY_DRAWER = '(max-width: 699.98px)';
const HIDDEN = { visibility: 'hidden' } as const;
// the argument panel (and, once something is selected, the graph library) loads after the highlights
const ArgumentPanel = lazy(() => import('./ArgumentPanel').then((m) => ({ default: m.ArgumentPanel })));
const ClaimVerdicts = lazy(() => import('./verdict/ClaimVerdicts').then((m) => ({ default: m.ClaimVerdicts })));

export function ArticleView({ corpus, articleId, user, canWrite, focus, onBack }: Props) {
  const { t } = useT();
  useState(() => performance.mark('glose:article-open'));
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  // a team member writes their team's layer (classwork/): it is theirs in this view
  const writer = useWriter(corpusDoc, user);
  // when the writer changes (a team is made) the view keeps what it shows until the new layer is in
  const { state, switching } = useShownArticleState(corpus, articleId, writer.id);
  const { text, index, placement, focusedId, isTeacher, problem } = useArticle(state);
  const student = currentRole() === 'student';
  const closed = useClosed(corpusDoc, corpus, articleId, writer.id, user.id) && student;
  const writable = canWrite && !closed;
  const articles = useDocValue(corpusDoc, listArticles);
  const article = articles?.find((a) => a.id === articleId);
  const tagset = useDocValue(corpusDoc, readTagset) ?? DEFAULT_TAGSET;
  const blind = useDocValue(corpusDoc, isBlind) ?? false;
  // the class's heat strip in the text's margin: the teacher's, once the class's work is revealed
  const heat = currentRole() === 'teacher' && !blind;
  // an assignment may ask for some kinds only: students mark with those (the union over the article's assignments)
  const asked = useAssignments(corpusDoc, articleId).flatMap(([, a]) => a.kinds ?? tagset.kinds.map((k) => k.key));
  const markable = useMemo(() => (asked.length && student ? { ...tagset, kinds: tagset.kinds.filter((k) => asked.includes(k.key)) } : tagset), [tagset, asked.join(), student]);
  const [textMap, setTextMap] = useState<TextMap | null>(null);
  const editorBox = useRef<HTMLDivElement>(null);
  const painter = usePainter(state, textMap, tagset);
  const editorRoot = useCallback(() => editorBox.current?.querySelector<HTMLElement>('.article-text') ?? null, []);
  const goTo = useCallback((id: string, moveFocus = true) => goToAnnotation(state, painter(), editorRoot(), id, moveFocus), [state, painter, editorRoot]);
  const argument = useArgument({ corpus, user: writer, state, goTo });
  const actions = useAnnotationActions({ state, textMap, user: writer, editorRoot, goTo });
  const hover = useTextHover(textMap, state);
  const markFeedback = useMarkFeedback(corpus, articleId, user, currentRole() === 'student');
  // "follow me": the teacher's place in the text goes to the projector while the class asks for it
  const following = useDocValue(corpusDoc, (d) => readSetting(d, 'follow')) ?? false;
  useShareReadingPlace(following && currentRole() === 'teacher', textMap, index, editorRoot);
  // below 1,000 px wide the sidebar is a drawer (styles.css): open at first beside the text; below
  // 700 px, where it would lie over the text, closed at first
  const [drawer, setDrawer] = useState(() => !matchMedia(OVERLAY_DRAWER).matches);
  const canFocus = Boolean(focus && textMap && placement?.placed.some((p) => p.annotation.id === focus));
  useEffect(() => {
    if (!focus || !canFocus) return;
    // opened from the map: the painter may not hold this passage's range for a few frames yet
    let frame = 0;
    let frames = 60;
    const attempt = () => (painter()?.rangeOf(focus) || --frames <= 0 ? goTo(focus) : (frame = requestAnimationFrame(attempt)));
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [focus, canFocus, goTo, painter]);

  const itemActions = useMemo(
    (): ItemActions => ({
      onGoTo: goTo,
      onEdit: state.edit,
      onSaveNote: actions.stable.saveNote,
      onKind: actions.stable.setKind,
      onDelete: actions.stable.remove,
      onConfirmAnchor: actions.stable.confirmAnchor,
      onDetachAnchor: actions.stable.detachAnchor,
      onLink: argument.stable.openPicker,
      onUnlink: argument.stable.unlink,
      onFollow: argument.stable.follow,
      onHover: argument.stable.hover,
      discussion: argument.discussion,
      canWrite: writable,
      me: writer.id,
    }),
    [argument.stable, argument.discussion, actions.stable, goTo, state, writable, writer.id],
  );
  const listed = useDeferredValue(placement, null);
  // the user as a value: the sidebar's panel is not rebuilt when the shell re-renders with an equal user
  const author = useMemo(() => ({ id: writer.id, name: writer.name, color: writer.color }), [writer.id, writer.name, writer.color]);
  // after the teacher reveals their reading, a student's matches, partial matches and misses
  const gold = useGoldFeedback(corpus, articleId, index, listed?.placed);
  const editorBoxOf = useCallback(() => editorBox.current, []);
  const showGold = useCallback((id: string) => {
    const span = gold?.spans.get(id);
    const range = span && textMap?.range(span.start, span.end);
    if (range) goToRange(range, editorRoot());
  }, [gold, textMap, editorRoot]);
  useShowGoldOnOpen(canFocus ? undefined : focus, gold, showGold);
  const panel = useMemo(
    () =>
      listed && textMap ? (
        <>
          {gold && text && <GoldFeedback feedback={gold} text={text} tagset={tagset} onShow={showGold} />}
          {writable && text && articles && <SameClaimSuggestions corpus={corpus} user={author} state={state} articles={articles} focusedId={focusedId} text={text} />}
          <Suspense fallback={null}>
            <ArgumentPanel corpus={corpus} me={author.id} articleId={articleId} tagset={tagset} placed={listed.placed} textMap={textMap} root={editorRoot} focusedId={focusedId} onGoTo={goTo} />
            <ClaimVerdicts corpus={corpus} articleId={articleId} user={author} canWrite={canWrite} onGoTo={goTo} />
          </Suspense>
        </>
      ) : null,
    [listed, textMap, corpus, author, articleId, tagset, editorRoot, focusedId, goTo, writable, text, articles, state, gold, showGold],
  );

  /** What a key pressed in the text does: null for a key that is not one of the view's commands. */
  const commandFor = (e: Keys): (() => boolean) | null => {
    const mod = e.ctrlKey || e.metaKey;
    const kind = writable && !mod && !e.altKey ? markable.kinds.find((k) => k.shortcut === e.key) : undefined;
    return kind ? () => actions.mark(kind.key)
      : e.key === ']' ? () => actions.step(1)
      : e.key === '[' ? () => actions.step(-1)
      : (e.key === 'n' || e.key === 'N') && !mod && writable && focusedId ? () => actions.editNote(focusedId)
      : e.key === 'Delete' && writable && focusedId ? () => actions.removeIfMine(focusedId)
      : (e.key === 'l' || e.key === 'L') && !mod && writable && focusedId ? () => argument.startLink(focusedId)
      : mod && (e.key === 'z' || e.key === 'Z') ? () => (e.shiftKey ? state.redo() : state.undo(), true)
      : mod && e.key === 'y' ? () => (state.redo(), true)
      : e.key === 'Escape' ? () => (state.focus(null), true)
      : null;
  };
  const view = useRef<HTMLDivElement>(null);
  const hold = useHeldInput(view, switching, (keys) => void commandFor(keys)?.());
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!(e.target instanceof HTMLElement) || !e.target.classList.contains('article-text')) return;
    const command = commandFor(e);
    if (command && switching) hold(keysOf(e));
    if (command && (switching || command())) e.preventDefault();
  };

  if (problem) return <p className="warning" role="alert">{t('errors.openFailed', { name: problem })}</p>;
  // an empty text is one that has not arrived from the class server yet
  if (!text || !index) return <p className="loading">{t('app.loading')}</p>;
  // Until the user's own layer is in, the view is built but hidden (no flash of unmarked text,
  // nothing to focus or click yet): the editor and its text map are made while the layers are
  // read, then shown with their highlights in one frame.
  const ready = placement !== null;
  return (
    <>
      {!ready && <p className="loading">{t('app.loading')}</p>}
      <div ref={view} className="article-view" style={ready ? undefined : HIDDEN} aria-busy={switching || undefined}>
        <style>{kindStyleSheet(tagset)}</style>
        <main className="article-main">
          <StillAbove text={editorBox}>
            <nav className="article-nav">
              <button type="button" onClick={onBack}>
                <span aria-hidden="true">🡐</span> {t('article.back')}
              </button>
              <a href={routeHash({ view: 'map', focus: focusedId ?? undefined })} className="button-link">
                {t(focusedId ? 'map.showOnMap' : 'map.open')}
              </a>
              <a href={routeHash({ view: 'claims' })} className="button-link">
                {t('claims.fromArticle')}
              </a>
              {!(blind && currentRole() === 'student') && (
                <a href={routeHash({ view: 'compare', id: articleId })} className="button-link">
                  {t('compare.open')}
                </a>
              )}
              <button type="button" className="drawer-toggle" aria-expanded={drawer} aria-controls="article-drawer" onClick={() => setDrawer(!drawer)}>
                {t(drawer ? 'article.hideSidebar' : 'article.showSidebar')}
              </button>
            </nav>
            <header className="article-header">
              <h1 lang={article?.language}>{article?.title}</h1>
              <ArticleMeta corpus={corpus} corpusDoc={corpusDoc} article={article} />
            </header>
            <VersionBar corpus={corpus} articleId={articleId} me={writer.id} canWrite={writable} onGoTo={goTo} />
            <AssignmentCards corpusDoc={corpusDoc} article={articleId} user={user.id} closed={closed} />
            {writable && <KindToolbar tagset={markable} onMark={actions.mark} onSaveTagset={isTeacher ? argument.saveTagset : undefined} />}
            {writable && <p className="hint" id="article-hint">{t('article.hint')}</p>}
            <div className="notice" role="status" aria-live="polite">{argument.notice || actions.notice}</div>
          </StillAbove>
          <div ref={editorBox} onKeyDown={onKeyDown} className={heat ? 'editor-box with-heat' : 'editor-box'} {...hover}>
            {gold && <GoldMissMarks feedback={gold} textMap={textMap} box={editorBoxOf} />}
            <PeerSelections articleId={articleId} index={index} textMap={textMap} root={editorRoot} blind={blind} />
            <MemoEditor key={text} text={text} label={t('article.textLabel')} lang={article?.language ?? 'und'} onTextMap={setTextMap} />
            {heat && listed && <EditorHeatStrip text={text} index={index} placed={listed.placed} tagset={tagset} language={article?.language ?? 'und'} textMap={textMap} root={editorRoot} box={editorBoxOf} />}
          </div>
        </main>
        <div id="article-drawer" className={drawer ? 'drawer open' : 'drawer'} onKeyDown={(e) => e.key === 'Escape' && setDrawer(false)}>
          <button type="button" className="drawer-close" onClick={() => setDrawer(false)}>
            ✕ {t('article.hideSidebar')}
          </button>
          {/* from the first paint only: the sidebar starts reading the corpus's layers (RemapKinds) */}
          {ready && <MemoSidebar state={state} tagset={tagset} corpus={corpus} actions={itemActions} panel={panel} markFeedback={markFeedback} />}
        </div>
        {argument.picker && <LinkPicker tagset={tagset} {...argument.picker} />}
        <UndoToast message={actions.toast} onUndo={actions.undoLast} onClose={actions.closeToast} />
      </div>
    </>
  );
}
