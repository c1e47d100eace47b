/**
 * The library: the class's assignments (in a class), the corpus's articles with title, language
 * and source, and adding new ones. An article with versions is one card: its newest version
 * opens, the older ones are linked below. It opens the layer snapshots' database ahead of a click.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { listArticles } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import { versionFamilies } from '../../shared/versions/version-plan';
import { openSnapshotsSoon } from '../store/layer-snapshots';
import { useDoc, useDocValue } from '../store/use-doc';
import { ArticleAdding } from './ArticleAdding';
import { VersionLinks } from './VersionLinks';
import { AssignmentCards } from './classwork/AssignmentCards';

interface Props {
  corpus: string;
  /** whether this user may add articles (alone, or the teacher of a class) */
  canAdd: boolean;
  onOpen: (articleId: string) => void;
  /** the user's id in a class: its assignments are shown first */
  member?: string;
}

export function Library({ corpus, canAdd, onOpen, member }: Props) {
  const { t } = useTranslation();
  const { doc } = useDoc(corpusDocName(corpus));
  const articles = useDocValue(doc, listArticles) ?? [];
  const families = versionFamilies(articles);
  // an article opened from here reads its layer snapshot without waiting for the database to open
  useEffect(openSnapshotsSoon, []);
  return (
    <main className="library">
      <h1>
        {t('library.title')} <span className="count">{t('library.count', { count: families.length })}</span>
      </h1>
      {member && <AssignmentCards corpusDoc={doc} article={null} user={member} />}
      <ul className="article-list">
        {families.map((versions) => [versions.at(-1)!, versions] as const).map(([a, versions]) => (
          <li key={a.id} className="article-card">
            <a href={`#/article/${a.id}`} onClick={(e) => (e.preventDefault(), onOpen(a.id))} lang={a.language} className="article-link">
              {a.title}
            </a>
            <dl className="article-facts">
              <div>
                <dt>{t('library.language')}</dt>
                <dd>
                  <span className="lang-badge">{a.language.toUpperCase()}</span>
                </dd>
              </div>
              <div>
                <dt>{t('library.source')}</dt>
                <dd>{a.source}</dd>
              </div>
            </dl>
            <VersionLinks versions={versions} />
          </li>
        ))}
      </ul>
      {canAdd && <ArticleAdding corpus={corpus} empty={articles.length === 0} onAdded={onOpen} />}
    </main>
  );
}
