/**
 * Joining a class. A page served by a class server opens here on "Join «3e B»": the code, and a
 * name field for someone the app does not know yet — nothing else. Elsewhere (the desktop app),
 * the teacher's address too, or a class found on the network. The teacher's own link (it carries
 * a teacher token) enters the class at once and opens the class panel. Errors are explained in
 * the user's language.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveredClass } from '../../shared/api/contract';
import type { Author } from '../../shared/model/record';
import type { ClassInfo } from '../../shared/protocol/class-info';
import { gloseApi } from '../api/glose-api';
import { classAt, classKnownAt } from '../store/serving-class';
import { enterSession as enter, joinWithCode, loadSession, readToken, serverAddress } from '../store/session';
import { saveUser, USER_COLORS } from '../store/user';

interface Props {
  /** null until the person has given a name (the form asks for it) */
  user: Author | null;
  server?: string;
  code?: string;
  token?: string;
}

/** Classes hosted on this network (the desktop app looks with mDNS; a browser finds none). */
function useNearby(): DiscoveredClass[] {
  const [nearby, setNearby] = useState<DiscoveredClass[]>([]);
  useEffect(() => {
    let live = true;
    const look = () => void gloseApi().discoverClasses().then((found) => live && setNearby(found));
    look();
    const timer = setInterval(look, 3000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return nearby;
}

/** The teacher's link: enters the class as its teacher and opens the class panel. */
function TeacherLink({ token, server }: { token: string; server?: string }) {
  const { t } = useTranslation();
  const claims = readToken(token);
  const address = serverAddress(server ?? location.origin);
  useEffect(() => {
    if (!claims || !address) return;
    void classAt(server ? address : '').then((info) => enter({ server: address, token, ...claims, title: info?.title ?? '' }, '#/class'));
  }, [token]);
  return (
    <main className="join">
      <h1>{t('session.joinTitle')}</h1>
      {claims && address ? <p role="status">{t('join.opening')}</p> : <p className="error" role="alert">{t('session.errors.bad-link')}</p>}
    </main>
  );
}

export function JoinClass({ user, server: givenServer, code: givenCode, token }: Props) {
  const { t } = useTranslation();
  const [here, setHere] = useState<ClassInfo | null>(() => (givenServer ? null : classKnownAt()));
  const [server, setServer] = useState(givenServer ?? (here ? location.origin : ''));
  const [code, setCode] = useState(givenCode ?? '');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const nearby = useNearby();
  useEffect(() => {
    if (givenServer) return;
    void classAt().then((found) => {
      setHere(found);
      if (found) setServer(location.origin);
    });
  }, [givenServer]);

  if (token) return <TeacherLink token={token} server={givenServer} />;

  const submit = async () => {
    const address = serverAddress(server);
    if (!address) return setError(t('session.errors.bad-address'));
    setBusy(true);
    const previous = loadSession();
    const [who, color] = [user?.name ?? name.trim(), user?.color ?? USER_COLORS[0]!];
    const result = await joinWithCode(address, code, who, color, previous?.server === address ? previous.token : undefined);
    setBusy(false);
    if (typeof result === 'string') return setError(t(`session.errors.${result}`));
    // the class gives each member a distinct colour: this page's user takes it
    if (!user || (result.color && result.color !== user.color)) saveUser(who, result.color ?? color, user);
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
        {user ? (
          <p>{t('session.joinAsUser', { name: user.name })}</p>
        ) : (
          <label>
            {t('join.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoComplete="name" required />
          </label>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('session.join')}
        </button>
        <p className="error" role="alert">{error}</p>
      </form>
      {!here && (
        <p>
          <a href="#/host">{t('host.title')}</a>
        </p>
      )}
    </main>
  );
}
