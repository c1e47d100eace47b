/**
 * The research view's way into adjudication: the chosen articles, each linking to its
 * adjudication view (`#/adjudicate/<id>`) with its progress — passages adjudicated and to do —
 * read when the panel opens or the choice changes.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHash } from '../../store/route';
import { adjudicationProgress, type ArticleProgress } from '../../store/research/adjudication-progress';
import type { CorpusChoice } from '../../store/research/corpus-reader';
import type { Chosen } from './ChoiceLists';

export function AdjudicationPanel({ choice, chosen }: { choice: CorpusChoice; chosen: Chosen }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ArticleProgress[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    const articles = choice.articles.filter((a) => chosen.articles.has(a.id));
    const owners = choice.owners.filter((o) => chosen.owners.has(o));
    setRows([]);
    void (async () => {
      const read: ArticleProgress[] = [];
      for await (const row of adjudicationProgress(choice.info.id, articles, owners, controller.signal)) read.push(row);
      setRows(read);
    })().catch(() => {}); // cancelled by a newer choice
    return () => controller.abort();
  }, [choice, chosen]);

  return (
    <section className="research-panel" aria-labelledby="research-adjudicate-title">
      <h2 id="research-adjudicate-title">{t('adjudicate.listTitle')}</h2>
      <p className="muted">{t('adjudicate.listHelp')}</p>
      <table className="data-table adjudicate-list">
        <thead>
          <tr>
            <th scope="col">{t('adjudicate.article')}</th>
            <th scope="col">{t('adjudicate.done')}</th>
            <th scope="col">{t('adjudicate.todo')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ article, done, todo }) => (
            <tr key={article.id}>
              <th scope="row">
                <a href={routeHash({ view: 'adjudicate', id: article.id })}>{article.title}</a>
              </th>
              <td>{done}</td>
              <td>{todo}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
