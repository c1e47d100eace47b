/**
 * Import of annotations made elsewhere: a W3C JSON-LD file, brat or WebAnno TSV 3 files (INCEpTION),
 * or a Glose bundle, re-anchored in
 * the current texts with progress and Cancel. The outcome lists every annotation that could not
 * be placed (an orphan) with its reason, and offers the list as a file: nothing is dropped.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnchorReport } from '../../../shared/formats/reanchor';
import { gloseApi } from '../../api/glose-api';
import { importBundleFile, importForeignFile, importW3cFile } from '../../store/research/import-annotations';
import { bundleProblemText } from '../../store/research/import-bundle-parts';
import { useTask } from '../../store/research/use-task';
import { TaskProgress } from './TaskProgress';

const SOURCES = {
  w3c: { purpose: 'annotations', extensions: ['jsonld', 'json'], read: importW3cFile },
  foreign: { purpose: 'annotations', extensions: ['zip', 'tsv', 'ann'], read: importForeignFile },
  bundle: { purpose: 'bundle', extensions: ['zip'], read: importBundleFile },
} as const;

/** Items of the file that are not annotations Glose can hold, each with where it is and why. */
function Rejected({ report }: { report: AnchorReport }) {
  const { t } = useTranslation();
  if (report.rejected.length === 0) return null;
  return (
    <section aria-labelledby="rejected-title" className="orphans-report">
      <h3 id="rejected-title">{t('research.import.rejected', { count: report.rejected.length })}</h3>
      <ul>
        {report.rejected.map((r, i) => <li key={i}><code>{r.where}</code>: {r.reason}</li>)}
      </ul>
    </section>
  );
}

function Orphans({ report }: { report: AnchorReport }) {
  const { t } = useTranslation();
  if (report.orphans.length === 0) return report.rejected.length === 0 ? <p className="success">{t('research.import.noOrphans')}</p> : null;
  const save = () => void gloseApi().saveFile({ suggestedName: 'orphans.json', data: new TextEncoder().encode(`${JSON.stringify(report.orphans, null, 1)}\n`) });
  const columns = ['article', 'layer', 'kind', 'quote', 'reason'] as const;
  return (
    <section aria-labelledby="orphans-title" className="orphans-report">
      <h3 id="orphans-title">{t('research.import.orphans', { count: report.orphans.length })}</h3>
      <p className="muted">{t('research.import.orphansHelp')}</p>
      <button type="button" onClick={save}>{t('research.import.saveOrphans')}</button>
      <table className="data-table">
        <thead>
          <tr>{columns.map((c) => <th key={c} scope="col">{t(`research.import.columns.${c}`)}</th>)}</tr>
        </thead>
        <tbody>
          {report.orphans.map((o, i) => (
            <tr key={`${o.article}/${o.layer}/${o.record.id}/${i}`}>
              <td>{o.article}</td>
              <td>{o.layer}</td>
              <td>{o.record.kind}</td>
              <td className="quote">{o.record.target.exact}</td>
              <td>{o.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ImportPanel({ corpus, onImported }: { corpus: string; onImported: () => void }) {
  const { t } = useTranslation();
  const task = useTask();
  const [report, setReport] = useState<AnchorReport | null>(null);

  const pick = async (kind: keyof typeof SOURCES) => {
    const source = SOURCES[kind];
    const file = await gloseApi().openFile({ purpose: source.purpose, extensions: [...source.extensions] });
    if (!file) return;
    setReport(null);
    await task.run(async (signal, progress) => {
      if ('error' in file) throw new Error(t(file.error === 'too-large' ? 'errors.tooLarge' : 'errors.unreadable', { name: file.name, size: '', max: '' }));
      const r = await source.read(corpus, file.name, file.data, { signal, onProgress: progress, now: () => new Date(), say: (name, problem) => bundleProblemText(t, name, problem) });
      if (!r.ok) throw new Error(r.error);
      setReport(r.value);
    });
    onImported();
  };

  const running = task.state.phase === 'running';
  return (
    <section className="research-panel" aria-labelledby="research-import-title">
      <h2 id="research-import-title">{t('research.import.title')}</h2>
      <p className="muted">{t('research.import.help')}</p>
      <div className="row">
        <button type="button" onClick={() => void pick('w3c')} disabled={running}>{t('research.import.w3c')}</button>
        <button type="button" onClick={() => void pick('foreign')} disabled={running}>{t('importForeign.button')}</button>
        <button type="button" onClick={() => void pick('bundle')} disabled={running}>{t('research.import.bundle')}</button>
      </div>
      <TaskProgress task={task} label={t('research.import.title')} cancelledText={t('research.import.cancelled')} />
      {report && (
        <>
          <p role="status">{t('research.import.result', { exact: report.exact, moved: report.moved, fuzzy: report.fuzzy, duplicates: report.duplicates.length })}</p>
          <Rejected report={report} />
          <Orphans report={report} />
        </>
      )}
    </section>
  );
}
