/**
 * Renderer entry: sets up i18n; in a class session connects to the class server; on a page
 * served by a class server outside its class, shows only how to join it; otherwise
 * loads the local corpus from IndexedDB (adding the sample articles on first start); then shows
 * the app, or a clear message if storage is unusable.
 */
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { setupI18n } from './i18n/i18n';
import { addSampleArticles } from './store/sample-corpus';
import { classAt } from './store/serving-class';
import { enterWithoutReload, loadSession } from './store/session';
import { startSync } from './store/sync';
import { App } from './components/App';
import { applyDisplay, loadDisplay } from './store/display-settings';
import { loadArticleFontsSoon } from './typography/fonts-soon';
import './typography/fonts';
import './styles.css';
import './reflow.css';

async function start(): Promise<void> {
  applyDisplay(loadDisplay());
  // an article is then laid out once, in its own fonts, not first in a fallback
  loadArticleFontsSoon();
  await setupI18n();
  const root = createRoot(document.getElementById('root')!);
  root.render(<p className="loading">{i18next.t('app.loading')}</p>);
  const session = loadSession();
  // a page served by a class server, outside the class, opens on joining it: no local library there
  const landing = session ? false : (await classAt()) !== null;
  try {
    // in a class the teacher's corpus arrives from the server; alone, the sample corpus is the library
    if (session) startSync(session);
    else if (!landing) await addSampleArticles();
  } catch (error) {
    root.render(<p className="error" role="alert">{i18next.t('app.storageError', { reason: error instanceof Error ? error.message : String(error) })}</p>);
    return;
  }
  // the joining page has opened no document: it enters the class in place (a new App reads the saved user)
  if (landing)
    enterWithoutReload((joined) => {
      startSync(joined);
      root.render(<App key="class" session={joined} />);
    });
  root.render(<App session={session} landing={landing} />);
}

void start();
