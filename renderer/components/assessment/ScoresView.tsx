/**
 * The teacher's scores view (#/scores, from the dashboard): the rubric's weights, then a table
 * with a row per student — the claims they found in words ("2 of the 3 claims"), the points of
 * each criterion, every point a link that opens the article at the mark that earned it (its
 * words in the link's name), the total, and how closely they read like the teacher, in words.
 * Nothing is a black box. The table is read again when the weights change or on request.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './assessment.css';
import { CRITERIA, readRubric, type Point } from '../../../shared/assessment/rubric';
import { corpusDocName } from '../../../shared/model/doc-names';
import { markKey, readScores, type ScoresRead } from '../../store/assessment-scores';
import { routeHash } from '../../store/route';
import { useDoc, useDocValue } from '../../store/use-doc';
import { RubricWeights } from './RubricWeights';

export function ScoresView({ corpus }: { corpus: string }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const figure = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const { doc } = useDoc(corpusDocName(corpus));
  const rubric = useDocValue(doc, readRubric);
  const [read, setRead] = useState<ScoresRead | null>(null);
  const [turn, setTurn] = useState(0);
  const weights = JSON.stringify(rubric);
  useEffect(() => {
    if (!rubric) return;
    let live = true;
    void readScores(corpus, rubric).then((r) => live && setRead(r));
    return () => {
      live = false;
    };
  }, [corpus, weights, turn]);

  const titleOf = (article: string) => read?.articles.find((a) => a.id === article)?.title ?? article;
  const pointLink = (p: Point, i: number) => {
    const words = read?.marks.get(markKey(p.article, p.mark))?.target.exact ?? '';
    const label = t(`assessment.pointFor.${p.criterion}`, { points: number.format(p.points), count: p.points, quote: words, article: titleOf(p.article) });
    return (
      <li key={i}>
        <a href={routeHash({ view: 'article', id: p.article, focus: p.mark })} aria-label={label} title={label}>
          +{number.format(p.points)}
          {p.partial && <span aria-hidden="true"> ◐</span>}
        </a>
      </li>
    );
  };

  if (!doc || !rubric || !read) return <p className="loading">{t('app.loading')}</p>;
  return (
    <main className="scores-view">
      <nav className="article-nav">
        <a href={routeHash({ view: 'dashboard' })} className="button-link">
          <span aria-hidden="true">🡐</span> {t('assessment.backToDashboard')}
        </a>
      </nav>
      <h1>{t('assessment.scoresTitle')}</h1>
      <p>{t('assessment.scoresIntro')}</p>
      <RubricWeights doc={doc} rubric={rubric} />
      <button type="button" onClick={() => setTurn((n) => n + 1)}>
        {t('assessment.refresh')}
      </button>
      {read.scores.length === 0 ? (
        <p>{t('assessment.noStudents')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table scores-table">
            <caption>{t('assessment.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.student')}</th>
                <th scope="col">{t('assessment.claimsFound')}</th>
                {CRITERIA.map((c) => (
                  <th key={c} scope="col">
                    {t(`assessment.criterion.${c}`)} <span className="weight">(×{number.format(rubric[c])})</span>
                  </th>
                ))}
                <th scope="col">{t('assessment.total')}</th>
                <th scope="col">{t('assessment.agreement')}</th>
              </tr>
            </thead>
            <tbody>
              {read.scores.map((s) => (
                <tr key={s.owner}>
                  <th scope="row">{read.names.get(s.owner) ?? s.owner}</th>
                  <td>{t('assessment.claimsOf', { found: s.claims.found, count: s.claims.of, partial: s.claims.partial })}</td>
                  {CRITERIA.map((c) => (
                    <td key={c}>
                      <strong>{number.format(s.byCriterion[c])}</strong>
                      <ul className="point-links">{s.points.map((p, i) => (p.criterion === c ? pointLink(p, i) : null))}</ul>
                    </td>
                  ))}
                  <td>
                    <strong>{number.format(s.total)}</strong>
                  </td>
                  <td>
                    {t(`assessment.bandShort.${s.agreement.band}`)}
                    {s.agreement.kappa !== null && <span className="kappa"> (κ = {figure.format(s.agreement.kappa)})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
