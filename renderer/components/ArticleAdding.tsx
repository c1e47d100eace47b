/**
 * Adding articles to a corpus, as the library and the teacher's class panel offer it: the sample
 * articles in one click while the corpus is empty, and a file or pasted text at any time.
 */
import { useTranslation } from 'react-i18next';
import { addSampleArticles } from '../store/sample-corpus';
import { AddArticle } from './AddArticle';

export function ArticleAdding({ corpus, empty, onAdded }: { corpus: string; empty: boolean; onAdded: (articleId: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {empty && (
        <button type="button" className="primary" onClick={() => void addSampleArticles(corpus)}>
          {t('session.addSamples')}
        </button>
      )}
      <AddArticle corpus={corpus} onAdded={onAdded} />
    </>
  );
}
