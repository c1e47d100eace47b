/**
 * The class panel: for the teacher, how students join (the code in large type, the link and
 * its QR code — also full screen, for the projector: JoinCard.tsx — and the projector's code,
 * with a button for new codes), the class's articles and
 * adding more, the blind-annotation switch, assignments and teams (classwork/); for everyone, whether annotation is blind, and the roster: who is in the class, who is
 * online, which article each has open — and for the teacher, a button to remove a member.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type * as Y from 'yjs';
import { listArticles } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import { readRoster } from '../../shared/model/roster';
import { isBlind, setBlind } from '../../shared/model/class-settings';
import { usePeers } from '../store/presence';
import { leaveSession, type Session } from '../store/session';
import { ProjectorSettings } from './ProjectorSettings';
import { useDoc, useDocValue } from '../store/use-doc';
import { ClassArticles } from './ClassArticles';
import { JoinCard } from './JoinCard';
import { MemberBadge } from './MemberBadge';
import { AssignmentEditor } from './classwork/AssignmentEditor';
import { TeamEditor } from './classwork/TeamEditor';

interface Codes {
  studentCode: string;
  observerCode: string;
  /** the server's addresses on the classroom network */
  addresses: string[];
  /** members the teacher removed */
  removed: string[];
}

const shown = (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`;

/** The teacher's view of the class on the server: codes and removed members, and the two admin actions. */
function useClassAdmin(session: Session) {
  const [codes, setCodes] = useState<Codes | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
  useEffect(() => {
    if (session.role !== 'teacher') return;
    // asked again every few seconds until the server answers (a busy or restarting server)
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      void fetch(`${session.server}/api/session`, { headers: { authorization: `Bearer ${session.token}` } })
        .then((r) => r.json() as Promise<Partial<Codes>>)
        .then((b) => {
          if (!b.studentCode || !b.observerCode) throw new Error('no codes');
          setCodes({ studentCode: b.studentCode, observerCode: b.observerCode, addresses: b.addresses ?? [], removed: b.removed ?? [] });
        })
        .catch(() => (timer = setTimeout(ask, 2000)));
    ask();
    return () => clearTimeout(timer);
  }, [session]);
  const post = async (path: string, body: object): Promise<Record<string, unknown> | null> => {
    const response = await fetch(`${session.server}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).catch(() => null);
    const json = ((await response?.json().catch(() => null)) ?? {}) as Record<string, unknown>;
    setFailed(response?.ok ? null : String(json.error ?? 'unreachable'));
    return response?.ok ? json : null;
  };
  return {
    codes,
    failed,
    rotate: async () => {
      const next = await post('/api/codes/rotate', {});
      if (next && codes) setCodes({ ...codes, studentCode: String(next.studentCode), observerCode: String(next.observerCode) });
    },
    remove: async (user: string) => {
      const next = await post('/api/members/remove', { user });
      if (next && codes) setCodes({ ...codes, removed: next.removed as string[] });
    },
  };
}

type ClassAdmin = ReturnType<typeof useClassAdmin>;

