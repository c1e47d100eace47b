/**
 * Agreement between the chosen layers over the chosen articles (shared/agreement), the figures
 * `glose agreement` computes: over all kinds at once (multi-category Fleiss' kappa and
 * Krippendorff's alpha, unitizing alpha) and per kind, pooled over every token; each annotator's
 * precision, recall and F1 against the gold layer (which is never an annotator here); the
 * pairwise Cohen's kappa matrix for one kind at a time; per article, unitizing alpha on the spans and alpha per kind;
 * and the passages where annotators disagree most, each linking to its article. Computed
 * article by article with progress and Cancel.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementAccumulator, type CorpusAgreement } from '../../../shared/agreement/corpus-agreement';
import { kindOf } from '../../../shared/model/tagset';
import { readSnapshots, type CorpusChoice } from '../../store/research/corpus-reader';
import { useTask } from '../../store/research/use-task';
import { AgreementValue } from './AgreementValue';
import type { Chosen } from './ChoiceLists';
import { CohenMatrix } from './CohenMatrix';
import { GoldF1Table } from './GoldF1Table';
import { TaskProgress } from './TaskProgress';

const PASSAGES = 8;

export function AgreementPanel({ choice, chosen }: { choice: CorpusChoice; chosen: Chosen }) {
  const { t, i18n } = useTranslation();
  const task = useTask();
  const [result, setResult] = useState<CorpusAgreement | null>(null);
  const tagset = choice.info.tagset;
  const kindName = (key: string) => kindOf(tagset, key)?.name[i18n.language as 'en' | 'fr'] ?? key;
  const titles = new Map(choice.articles.map((a) => [a.id, a.title]));

  const measure = () => {
    setResult(null);
    const articles = choice.articles.filter((a) => chosen.articles.has(a.id));
    const owners = choice.owners.filter((o) => chosen.owners.has(o));
    void task.run(async (signal, progress) => {
      // as `glose agreement`: the gold layer is the reference, not an annotator
      const acc = agreementAccumulator(tagset, { passages: PASSAGES });
      let done = 0;
      progress(0, articles.length);
      for await (const entry of readSnapshots(choice.info.id, articles, owners, signal)) {
        acc.add(entry);
        progress(++done, articles.length);
      }
      setResult(acc.result());
    });
  };

  const passages = result?.articles.flatMap((a) => a.passages.map((p) => ({ ...p, article: a.article }))).sort((a, b) => b.disagreement - a.disagreement).slice(0, PASSAGES) ?? [];
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section className="research-panel" aria-labelledby="research-agreement-title">
      <h2 id="research-agreement-title">{t('research.agreement.title')}</h2>
      <button type="button" className="primary" onClick={measure} disabled={task.state.phase === 'running'}>
        {t('research.agreement.compute')}
      </button>
      <TaskProgress task={task} label={t('research.agreement.title')} />
      {result && result.annotators.length < 2 && <p role="status">{t('research.agreement.needTwo')}</p>}
      {result && result.annotators.length >= 2 && (
        <div className="agreement-result">
          <p>{t('research.agreement.annotators', { list: result.annotators.map((o) => choice.names[o] ?? o).join(', ') })}</p>
          <table className="data-table" aria-label={t('research.agreement.allKinds')}>
            <caption>{t('research.agreement.allKinds')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('research.agreement.kind')}</th>
                <th scope="col">{t('research.agreement.fleiss')}</th>
                <th scope="col">{t('research.agreement.alpha')}</th>
                <th scope="col">{t('research.agreement.unitized')}</th>
              </tr>
            </thead>
            <tbody>
              <tr className="all-kinds">
                <th scope="row">{t('agreementGold.allKinds')}</th>
                <td><AgreementValue value={result.categories.fleiss} /></td>
                <td><AgreementValue value={result.categories.alpha} /></td>
                <td><AgreementValue value={result.unitizedAlpha} /></td>
              </tr>
              {result.kinds.map((k) => (
                <tr key={k.kind}>
                  <th scope="row">{kindName(k.kind)}</th>
                  <td><AgreementValue value={k.fleiss} /></td>
                  <td><AgreementValue value={k.alpha} /></td>
                  <td><AgreementValue value={k.unitizedAlpha} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <GoldF1Table gold={result.gold} name={(owner) => choice.names[owner] ?? owner} />
          <CohenMatrix result={result} kindName={kindName} name={(owner) => choice.names[owner] ?? owner} />
          <div className="table-scroll">
            <table className="data-table per-article">
              <caption>{t('research.agreement.perArticle')}</caption>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>{t('research.agreement.article')}</th>
                  <th scope="col" rowSpan={2}>{t('research.agreement.unitized')}, {t('research.agreement.overall')}</th>
                  <th scope="colgroup" colSpan={tagset.kinds.length}>{t('research.agreement.alpha')}</th>
                </tr>
                <tr>{tagset.kinds.map((k) => <th key={k.key} scope="col">{kindName(k.key)}</th>)}</tr>
              </thead>
              <tbody>
                {result.articles.map((a) => (
                  <tr key={a.article}>
                    <th scope="row"><a href={`#/article/${a.article}`}>{titles.get(a.article) ?? a.article}</a></th>
                    <td><AgreementValue value={a.unitizedAlpha} /></td>
                    {a.kinds.map((k) => <td key={k.kind}><AgreementValue value={k.alpha} /></td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('research.agreement.passages')}</h3>
          <ol className="passages">
            {passages.map((p) => (
              <li key={`${p.article}:${p.start}`}>
                <a href={`#/article/${p.article}`}>{titles.get(p.article) ?? p.article}</a>{' '}
                <span className="muted">{t('research.agreement.disagreement', { percent: percent.format(p.disagreement) })}</span>
                <blockquote>{p.text.length > 320 ? `${p.text.slice(0, 320)}…` : p.text}</blockquote>
              </li>
            ))}
          </ol>
          <p className="muted small">{t('research.agreement.scaleNote')}</p>
        </div>
      )}
    </section>
  );
}
