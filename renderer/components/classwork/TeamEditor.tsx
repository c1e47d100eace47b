/**
 * The teacher's teams, in the class panel: add a team by name, put each student in a team (one
 * select per student, so it works from the keyboard), delete a team. A team shares one layer per
 * article (its members mark together); the server lets only its members write it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readRoster } from '../../../shared/model/roster';
import { deleteTeam, moveToTeam, readTeams, teamOf, writeTeam } from '../../../shared/model/teams';
import { newId } from '../../../shared/model/record';
import { useDocValue } from '../../store/use-doc';
import './classwork.css';
import { MemberBadge } from '../MemberBadge';

export function TeamEditor({ corpusDoc }: { corpusDoc: Y.Doc }) {
  const { t } = useTranslation();
  const roster = useDocValue(corpusDoc, readRoster) ?? new Map();
  const teams = useDocValue(corpusDoc, readTeams) ?? new Map();
  const students = [...roster].filter(([, e]) => e.role === 'student');
  const [name, setName] = useState('');
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    writeTeam(corpusDoc, newId(), { name: name.trim(), members: [] });
    setName('');
  };
  return (
    <section className="team-editor" aria-labelledby="teams-title">
      <h2 id="teams-title">{t('classwork.teams')}</h2>
      <p className="muted">{t('classwork.teamsHelp')}</p>
      <form onSubmit={add} className="team-form">
        <label>
          {t('classwork.teamName')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
        </label>
        <button type="submit">{t('classwork.addTeam')}</button>
      </form>
      <ul className="team-list">
        {[...teams].map(([id, team]) => (
          <li key={id}>
            <strong>{team.name}</strong> <span className="muted">{t('classwork.members', { count: team.members.length })}</span>{' '}
            <button type="button" onClick={() => deleteTeam(corpusDoc, id)}>
              {t('classwork.deleteTeam', { name: team.name })}
            </button>
          </li>
        ))}
      </ul>
      {teams.size > 0 && (
        <ul className="team-members">
          {students.map(([user, entry]) => (
            <li key={user}>
              <label>
                <MemberBadge name={entry.name} color={entry.color} /> {t('classwork.teamOf', { name: entry.name })}
                <select value={teamOf(teams, user) ?? ''} onChange={(e) => moveToTeam(corpusDoc, user, e.target.value || null)}>
                  <option value="">{t('classwork.noTeam')}</option>
                  {[...teams].map(([id, team]) => (
                    <option key={id} value={id}>
                      {team.name}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
