/**
 * The article state in React: one state per open article (corpus, article, user), fed from the
 * page's documents while the view is mounted, with the rest of the corpus's annotations (which
 * links may point at) read once all of the article's layers are in. Components read it through
 * useArticle, a useSyncExternalStore over the state's snapshot. When the layer the user writes
 * changes under an open article (a team is made), the state on screen stays until the new one
 * can be shown in one render (article-handover.ts).
 */
import { useEffect, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import { listArticles } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import type { Located } from '../../shared/model/relations';
import { createArticleState, type ArticleSnapshot, type ArticleState } from './article-state';
import { articleHandover, type Opening } from './article-handover';
import { openArticle } from './article-opener';
import { useCorpusAnnotations } from './corpus-annotations';
import { docNow, loadDoc } from './doc-store';
import { layerSnapshots } from './layer-snapshots';
import { currentRole, storageScope } from './sync';
import { useDoc, useDocValue } from './use-doc';

const NO_LOCATED: Located[] = [];

/** The state an article view shows, and whether another (the user's new layer) is being opened to replace it. */
export function useShownArticleState(corpus: string, article: string, me: string): { state: ArticleState; switching: boolean } {
  // asked for in the view's first render: the snapshot is read while React builds the view
  const store = useMemo(() => layerSnapshots(`${storageScope()}${corpus}/${article}`), [corpus, article]);
  const opening = useMemo((): Opening => {
    const state = createArticleState(article, me);
    return { state, place: `${corpus}/${article}`, open: () => openArticle(state, corpus, article, me, { loadDoc, role: currentRole, snapshots: { store, docNow } }) };
  }, [corpus, article, me, store]);
  const handover = useMemo(articleHandover, []);
  const onScreen = useSyncExternalStore(handover.subscribe, handover.shown);
  // the state on screen is kept only for a new one of the same article; otherwise (first render) the new one
  const state = onScreen?.place === opening.place ? onScreen.state : opening.state;
  // sealed before the browser can deliver another key press; opened after the paint, as before
  useLayoutEffect(() => handover.begin(opening), [handover, opening]);
  useEffect(() => handover.want(opening), [handover, opening]);
  useEffect(() => handover.stop, [handover]);
  // the rest of the corpus is read once this article's layers are all in, so it never delays them
  const settled = useSyncExternalStore(opening.state.subscribe, () => opening.state.getSnapshot().settled);
  const elsewhere = useCorpusAnnotations(corpus, me, settled) ?? NO_LOCATED;
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const articles = useDocValue(corpusDoc, listArticles);
  useEffect(() => opening.state.setCorpus(elsewhere, articles ?? []), [opening, elsewhere, articles]);
  return { state, switching: state !== opening.state };
}

export function useArticleState(corpus: string, article: string, me: string): ArticleState {
  return useShownArticleState(corpus, article, me).state;
}

export function useArticle(state: ArticleState): ArticleSnapshot {
  return useSyncExternalStore(state.subscribe, state.getSnapshot, state.getSnapshot); // the same outside a browser (tests render it there)
}
