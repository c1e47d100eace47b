/**
 * The teacher's live class dashboard (`#/dashboard`): a summary line, who wrote to the teacher
 * and is not read yet (use-student-messages.ts), each student's activity
 * (StudentsSection) and where the class's work concentrates in an article (HeatSection). It reads
 * every student's layers as they change (use-class-layers.ts), the presence of who is online and
 * where, and a clock that ticks so a student becomes "idle" without any new data. The idle limit
 * is the teacher's choice, kept on this computer. A team is one row (student-activity.ts). Loaded only when opened (Chart.js comes with it).
 */
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { routeHash } from '../../store/route';
import { z } from 'zod';
import { listArticles, readTagset } from '../../../shared/model/corpus';
import { readRoster } from '../../../shared/model/roster';
import { readTeams } from '../../../shared/model/teams';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { studentActivity, type StudentActivity } from '../../store/dashboard/student-activity';
import { useClassLayers } from '../../store/dashboard/use-class-layers';
import { useStudentMessages } from '../../store/dashboard/use-student-messages';
import { usePeers } from '../../store/presence';
import type { Session } from '../../store/session';
import { readStored } from '../../store/stored';
import { useDocValue } from '../../store/use-doc';
import { versionTitles } from '../../store/version-titles';
import { HeatSection } from './HeatSection';
import { StudentsSection } from './StudentsSection';

const IDLE_KEY = 'glose.dashboard.idleMinutes';
const idleSchema = z.number().int().min(1).max(120);
const TICK_MS = 15_000;

/** The current time, renewed every TICK_MS. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** How many students the rows stand for (a team's row, its members). */
const people = (rows: readonly StudentActivity[]) => rows.reduce((n, s) => n + (s.members?.length ?? 1), 0);

export default function Dashboard({ session }: { session: Session }) {
  const { t } = useT();
  const { corpusDoc, layers } = useClassLayers(session.corpus);
  const roster = useDocValue(corpusDoc, readRoster);
  const teams = useDocValue(corpusDoc, readTeams);
  const articles = useDocValue(corpusDoc, listArticles) ?? [];
  const tagset = useDocValue(corpusDoc, readTagset) ?? DEFAULT_TAGSET;
  const peers = usePeers();
  const now = useNow();
  const [idleMinutes, setIdleMinutes] = useState(() => readStored(IDLE_KEY, idleSchema) ?? 5);
  const present = useMemo(() => new Map(peers.map((p) => [p.user.id, p.article])), [peers]);
  const students = useMemo(
    () => (roster && layers ? studentActivity({ roster, layers, present, now, idleMs: idleMinutes * 60_000, teams }) : []),
    [roster, layers, present, now, idleMinutes, teams],
  );
  const titles = useMemo(() => versionTitles(articles, t), [articles, t]);
  const studentIds = useMemo(() => [...(roster ?? [])].filter(([, e]) => e.role === 'student').map(([id]) => id).sort(), [roster]);
  const messages = useStudentMessages(session.corpus, session.user, session.role === 'teacher' ? studentIds : []);
  // the article most students have open comes first in the heat map
  const open = new Map<string, number>();
  for (const s of students) if (s.article) open.set(s.article, (open.get(s.article) ?? 0) + 1);
  const busiest = [...open].sort((a, b) => b[1] - a[1])[0]?.[0];

  const changeIdle = (value: number) => {
    if (!idleSchema.safeParse(value).success) return;
    setIdleMinutes(value);
    localStorage.setItem(IDLE_KEY, JSON.stringify(value));
  };
  if (session.role !== 'teacher') return <main className="dashboard"><p>{t('dashboard.teacherOnly')}</p></main>;
  if (!layers) return <p className="loading">{t('app.loading')}</p>;
  return (
    <main className="dashboard">
      <h1>{t('dashboard.title', { title: session.title || t('session.classFallback') })}</h1>
      <a href={routeHash({ view: 'scores' })} className="button-link">
        {t('assessment.openScores')}
      </a>
      <p className="dashboard-summary" role="status">
        {t('dashboard.summary', { count: people(students), online: [...(roster ?? [])].filter(([id, e]) => e.role === 'student' && present.has(id)).length, idle: people(students.filter((s) => s.idle)), minutes: idleMinutes })}
      </p>
      {messages.size > 0 && (
        <p className="dashboard-messages" role="status">
          <span aria-hidden="true">✉ </span>
          {t('dashboard.messagesFrom', { count: messages.size })}{' '}
          {[...messages].map(([id, count], i) => (
            <span key={id}>
              {i > 0 && ', '}
              <a href={routeHash({ view: 'feedback', student: id })}>{t('dashboard.messagesOf', { name: roster?.get(id)?.name ?? id, count })}</a>
            </span>
          ))}
        </p>
      )}
      <label className="dashboard-field">
        {t('dashboard.idleLabel')}{' '}
        <input type="number" min={1} max={120} value={idleMinutes} onChange={(e) => changeIdle(Number(e.target.value))} />
      </label>
      {students.length === 0 ? (
        <p>{t('dashboard.noStudents')}</p>
      ) : (
        <StudentsSection students={students} tagset={tagset} titles={titles} now={now} idleMinutes={idleMinutes} messages={messages} />
      )}
      <HeatSection corpus={session.corpus} articles={articles} layers={layers} initial={busiest} />
    </main>
  );
}
