/**
 * The versions of an article as links, oldest first, the newest and the one shown said in words
 * (not only by style), and a link to what changed in the version shown (or the newest).
 */
import { useTranslation } from 'react-i18next';
import type { Article } from '../../shared/model/corpus';
import { versionNumber } from '../../shared/versions/version-plan';
import { routeHash } from '../store/route';
import './versions.css';

interface Props {
  versions: readonly Article[];
  /** the version shown, if any */
  current?: string;
}

export function VersionLinks({ versions, current }: Props) {
  const { t } = useTranslation();
  if (versions.length < 2) return null;
  const newest = versions.at(-1)!;
  const diffOf = current && current !== versions[0]!.id ? current : newest.id;
  return (
    <nav className="version-links" aria-label={t('versions.versions')}>
      <span>{t('versions.listLabel')}</span>
      <ul>
        {versions.map((v) => {
          const notes = [v === newest && t('versions.newest'), v.id === current && t('versions.current')].filter(Boolean).join(', ');
          return (
            <li key={v.id}>
              <a href={routeHash({ view: 'article', id: v.id })} aria-current={v.id === current ? 'page' : undefined}>
                {t('versions.version', { version: versionNumber(v) })}
              </a>
              {notes && <span className="version-note"> ({notes})</span>}
            </li>
          );
        })}
      </ul>
      <a href={routeHash({ view: 'versions', id: diffOf })} className="button-link">
        <span aria-hidden="true">± </span>
        {t('versions.whatChanged')}
      </a>
    </nav>
  );
}
