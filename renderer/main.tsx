/**
 * Renderer entry: sets up i18n, loads the local corpus from IndexedDB (adding the sample
 * articles on first start), then shows the app — or a clear message if storage is unusable.
 */
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { setupI18n } from './i18n/i18n';
import { loadSampleCorpus } from './store/sample-corpus';
import { App } from './components/App';
import './styles.css';

async function start(): Promise<void> {
  await setupI18n();
  const root = createRoot(document.getElementById('root')!);
  root.render(<p className="loading">{i18next.t('app.loading')}</p>);
  try {
    await loadSampleCorpus();
  } catch (error) {
    root.render(<p className="error" role="alert">{i18next.t('app.storageError', { reason: error instanceof Error ? error.message : String(error) })}</p>);
    return;
  }
  root.render(<App />);
}

void start();
