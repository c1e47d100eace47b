/**
 * The dashboard's class heat map for one article: a Chart.js chart of marks, disputes and
 * questions per paragraph; the same figures in a table whose cells darken with the count (the
 * number is always written: colour is never the only signal); and the passages to look at first.
 * An article with versions is offered once, at its newest version ("… (v2 of 2)"), its older
 * versions apart under "Older versions".
 */
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { articleText, type Article } from '../../../shared/model/corpus';
import { corpusDocName, textDocName } from '../../../shared/model/doc-names';
import { articleHeat, hottest, type HeatRow } from '../../store/dashboard/article-heat';
import type { LayerData } from '../../store/dashboard/student-activity';
import { routeHash } from '../../store/route';
import { useDoc, useDocValue } from '../../store/use-doc';
import { newestFirst, versionTitles } from '../../store/version-titles';
import { BarChart } from './BarChart';
import { HEAT_MEASURES, heatSeries } from './chart-series';

interface Props {
  corpus: string;
  articles: Article[];
  layers: LayerData[];
  /** the article shown first (the one most students have open) */
  initial: string | undefined;
}

const MEASURES = HEAT_MEASURES;

function HeatCell({ value, max }: { value: number; max: number }) {
  const share = max > 0 ? value / max : 0;
  return (
    <td className="number heat-cell" style={{ backgroundColor: `rgba(213, 94, 0, ${(share * 0.55).toFixed(2)})` }}>
      {value}
    </td>
  );
}

export function HeatSection({ corpus, articles, layers, initial }: Props) {
  const { t } = useT();
  const [chosen, setChosen] = useState<string | undefined>();
  const { newest, older } = useMemo(() => newestFirst(articles), [articles]);
  const titles = useMemo(() => versionTitles(articles, t), [articles, t]);
  const article = articles.find((a) => a.id === (chosen ?? initial)) ?? newest[0];
  const { doc: textDoc } = useDoc(article ? textDocName(corpus, article.id) : corpusDocName(corpus));
  const text = useDocValue(textDoc, (d) => (article ? articleText(d).toString() : ''), [article?.id]);
  const rows = useMemo((): HeatRow[] => {
    if (!article || !text) return [];
    const mine = layers.filter((l) => l.article === article.id);
    return articleHeat(text, mine.flatMap((l) => l.annotations), mine.map((l) => l.discussion));
  }, [article, text, layers]);
  const { labels, series } = useMemo(() => heatSeries(rows, t), [rows, t]);
  const max = Math.max(0, ...rows.flatMap((r) => MEASURES.map((m) => r[m])));
  const top = hottest(rows, 5);
  if (!article) return null;
  return (
    <section aria-labelledby="dashboard-heat">
      <h2 id="dashboard-heat">{t('dashboard.heat')}</h2>
      <p className="muted">{t('dashboard.heatHelp')}</p>
      <label className="dashboard-field">
        {t('dashboard.article')}{' '}
        <select value={article.id} onChange={(e) => setChosen(e.target.value)}>
          {newest.map((a) => (
            <option key={a.id} value={a.id}>
              {titles.get(a.id)}
            </option>
          ))}
          {older.length > 0 && (
            <optgroup label={t('versionViews.older')}>
              {older.map((a) => (
                <option key={a.id} value={a.id}>
                  {titles.get(a.id)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <h3>{t('dashboard.hottest')}</h3>
      {top.length === 0 ? (
        <p>{t('dashboard.noMarks')}</p>
      ) : (
        <ol className="hottest">
          {top.map((r) => (
            <li key={r.paragraph}>
              <a href={routeHash({ view: 'article', id: article.id })}>{t('dashboard.paragraphShort', { n: r.paragraph })}</a> <q lang={article.language}>{r.excerpt}</q> —{' '}
              {t('dashboard.hotCounts', { marks: r.marks, disputes: r.disputes, questions: r.questions })}
            </li>
          ))}
        </ol>
      )}
      <BarChart labels={labels} series={series} stacked={false} summary={t('dashboard.heatChart', { title: titles.get(article.id) ?? article.title })} describedBy="dashboard-heat-table" />
      <details className="heat-details">
        <summary>{t('dashboard.heatTableOpen', { count: rows.length })}</summary>
        <div className="table-scroll">
          <table id="dashboard-heat-table" className="data-table dashboard-table">
            <caption className="visually-hidden">{t('dashboard.heatChart', { title: titles.get(article.id) ?? article.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.paragraph')}</th>
                <th scope="col">{t('dashboard.excerpt')}</th>
                {MEASURES.map((m) => (
                  <th scope="col" key={m}>
                    {t(`dashboard.${m}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.paragraph}>
                  <th scope="row">{r.paragraph}</th>
                  <td lang={article.language}>{r.excerpt}</td>
                  {MEASURES.map((m) => (
                    <HeatCell key={m} value={r[m]} max={max} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
