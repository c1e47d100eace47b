/**
 * The research view's way into adjudication: the chosen articles, each linking to its
 * adjudication view (`#/adjudicate/<id>`) with its progress — passages adjudicated and to do —
 * kept up to date while annotators work. Progress is watched for the first PROGRESS_LIMIT chosen
 * articles only: each article watched keeps every layer of it open (and, in a class, served), and
 * the server allows a connection a few hundred documents; the others link to their view, which
 * shows theirs.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHash } from '../../store/route';
import { watchAdjudicationProgress, type ArticleProgress } from '../../store/research/adjudication-progress';
import type { CorpusChoice } from '../../store/research/corpus-reader';
import type { Chosen } from './ChoiceLists';

const PROGRESS_LIMIT = 8;

export function AdjudicationPanel({ choice, chosen }: { choice: CorpusChoice; chosen: Chosen }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ArticleProgress[]>([]);
  const articles = choice.articles.filter((a) => chosen.articles.has(a.id));
  useEffect(() => {
    const owners = choice.owners.filter((o) => chosen.owners.has(o));
    return watchAdjudicationProgress(choice.info.id, articles.slice(0, PROGRESS_LIMIT), owners, setRows);
  }, [choice, chosen]);
  const counted = new Map(rows.map((r) => [r.article.id, r]));

  return (
    <section className="research-panel" aria-labelledby="research-adjudicate-title">
      <h2 id="research-adjudicate-title">{t('adjudicate.listTitle')}</h2>
      <p className="muted">{t('adjudicate.listHelp')}</p>
      <div className="adjudicate-list">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('adjudicate.article')}</th>
              <th scope="col">{t('adjudicate.done')}</th>
              <th scope="col">{t('adjudicate.todo')}</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <th scope="row">
                  <a href={routeHash({ view: 'adjudicate', id: article.id })}>{article.title}</a>
                </th>
                <td>{counted.get(article.id)?.done ?? '–'}</td>
                <td>{counted.get(article.id)?.todo ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {articles.length > PROGRESS_LIMIT && <p className="muted small">{t('adjudicate.limit', { count: PROGRESS_LIMIT })}</p>}
    </section>
  );
}
