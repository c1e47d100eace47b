/**
 * The app shell: top bar (name, class session, user, language), the first-start question of who
 * is annotating, and the views, addressed by the URL hash so a reload returns to the same place.
 * In a class session the corpus is the class's and the user's id is the one the server issued.
 * `landing`: the page was served by a class server and is not in its class yet — it shows only
 * how to join (the join form asks the name), not a local library that would look like the class's.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Author } from '../../shared/model/record';
import { corpusDocName } from '../../shared/model/doc-names';
import { recordMember } from '../../shared/model/roster';
import { loadDoc } from '../store/doc-store';
import { setLanguage, LANGUAGES, type Language } from '../i18n/i18n';
import { announce } from '../store/presence';
import { LOCAL_CORPUS } from '../store/sample-corpus';
import { useRoute } from '../store/route';
import type { Session } from '../store/session';
import { loadUser } from '../store/user';
import { ArticleView } from './ArticleView';
import { CarryOver } from './CarryOver';
import { ClaimRegistry } from './claims/ClaimRegistry';
import { ClassPanel } from './ClassPanel';
import { ComparisonView } from './ComparisonView';
import { VersionDiffView } from './VersionDiffView';
import { MemberBadge } from './MemberBadge';
import { DisplaySettings } from './DisplaySettings';
import { FeedbackLink } from './feedback/FeedbackLink';
import { FeedbackView } from './feedback/FeedbackView';
import { HostClass } from './HostClass';
import { JoinClass } from './JoinClass';
import { ArgumentMap } from './ArgumentMap';
import { ProjectorView } from './projector/ProjectorView';
import { Library } from './Library';
import { AdjudicationView } from './adjudicate/AdjudicationView';
import { ResearchView } from './research/ResearchView';
import { SessionBar } from './SessionBar';
import { StorageAlert } from './StorageAlert';
import { UserDialog } from './UserDialog';
import { useTopbarHeight } from './use-topbar-height';

// the dashboard and its charting library load only when a teacher opens it
const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const ScoresView = lazy(() => import('./assessment/ScoresView').then((m) => ({ default: m.ScoresView })));
const ReportView = lazy(() => import('./report/ReportView'));

export function App({ session, landing = false }: { session: Session | null; landing?: boolean }) {
  const { t, i18n } = useTranslation();
  const [user, setUser] = useState<Author | null>(loadUser);
  const [editingUser, setEditingUser] = useState(false);
  const [route, go] = useRoute();
  const topbar = useRef<HTMLElement>(null);
  useTopbarHeight(topbar);
  const corpus = session?.corpus ?? LOCAL_CORPUS;
  const author = user && session ? { ...user, id: session.user } : user;
  const article = route.view === 'article' ? route.id : null;
  useEffect(() => {
    if (author) announce({ user: author, article, selection: null });
  }, [author?.id, author?.name, author?.color, article]);
  useEffect(() => {
    // students are put on the roster by the server when they join; the teacher puts themself
    if (session?.role !== 'teacher' || !author) return;
    void loadDoc(corpusDocName(session.corpus)).then((doc) => recordMember(doc, author.id, { name: author.name, color: author.color, role: 'teacher' }));
  }, [session, author?.id, author?.name, author?.color]);

  const view = () => {
    if (landing) return route.view === 'join' ? <JoinClass user={author} server={route.server} code={route.code} token={route.token} /> : <JoinClass user={author} />;
    if (!author) return null;
    switch (route.view) {
      case 'research':
        return <ResearchView corpus={corpus} me={author} />;
      case 'adjudicate':
        return <AdjudicationView key={route.id} corpus={corpus} articleId={route.id} me={author} canWrite={!session || session.role === 'teacher'} />;
      case 'article':
        return (
          <ArticleView key={route.id} corpus={corpus} articleId={route.id} user={author} canWrite={session?.role !== 'observer'} focus={route.focus} onBack={() => go({ view: 'library' })} />
        );
      case 'compare':
        return <ComparisonView key={route.id} corpus={corpus} articleId={route.id} me={author.id} />;
      case 'versions':
        return <VersionDiffView key={route.id} corpus={corpus} articleId={route.id} />;
      case 'map':
        return <ArgumentMap corpus={corpus} me={author.id} focus={route.focus} />;
      case 'claims':
        return <ClaimRegistry corpus={corpus} me={author.id} />;
      case 'join':
        return <JoinClass user={author} server={route.server} code={route.code} token={route.token} />;
      case 'class':
        if (session) return <ClassPanel session={session} />;
        break;
      case 'dashboard':
        if (session)
          return (
            <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
              <Dashboard session={session} />
            </Suspense>
          );
        break;
      case 'scores':
        if (session?.role === 'teacher')
          return (
            <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
              <ScoresView corpus={corpus} />
            </Suspense>
          );
        break;
      case 'report':
        if (session)
          return (
            <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
              <ReportView session={session} me={author.id} />
            </Suspense>
          );
        break;
      case 'host':
        return <HostClass />;
      case 'feedback':
        if (session)
          return (
            <FeedbackView
              key={`${route.student}/${route.article}/${route.focus}`}
              corpus={corpus}
              me={author}
              teacher={session.role === 'teacher'}
              student={route.student}
              focus={route.article ? { article: route.article, annotation: route.focus } : undefined}
            />
          );
        break;
    }
    return <Library corpus={corpus} canAdd={!session || session.role === 'teacher'} onOpen={(id) => go({ view: 'article', id })} member={session ? author.id : undefined} />;
  };

  // the classroom projector: large type, no controls (projector/ProjectorView.tsx)
  if (session?.role === 'observer' && author) {
    return (
      <div className="app">
        <StorageAlert />
        <ProjectorView session={session} route={route} />
      </div>
    );
  }

  return (
    <div className="app">
      <header className="topbar" ref={topbar}>
        <a href="#/" className="brand">
          {t('app.name')}
        </a>
        <div className="topbar-tools">
          {!landing && (
            <>
          <a href="#/map" className="button-link" aria-current={route.view === 'map' ? 'page' : undefined}>
            {t('map.open')}
          </a>
          <a href="#/claims" className="button-link" aria-current={route.view === 'claims' ? 'page' : undefined}>
            {t('claims.open')}
          </a>
          <a href="#/research" className="button-link" aria-current={route.view === 'research' || route.view === 'adjudicate' ? 'page' : undefined}>
            {t('research.open')}
          </a>
          {session?.role === 'student' && author && <FeedbackLink corpus={corpus} me={author} current={route.view === 'feedback'} />}
          <SessionBar session={session} />
            </>
          )}
          {user && !landing && (
            <button type="button" className="user-chip" onClick={() => setEditingUser(true)} title={t('user.edit')}>
              <MemberBadge name={user.name} color={user.color} />
              <span className="user-name">{user.name}</span>
              <span className="visually-hidden"> — {t('user.edit')}</span>
            </button>
          )}
          <DisplaySettings />
          <label className="language-switch">
            <span className="visually-hidden">{t('language.label')}</span>
            <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t('language.label')}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <StorageAlert />
      {view()}
      {session && user && author && session.role !== 'observer' && !editingUser && <CarryOver session={session} me={author} localUser={user.id} />}
      {((!user && !landing) || editingUser) && (
        <UserDialog
          user={user}
          onSaved={(u) => {
            setUser(u);
            setEditingUser(false);
          }}
          onCancel={user ? () => setEditingUser(false) : undefined}
        />
      )}
    </div>
  );
}
