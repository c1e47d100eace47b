/**
 * The class session in the top bar: which class, in which role, whether the connection is up
 * (said in words and with a symbol, not only a colour), how many changes wait to be sent, whether
 * annotation is blind, and why the server refused something. Outside a session, a button to join one.
 * Leaving the class is in the class panel, so the bar stays on one line at 1,280 px in French too.
 */
import { useTranslation } from 'react-i18next';
import type { Session } from '../store/session';
import { routeHash } from '../store/route';
import { useSyncStatus } from '../store/sync';
import { useDoc, useDocValue } from '../store/use-doc';
import { corpusDocName } from '../../shared/model/doc-names';
import { isBlind } from '../../shared/model/class-settings';

const SYMBOLS = { connected: '●', connecting: '◌', offline: '○', locked: '○' } as const;

export function SessionBar({ session }: { session: Session | null }) {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const { doc } = useDoc(session ? corpusDocName(session.corpus) : null);
  const blind = useDocValue(doc, isBlind) ?? false;
  if (!session || !status) {
    return (
      <a className="button-link" href="#/join">
        {t('session.joinButton')}
      </a>
    );
  }
  // the socket may be up while the server refuses this pass: then nothing syncs, and saying
  // "Connected" would tell the student their work reaches the class when it does not
  const state = status.refused?.code.startsWith('token-') ? 'locked' : status.state;
  return (
    <div className="session-bar">
      <a href="#/class" className="session-title" title={`${session.title || t('session.classFallback')} — ${t('session.panel')}`}>
        {/* a long class name is shortened; the role after it never is */}
        <span className="session-class">{session.title || t('session.classFallback')}</span>
        <span className="session-role">{`\u00a0· ${t(`session.roles.${session.role}`)}`}</span>
      </a>
      {blind && <span className="blind-badge">{t('session.blindBadge')}</span>}
      <span className={`sync-state sync-${state}`} role="status" aria-live="polite">
        <span aria-hidden="true">{SYMBOLS[state]}</span> {t(`session.state.${state}`)}
        {status.pending > 0 && (
          // short in the bar (it stays on one line), said in full to screen readers and on hover
          <span title={t('session.pending', { count: status.pending })}>
            <span aria-hidden="true"> · {t('join.pendingShort', { count: status.pending })}</span>
            <span className="visually-hidden"> · {t('session.pending', { count: status.pending })}</span>
          </span>
        )}
      </span>
      {status.refused && (
        <span className="sync-refused" role="alert">
          {t(`session.reasons.${status.refused.code}`, { defaultValue: t('session.reasons.unknown', { code: status.refused.code }) })}
          {status.refused.code.startsWith('token-') && (
            // joining again with the code keeps this person's identity and work (the old token goes along)
            <>
              {' '}
              <a href={routeHash({ view: 'join', server: session.server })}>{t('session.joinAgain')}</a>
            </>
          )}
        </span>
      )}
    </div>
  );
}
