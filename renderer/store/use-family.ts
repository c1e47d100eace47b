/** The versions of an article (shared/versions/version-plan.ts), read live from the corpus document. */
import { listArticles, type Article } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import { familyOf, previousVersion } from '../../shared/versions/version-plan';
import { useDoc, useDocValue } from './use-doc';

export interface Family {
  articles: Article[];
  /** the article's versions, oldest first (just the article when it has no other) */
  versions: Article[];
  article?: Article;
  previous?: Article;
}

export function useFamily(corpus: string, articleId: string): Family | undefined {
  const { doc } = useDoc(corpusDocName(corpus));
  const articles = useDocValue(doc, listArticles);
  if (!articles) return undefined;
  return { articles, versions: familyOf(articles, articleId), article: articles.find((a) => a.id === articleId), previous: previousVersion(articles, articleId) };
}
