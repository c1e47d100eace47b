/**
 * The article state in React: one state per open article (corpus, article, user), fed from the
 * page's documents while the view is mounted, with the rest of the corpus's annotations (which
 * links may point at) read once all of the article's layers are in. Components read it through
 * useArticle, a useSyncExternalStore over the state's snapshot.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { listArticles } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import type { Located } from '../../shared/model/relations';
import { createArticleState, type ArticleSnapshot, type ArticleState } from './article-state';
import { openArticle } from './article-opener';
import { useCorpusAnnotations } from './corpus-annotations';
import { docNow, loadDoc } from './doc-store';
import { layerSnapshots } from './layer-snapshots';
import { currentRole, storageScope } from './sync';
import { useDoc, useDocValue } from './use-doc';

const NO_LOCATED: Located[] = [];

export function useArticleState(corpus: string, article: string, me: string): ArticleState {
  const state = useMemo(() => createArticleState(article, me), [corpus, article, me]);
  // asked for in the view's first render: the snapshot is read while React builds the view
  const store = useMemo(() => layerSnapshots(`${storageScope()}${corpus}/${article}`), [corpus, article]);
  useEffect(() => openArticle(state, corpus, article, me, { loadDoc, role: currentRole, snapshots: { store, docNow } }), [state, store, corpus, article, me]);
  // the rest of the corpus is read once this article's layers are all in, so it never delays them
  const settled = useSyncExternalStore(state.subscribe, () => state.getSnapshot().settled);
  const elsewhere = useCorpusAnnotations(corpus, me, settled) ?? NO_LOCATED;
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const articles = useDocValue(corpusDoc, listArticles);
  useEffect(() => state.setCorpus(elsewhere, articles ?? []), [state, elsewhere, articles]);
  return state;
}

export function useArticle(state: ArticleState): ArticleSnapshot {
  return useSyncExternalStore(state.subscribe, state.getSnapshot, state.getSnapshot); // the same outside a browser (tests render it there)
}
