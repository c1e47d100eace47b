/**
 * The class panel: for the teacher, how students join (the code in large type, the link and
 * its QR code, and the projector's code) and the blind-annotation switch; for everyone, whether
 * annotation is blind, and the roster: who is in the class, who is online, which article each has open.
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
import type { Session } from '../store/session';
import { useDoc, useDocValue } from '../store/use-doc';

interface Codes {
  studentCode: string;
  observerCode: string;
  /** the server's addresses on the classroom network */
  addresses: string[];
}

const shown = (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`;

function Invite({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [codes, setCodes] = useState<Codes | null>(null);
  const [qr, setQr] = useState('');
  const address = codes?.addresses[0] ?? session.server;
  const link = codes ? `${address}/#/join?code=${codes.studentCode}` : '';
  useEffect(() => {
    void fetch(`${session.server}/api/session`, { headers: { authorization: `Bearer ${session.token}` } })
      .then((r) => r.json() as Promise<Partial<Codes>>)
      .then((body) => body.studentCode && body.observerCode && setCodes({ studentCode: body.studentCode, observerCode: body.observerCode, addresses: body.addresses ?? [] }))
      .catch(() => setCodes(null));
  }, [session]);
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
      <p>{t('session.observerHow', { code: shown(codes.observerCode) })}</p>
    </section>
  );
}

function Roster({ corpusDoc }: { corpusDoc: Y.Doc }) {
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
          return (
            <li key={id}>
              <span className="color-dot" style={{ backgroundColor: entry.color }} aria-hidden="true" />
              <strong>{entry.name}</strong> <span className="muted">{t(`session.roles.${entry.role}`)}</span>{' '}
              <span className={peer ? 'online' : 'muted'}>
                {peer ? `● ${t('session.online')}` : `○ ${t('session.away')}`}
                {peer?.article && ` · ${titles.get(peer.article) ?? peer.article}`}
              </span>
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
  return (
    <main className="class-panel">
      <h1>{session.title || t('session.classFallback')}</h1>
      {session.role === 'teacher' && <Invite session={session} />}
      {doc && <BlindSetting corpusDoc={doc} teacher={session.role === 'teacher'} />}
      {doc && <Roster corpusDoc={doc} />}
    </main>
  );
}
