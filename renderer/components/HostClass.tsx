/**
 * "Host a class": in the desktop app, starts the class server on this computer and enters the
 * class as its teacher; in a browser (which cannot open a server), says how to start one.
 */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HostClassResult } from '../../shared/api/contract';
import { gloseApi } from '../api/glose-api';
import { enterSession } from '../store/session';

/** The command to start a class server; its words wrap only between arguments (`.command .arg`). */
const SERVER_COMMAND = ['npm', 'run', 'server', '--', '--host', '0.0.0.0', '--title', '"…"', '--show-teacher-link'];

/** What the teacher is told when the class cannot be hosted; a damaged kept class is named in their language. */
export function hostFailure(t: TFunction, failure: Extract<HostClassResult, { error: string }>): string {
  if (failure.error === 'damaged') return t('hostDamaged.message', { file: failure.file, reason: failure.message });
  return t('host.failed', { reason: failure.message ?? failure.error });
}

export function HostClass() {
  const { t } = useTranslation();
  const [desktop, setDesktop] = useState<boolean | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => void gloseApi().appInfo().then((info) => setDesktop(info.shell === 'electron')), []);

  const host = async () => {
    setBusy(true);
    const result = await gloseApi().hostClass({ title });
    setBusy(false);
    if ('error' in result) return setError(hostFailure(t, result));
    enterSession({ server: result.server, token: result.token, corpus: result.corpus, user: 'teacher', role: 'teacher', title });
  };

  return (
    <main className="join">
      <h1>{t('host.title')}</h1>
      {desktop === false && (
        <>
          <p>{t('host.browser')}</p>
          <pre className="command">
            {SERVER_COMMAND.map((arg, i) => (
              <span key={i}>
                {i > 0 && ' '}
                <span className="arg">{arg}</span>
              </span>
            ))}
          </pre>
          <p>{t('host.browserThen')}</p>
        </>
      )}
      {desktop && (
        <form
          className="join-form"
          onSubmit={(e) => {
            e.preventDefault();
            void host();
          }}
        >
          <p>{t('host.intro')}</p>
          <label>
            {t('host.name')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {t('host.start')}
          </button>
          <p className="error" role="alert">{error}</p>
        </form>
      )}
    </main>
  );
}
