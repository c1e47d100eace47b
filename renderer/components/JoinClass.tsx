/**
 * Joining a class: with the server's address and the code the teacher shows (the address is
 * filled in when this page was opened from the class server itself), or straight from the
 * teacher's own link, which carries a teacher token. Errors are explained in the user's language.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveredClass } from '../../shared/api/contract';
import type { Author } from '../../shared/model/record';
import { gloseApi } from '../api/glose-api';
import { enterSession as enter, joinWithCode, loadSession, readToken, serverAddress } from '../store/session';
import { saveUser } from '../store/user';

interface Props {
  user: Author;
  server?: string;
  code?: string;
  token?: string;
}

/** The class this page is served by, if it was opened from a class server. */
async function servingClass(): Promise<{ title: string } | null> {
  try {
    const response = await fetch('/api/session');
    const body = (await response.json()) as { app?: string; title?: string };
    return response.ok && body.app === 'glose' ? { title: body.title ?? '' } : null;
  } catch {
    return null;
  }
}

export function JoinClass({ user, server: givenServer, code: givenCode, token }: Props) {
  const { t } = useTranslation();
  const [server, setServer] = useState(givenServer ?? '');
  const [code, setCode] = useState(givenCode ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [here, setHere] = useState<{ title: string } | null>(null);
  const [nearby, setNearby] = useState<DiscoveredClass[]>([]);
  useEffect(() => {
    // classes hosted on this network (the desktop app looks with mDNS; a browser finds none)
    let live = true;
    const look = () => void gloseApi().discoverClasses().then((found) => live && setNearby(found));
    look();
    const timer = setInterval(look, 3000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  useEffect(() => {
    if (givenServer) return;
    void servingClass().then((found) => {
      setHere(found);
      if (found) setServer(location.origin);
    });
  }, [givenServer]);

  const teacher = token ? readToken(token) : null;
  if (token) {
    return (
      <main className="join">
        <h1>{t('session.joinTitle')}</h1>
        {teacher ? (
          <button
            type="button"
            className="primary"
            onClick={() => enter({ server: serverAddress(givenServer ?? location.origin)!, token, ...teacher, title: here?.title ?? '' })}
          >
            {t('session.joinAs', { role: t(`session.roles.${teacher.role}`) })}
          </button>
        ) : (
          <p className="error" role="alert">{t('session.errors.bad-link')}</p>
        )}
      </main>
    );
  }

  const submit = async () => {
    const address = serverAddress(server);
    if (!address) return setError(t('session.errors.bad-address'));
    setBusy(true);
    const previous = loadSession();
    const result = await joinWithCode(address, code, user.name, user.color, previous?.server === address ? previous.token : undefined);
    setBusy(false);
    if (typeof result === 'string') return setError(t(`session.errors.${result}`));
    // the class gives each member a distinct colour: this page's user takes it
    if (result.color && result.color !== user.color) saveUser(user.name, result.color, user);
    enter(result);
  };

  return (
    <main className="join">
      <h1>{here ? t('session.joinNamed', { title: here.title }) : t('session.joinTitle')}</h1>
      <form
        className="join-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {!here && nearby.length > 0 && (
          <fieldset className="nearby">
            <legend>{t('session.nearby')}</legend>
            {nearby.map((c) => (
              <button key={c.server} type="button" onClick={() => setServer(c.server)} aria-pressed={server === c.server}>
                {c.title} <span className="muted">({c.server.replace(/^https?:\/\//, '')})</span>
              </button>
            ))}
          </fieldset>
        )}
        {!here && (
          <label>
            {t('session.server')}
            <input value={server} onChange={(e) => setServer(e.target.value)} placeholder="192.168.1.20:8787" autoComplete="off" required />
          </label>
        )}
        <label>
          {t('session.code')}
          <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="ABC-123" autoComplete="off" autoCapitalize="characters" required className="code-input" />
        </label>
        <p>{t('session.joinAsUser', { name: user.name })}</p>
        <button type="submit" className="primary" disabled={busy}>
          {t('session.join')}
        </button>
        <p className="error" role="alert">{error}</p>
      </form>
      <p>
        <a href="#/host">{t('host.title')}</a>
      </p>
    </main>
  );
}
