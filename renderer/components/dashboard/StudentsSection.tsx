/**
 * The dashboard's students: a chart of each student's marks by kind (Chart.js) and, with the
 * same figures and more, a table: where each is now, marks by kind, replies, votes, links, last
 * activity, and a flag — in words and with a sign, not only a colour — on those with no activity
 * for the teacher's limit, or none at all yet ("not started": not "idle for 5 min" a student who
 * joined a minute ago). Each student's row leads to the private feedback on their work, with
 * how many messages from them the teacher has not read; a team's row names its members and leads
 * to each one's.
 */
import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import type { Tagset } from '../../../shared/model/tagset';
import type { StudentActivity } from '../../store/dashboard/student-activity';
import { routeHash } from '../../store/route';
import { UnreadBadge } from '../feedback/UnreadBadge';
import { BarChart } from './BarChart';
import { studentSeries } from './chart-series';

interface Props {
  students: StudentActivity[];
  tagset: Tagset;
  titles: ReadonlyMap<string, string>;
  now: number;
  idleMinutes: number;
  /** messages each student wrote that this teacher has not read, by student id */
  messages: ReadonlyMap<string, number>;
}

export function StudentsSection({ students, tagset, titles, now, idleMinutes, messages }: Props) {
  const { t, language } = useT();
  const lang = language === 'fr' ? 'fr' : 'en';
  const { labels, series } = useMemo(() => studentSeries(students, tagset, lang), [students, tagset, lang]);
  const ago = (at: number | null) => {
    if (at === null) return t('dashboard.never');
    const minutes = Math.floor((now - at) / 60_000);
    return minutes < 1 ? t('dashboard.justNow') : t('dashboard.minutesAgo', { count: minutes });
  };
  return (
    <section aria-labelledby="dashboard-students">
      <h2 id="dashboard-students">{t('dashboard.students')}</h2>
      <BarChart labels={labels} series={series} horizontal summary={t('dashboard.studentsChart')} describedBy="dashboard-students-table" />
      <div className="table-scroll">
        <table id="dashboard-students-table" className="data-table dashboard-table">
          <caption className="visually-hidden">{t('dashboard.studentsChart')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.name')}</th>
              <th scope="col">{t('dashboard.where')}</th>
              {tagset.kinds.map((k) => (
                <th scope="col" key={k.key}>
                  {k.name[lang]}
                </th>
              ))}
              <th scope="col">{t('dashboard.total')}</th>
              <th scope="col">{t('dashboard.replies')}</th>
              <th scope="col">{t('dashboard.votes')}</th>
              <th scope="col">{t('dashboard.links')}</th>
              <th scope="col">{t('dashboard.last')}</th>
            </tr>
          </thead>
          <tbody>
            {students.map((s) => (
              <tr key={s.id} className={s.idle ? 'idle' : undefined}>
                <th scope="row">
                  <span className="color-dot" style={{ backgroundColor: s.color }} aria-hidden="true" /> {s.members ? t('teamWork.teamName', { name: s.name }) : s.name}
                  {s.members && <span className="team-members">{t('teamWork.members', { names: s.members.map((m) => m.name).join(', ') })}</span>}
                  {(s.members ?? [s]).map((m) => (
                    <a key={m.id} className="row-feedback" href={routeHash({ view: 'feedback', student: m.id })}>
                      {t('feedback.onWork')}
                      <span className={s.members ? undefined : 'visually-hidden'}> — {m.name}</span>
                      <UnreadBadge count={messages.get(m.id) ?? 0} label={t('feedback.unreadFrom', { count: messages.get(m.id) ?? 0, name: m.name })} />
                    </a>
                  ))}
                </th>
                <td>
                  <span className={s.online ? 'online' : 'muted'}>{s.online ? `● ${t('dashboard.online')}` : `○ ${t('dashboard.offline')}`}</span>
                  {s.online && <span className="open-article">{s.article ? (titles.get(s.article) ?? s.article) : t('dashboard.noArticle')}</span>}
                </td>
                {tagset.kinds.map((k) => (
                  <td key={k.key} className="number">
                    {s.marks[k.key] ?? 0}
                  </td>
                ))}
                <td className="number">{s.totalMarks}</td>
                <td className="number">{s.replies}</td>
                <td className="number">{s.votes}</td>
                <td className="number">{s.links}</td>
                <td>
                  {ago(s.lastActivity)}
                  {s.idle && <strong className="idle-flag"> ⚠ {s.lastActivity === null ? t('dashboard.notStarted') : t('dashboard.idle', { minutes: idleMinutes })}</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
