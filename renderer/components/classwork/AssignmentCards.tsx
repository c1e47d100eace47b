/**
 * What a student sees of the class's assignments: on the library after joining, every assignment
 * (title, due time in their language and time format, kinds to use, instructions, articles); on
 * an article, a short banner of the assignments that include it, and — once the due time has
 * passed — that the article is read-only. A team member is told whose layer they mark in.
 */
import { useT } from '../../i18n/use-t';
import type * as Y from 'yjs';
import { dueFor, type Assignment } from '../../../shared/model/assignments';
import { listArticles, readTagset } from '../../../shared/model/corpus';
import { readTeams, teamOf } from '../../../shared/model/teams';
import { useAssignments } from '../../store/classwork';
import { useDocValue } from '../../store/use-doc';
import { formatDue } from './due-time';
import { Instructions } from './Instructions';
import './classwork.css';

interface Props {
  corpusDoc: Y.Doc | undefined;
  /** the article open, or null on the library */
  article: string | null;
  user: string;
  /** the article is read-only: the due time has passed */
  closed?: boolean;
}

function DueLine({ assignment, user }: { assignment: Assignment; user: string }) {
  const { t, language } = useT();
  const due = dueFor(assignment, user);
  if (due === null) return <p className="due">{t('classwork.noDue')}</p>;
  const key = due !== assignment.due ? 'classwork.dueExtended' : 'classwork.due';
  return <p className="due">{t(key, { date: formatDue(due, language) })}</p>;
}

export function AssignmentCards({ corpusDoc, article, user, closed = false }: Props) {
  const { t, language } = useT();
  const lang = language === 'fr' ? 'fr' : 'en';
  const assignments = useAssignments(corpusDoc, article);
  const titles = new Map((useDocValue(corpusDoc, listArticles) ?? []).map((a) => [a.id, a.title]));
  const tagset = useDocValue(corpusDoc, readTagset);
  const teams = useDocValue(corpusDoc, readTeams);
  const team = teams && teamOf(teams, user);
  const kindNames = (keys: string[]) => keys.map((k) => tagset?.kinds.find((kind) => kind.key === k)?.name[lang] ?? k).join(', ');
  if (assignments.length === 0 && !team && !closed) return null;
  // under the article's title (h1) a card is a section of its own; on the library, one of the list's
  const Heading = article ? 'h2' : 'h3';
  return (
    <section className={article ? 'assignment-banner' : 'assignment-list'} aria-label={t('classwork.assignments')}>
      {!article && assignments.length > 0 && <h2>{t('classwork.assignments')}</h2>}
      {closed && (
        <p className="closed-note" role="status">
          {t('classwork.closed')}
        </p>
      )}
      {team && <p className="team-note">{t('classwork.teamNote', { name: teams.get(team)!.name })}</p>}
      {assignments.map(([id, a]) => (
        <article key={id} className="assignment-card" aria-labelledby={`assignment-${id}`}>
          <Heading id={`assignment-${id}`}>{a.title}</Heading>
          <DueLine assignment={a} user={user} />
          <p className="muted">{a.kinds ? t('classwork.kindsSome', { kinds: kindNames(a.kinds) }) : t('classwork.kindsAll')}</p>
          {article ? (
            a.instructions.trim() && (
              <details>
                <summary>{t('classwork.instructions')}</summary>
                <Instructions text={a.instructions} />
              </details>
            )
          ) : (
            <Instructions text={a.instructions} />
          )}
          {!article && (
            <ul className="assignment-articles">
              {a.articles.map((aid) => (
                <li key={aid}>
                  <a href={`#/article/${aid}`}>{titles.get(aid) ?? aid}</a>
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}
