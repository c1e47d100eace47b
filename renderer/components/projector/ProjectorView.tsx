/**
 * The classroom projector (a page joined with the observer code): read from the back of the
 * room, so large type, no instructions and no controls. It says whether annotation is blind
 * (then the server sends it no student's work: it shows the text alone) and, when the teacher
 * turned "follow me" on, shows the teacher's article at the teacher's place. Otherwise it shows
 * the article in the address, or the list of articles. Students' names appear only when the
 * teacher chose to show them (the server strips them from presence otherwise).
 */
import { useTranslation } from 'react-i18next';
import { listArticles } from '../../../shared/model/corpus';
import { isBlind, readSetting } from '../../../shared/model/class-settings';
import { corpusDocName } from '../../../shared/model/doc-names';
import { usePeers } from '../../store/presence';
import { routeHash, type Route } from '../../store/route';
import type { Session } from '../../store/session';
import { useDoc, useDocValue } from '../../store/use-doc';
import { ProjectorArticle } from './ProjectorArticle';

export function ProjectorView({ session, route }: { session: Session; route: Route }) {
  const { t } = useTranslation();
  const { doc } = useDoc(corpusDocName(session.corpus));
  const blind = useDocValue(doc, isBlind) ?? false;
  const follow = useDocValue(doc, (d) => readSetting(d, 'follow')) ?? false;
  const names = useDocValue(doc, (d) => readSetting(d, 'projectorNames')) ?? false;
  const articles = useDocValue(doc, listArticles) ?? [];
  const peers = usePeers();
  const teacher = peers.find((p) => p.role === 'teacher');
  const followed = follow ? teacher?.article : undefined;
  const shown = followed ?? (route.view === 'article' ? route.id : undefined);
  const students = peers.filter((p) => p.role === 'student' && p.user.name).map((p) => p.user.name!);
  return (
    <main className="projector">
      <header className="projector-head">
        <h1>{session.title || t('session.classFallback')}</h1>
        <p className="projector-status">
          {follow && <span className="projector-badge">➜ {t('projector.followBadge')}</span>}
          {!blind && <span>{t('projector.peopleHere', { count: peers.length })}</span>}
          {names && !blind && students.length > 0 && <span className="projector-names">{students.sort().join(', ')}</span>}
        </p>
        {blind && <p className="projector-blind">{t('projector.blind')}</p>}
      </header>
      {shown ? (
        <ProjectorArticle key={shown} corpus={session.corpus} articleId={shown} me={session.user} place={followed ? teacher?.scroll : undefined} blind={blind} />
      ) : follow ? (
        <p className="projector-waiting">{t('projector.waiting')}</p>
      ) : (
        <nav aria-label={t('projector.articles')}>
          <ul className="projector-list">
            {articles.map((a) => (
              <li key={a.id}>
                <a href={routeHash({ view: 'article', id: a.id })} lang={a.language}>
                  {a.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </main>
  );
}