function Invite({ session, admin }: { session: Session; admin: ClassAdmin }) {
  const { t } = useTranslation();
  const { codes } = admin;
  const [qr, setQr] = useState('');
  const [card, setCard] = useState(false);
  const address = codes?.addresses[0] ?? session.server;
  const link = codes ? `${address}/#/join?code=${codes.studentCode}` : '';
  useEffect(() => {
    if (link) void QRCode.toString(link, { type: 'svg', margin: 1 }).then((svg) => setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`));
  }, [link]);
  if (!codes) return <p>{t('session.noCodes')}</p>;
  return (
    <section className="invite" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('session.inviteTitle')}</h2>
      <p>{t('session.inviteHow', { server: address })}</p>
      <p className="join-code" aria-label={t('session.code')}>{shown(codes.studentCode)}</p>
      <label>
        {t('session.link')}
        <input readOnly value={link} onFocus={(e) => e.target.select()} />
      </label>
      {qr && <img className="qr" src={qr} alt={t('session.qrAlt', { link })} width={180} height={180} />}
      <p>
        <button type="button" onClick={() => setCard(true)}>
          {t('session.showCard')}
        </button>
      </p>
      {card && <JoinCard title={session.title || t('session.classFallback')} address={address} code={shown(codes.studentCode)} link={link} qr={qr} onClose={() => setCard(false)} />}
      <p>{t('session.observerHow', { code: shown(codes.observerCode) })}</p>
      <p>
        <button type="button" onClick={() => void admin.rotate()}>
          {t('session.rotate')}
        </button>{' '}
        <span className="muted">{t('session.rotateHelp')}</span>
      </p>
      {admin.failed && <p role="alert">{t('session.adminFailed', { error: admin.failed })}</p>}
    </section>
  );
}

function Roster({ corpusDoc, admin, me }: { corpusDoc: Y.Doc; admin: ClassAdmin | null; me: string }) {
  const { t } = useTranslation();
  const roster = useDocValue(corpusDoc, readRoster) ?? new Map();
  const titles = new Map((useDocValue(corpusDoc, listArticles) ?? []).map((a) => [a.id, a.title]));
  const peers = usePeers();
  const online = new Map(peers.map((p) => [p.user.id, p]));
  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">{t('session.roster', { count: roster.size })}</h2>
      <ul className="roster">
        {[...roster].map(([id, entry]) => {
          const peer = online.get(id);
          const here = !!peer || id === me; // this page is this member, here
          return (
            <li key={id}>
              <MemberBadge name={entry.name} color={entry.color} />
              <strong>{entry.name}</strong> <span className="muted">{t(`session.roles.${entry.role}`)}</span>{' '}
              <span className={here ? 'online' : 'muted'}>
                {here ? `● ${t('session.online')}` : `○ ${t('session.away')}`}
                {peer?.article && ` · ${titles.get(peer.article) ?? peer.article}`}
              </span>
              {admin?.codes?.removed.includes(id) ? (
                <span className="muted"> · {t('session.removed')}</span>
              ) : (
                admin?.codes &&
                entry.role !== 'teacher' && (
                  <button type="button" onClick={() => void admin.remove(id)}>
                    {t('session.remove', { name: entry.name })}
                  </button>
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Blind annotation: the teacher switches it; everyone is told whether it is on. */
function BlindSetting({ corpusDoc, teacher }: { corpusDoc: Y.Doc; teacher: boolean }) {
  const { t } = useTranslation();
  const blind = useDocValue(corpusDoc, isBlind) ?? false;
  if (!teacher) return <p className="blind-note">{t(blind ? 'session.blindOn' : 'session.blindOff')}</p>;
  return (
    <label className="blind-toggle">
      <input type="checkbox" checked={blind} onChange={(e) => setBlind(corpusDoc, e.target.checked)} />
      <span>
        <strong>{t('session.blindLabel')}</strong> {t('session.blindHelp')}
      </span>
    </label>
  );
}

export function ClassPanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { doc } = useDoc(corpusDocName(session.corpus));
  const admin = useClassAdmin(session);
  const teacher = session.role === 'teacher';
  return (
    <main className="class-panel">
      <h1>{session.title || t('session.classFallback')}</h1>
      {/* the report is reached from here, not the top bar: the bar keeps to one row at 1,280 px */}
      <p className="class-panel-links">
        {teacher && (
          <a href="#/dashboard" className="button-link">
            {t('dashboard.open')}
          </a>
        )}
        <a href="#/report" className="button-link">
          {t('report.open')}
        </a>
      </p>
      {teacher && <Invite session={session} admin={admin} />}
      {teacher && doc && <ClassArticles corpus={session.corpus} corpusDoc={doc} />}
      {doc && <BlindSetting corpusDoc={doc} teacher={teacher} />}
      {doc && teacher && <ProjectorSettings corpusDoc={doc} />}
      {doc && teacher && <AssignmentEditor corpusDoc={doc} />}
      {doc && teacher && <TeamEditor corpusDoc={doc} />}
      {doc && <Roster corpusDoc={doc} admin={teacher ? admin : null} me={session.user} />}
      <p>
        <button type="button" onClick={leaveSession}>
          {t('session.leave')}
        </button>
      </p>
    </main>
  );
}
