/**
 * The class's articles in the teacher's class panel: how many there are, a link to the library,
 * and adding more (the sample articles while the class has none, a file or pasted text), so the
 * teacher prepares the class from the page their link opens. An article's versions count as one
 * article (the library shows them as one card).
 */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { listArticles } from '../../shared/model/corpus';
import { versionFamilies } from '../../shared/versions/version-plan';
import { useDocValue } from '../store/use-doc';
import { ArticleAdding } from './ArticleAdding';

export function ClassArticles({ corpus, corpusDoc }: { corpus: string; corpusDoc: Y.Doc }) {
  const { t } = useTranslation();
  const articles = useDocValue(corpusDoc, listArticles) ?? [];
  return (
    <section className="class-articles" aria-labelledby="class-articles-title">
      <h2 id="class-articles-title">{t('join.articles')}</h2>
      <p>
        <a href="#/">{t('join.articlesLink', { count: versionFamilies(articles).length })}</a>
      </p>
      <ArticleAdding corpus={corpus} empty={articles.length === 0} onAdded={(id) => (location.hash = `#/article/${id}`)} />
    </section>
  );
}
