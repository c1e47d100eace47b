/**
 * Export of the chosen articles and layers in one of the research formats, optionally with
 * pseudonymised authors (a fresh random salt each time, so the mapping cannot be undone). The
 * file is built article by article with progress and Cancel, then handed to the GloseApi to save
 * (a save dialog in Electron, a download in a browser).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { version } from '../../../package.json';
import { exportCorpus, type CorpusFormat } from '../../../shared/formats/export-corpus';
import { EXPORT_FORMATS } from '../../../shared/formats/writers';
import { gloseApi } from '../../api/glose-api';
import { breather, readSnapshots, type CorpusChoice } from '../../store/research/corpus-reader';
import { useTask } from '../../store/research/use-task';
import type { Chosen } from './ChoiceLists';
import { TaskProgress } from './TaskProgress';

const FORMATS: CorpusFormat[] = [...(Object.keys(EXPORT_FORMATS) as CorpusFormat[]), 'bundle'];

function randomSalt(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function ExportPanel({ choice, chosen }: { choice: CorpusChoice; chosen: Chosen }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<CorpusFormat>('w3c');
  const [pseudonymise, setPseudonymise] = useState(false);
  const [message, setMessage] = useState<{ key: string; params?: Record<string, unknown> } | null>(null);
  const task = useTask();
  const articles = choice.articles.filter((a) => chosen.articles.has(a.id));
  const owners = choice.owners.filter((o) => chosen.owners.has(o));

  const start = () => {
    setMessage(null);
    if (articles.length === 0) return setMessage({ key: 'research.export.nothing' });
    void task.run(async (signal, progress) => {
      const file = await exportCorpus(readSnapshots(choice.info.id, articles, owners, signal, true), {
        corpus: choice.info,
        format,
        ...(pseudonymise ? { salt: randomSalt() } : {}),
        app: { name: 'glose', version },
        now: () => new Date(),
        total: articles.length,
        onProgress: progress,
        signal,
        pause: breather(),
      });
      const { saved } = await gloseApi().saveFile({ suggestedName: file.name, data: file.data });
      setMessage(saved ? { key: 'research.export.saved', params: { count: articles.length, name: file.name } } : { key: 'research.export.notSaved' });
    });
  };

  const running = task.state.phase === 'running';
  return (
    <section className="research-panel" aria-labelledby="research-export-title">
      <h2 id="research-export-title">{t('research.export.title')}</h2>
      <div className="row">
        <label>
          {t('research.export.format')}{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as CorpusFormat)} disabled={running}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`research.export.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label title={t('research.export.pseudonymiseHelp')}>
          <input type="checkbox" checked={pseudonymise} onChange={(e) => setPseudonymise(e.target.checked)} disabled={running} /> {t('research.export.pseudonymise')}
        </label>
        <button type="button" className="primary" onClick={start} disabled={running}>
          {t('research.export.start')}
        </button>
      </div>
      <p className="muted small">{t('research.export.pseudonymiseHelp')}</p>
      <TaskProgress task={task} label={t('research.export.title')} />
      {message && task.state.phase !== 'running' && <p role="status">{t(message.key, message.params)}</p>}
    </section>
  );
}
