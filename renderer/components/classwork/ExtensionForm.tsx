/**
 * The extensions of one assignment, in the teacher's class panel: who has a later due time (with
 * a button to take it back) and a small form to give a student one. The server honours a change
 * at once (it reads the assignment from the corpus document at every write).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { extendFor, type Assignment } from '../../../shared/model/assignments';
import { readRoster } from '../../../shared/model/roster';
import { useDocValue } from '../../store/use-doc';
import { formatDue, fromLocalInput, toLocalInput } from './due-time';

export function ExtensionForm({ corpusDoc, id, assignment }: { corpusDoc: Y.Doc; id: string; assignment: Assignment }) {
  const { t, i18n } = useTranslation();
  const roster = useDocValue(corpusDoc, readRoster) ?? new Map();
  const students = [...roster].filter(([, e]) => e.role === 'student');
  const [student, setStudent] = useState('');
  const [until, setUntil] = useState(() => toLocalInput((assignment.due ?? Date.now()) + 24 * 3600_000));
  const name = (user: string) => roster.get(user)?.name ?? user;
  const extend = (e: React.FormEvent) => {
    e.preventDefault();
    const ms = fromLocalInput(until);
    if (student && ms !== null) extendFor(corpusDoc, id, student, ms);
  };
  return (
    <div className="extensions">
      <ul>
        {Object.entries(assignment.extensions).map(([user, ms]) => (
          <li key={user}>
            {t('classwork.extension', { name: name(user), date: formatDue(ms, i18n.language) })}{' '}
            <button type="button" onClick={() => extendFor(corpusDoc, id, user, null)}>
              {t('classwork.unextend', { name: name(user) })}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={extend} className="extension-form" aria-label={t('classwork.extendFor', { title: assignment.title })}>
        <label>
          {t('classwork.student')}
          <select value={student} onChange={(e) => setStudent(e.target.value)}>
            <option value="">—</option>
            {students.map(([user, entry]) => (
              <option key={user} value={user}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('classwork.until')}
          <input type="datetime-local" step={1} value={until} onChange={(e) => setUntil(e.target.value)} />
        </label>
        <button type="submit" disabled={!student}>
          {t('classwork.extend')}
        </button>
      </form>
    </div>
  );
}
