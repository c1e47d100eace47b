/**
 * The teacher's assignments, in the class panel: the class's assignments (each with its due
 * time, its extensions and a button to delete it) and a form for a new one — a title, the
 * articles (checkboxes; an article with versions once, as its newest version, titled
 * "… (v2 of 2)"), instructions (plain text with light formatting, shown as students will see
 * it), the kinds (the class tagset, or some of its kinds) and an optional due time.
 * Everything is a form control: it works from the keyboard.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { deleteAssignment, writeAssignment } from '../../../shared/model/assignments';
import { listArticles, readTagset } from '../../../shared/model/corpus';
import { newId } from '../../../shared/model/record';
import { useAssignments } from '../../store/classwork';
import { useDocValue } from '../../store/use-doc';
import { newestFirst, versionTitles } from '../../store/version-titles';
import './classwork.css';
import { formatDue, fromLocalInput } from './due-time';
import { ExtensionForm } from './ExtensionForm';
import { Instructions } from './Instructions';

function toggled(list: string[], value: string, on: boolean): string[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

function NewAssignment({ corpusDoc }: { corpusDoc: Y.Doc }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const articles = useDocValue(corpusDoc, listArticles) ?? [];
  const offered = newestFirst(articles).newest;
  const titles = versionTitles(articles, t);
  const tagset = useDocValue(corpusDoc, readTagset);
  const [title, setTitle] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [instructions, setInstructions] = useState('');
  const [someKinds, setSomeKinds] = useState(false);
  const [kinds, setKinds] = useState<string[]>([]);
  const [due, setDue] = useState('');
  const [message, setMessage] = useState('');
  const create = (e: React.FormEvent) => {
    e.preventDefault();
    const dueMs = fromLocalInput(due);
    if (!title.trim() || picked.length === 0 || (someKinds && kinds.length === 0) || (due && dueMs === null)) return setMessage(t('classwork.incomplete'));
    const order = offered.map((a) => a.id).filter((id) => picked.includes(id));
    writeAssignment(corpusDoc, newId(), { title: title.trim(), articles: order, instructions, kinds: someKinds ? kinds : null, due: dueMs, extensions: {}, created: Date.now() });
    setTitle('');
    setPicked([]);
    setInstructions('');
    setDue('');
    setMessage(t('classwork.created', { title: title.trim() }));
  };
  return (
    <form className="assignment-form" onSubmit={create} aria-labelledby="new-assignment-title">
      <h3 id="new-assignment-title">{t('classwork.new')}</h3>
      <label>
        {t('classwork.title')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </label>
      <fieldset>
        <legend>{t('classwork.articles')}</legend>
        {offered.map((a) => (
          <label key={a.id} className="check">
            <input type="checkbox" checked={picked.includes(a.id)} onChange={(e) => setPicked(toggled(picked, a.id, e.target.checked))} />
            <span lang={a.language}>{titles.get(a.id)}</span>
          </label>
        ))}
      </fieldset>
      <label>
        {t('classwork.instructions')}
        <textarea value={instructions} onChange={(e) => setInstructions(e.target.value)} rows={5} maxLength={5000} aria-describedby="instructions-help" />
      </label>
      <p id="instructions-help" className="muted">{t('classwork.instructionsHelp')}</p>
      {instructions.trim() && (
        <div className="instructions-preview" aria-label={t('classwork.preview')}>
          <Instructions text={instructions} />
        </div>
      )}
      <fieldset>
        <legend>{t('classwork.kinds')}</legend>
        <label className="check">
          <input type="radio" name="kinds" checked={!someKinds} onChange={() => setSomeKinds(false)} /> {t('classwork.kindsAll')}
        </label>
        <label className="check">
          <input type="radio" name="kinds" checked={someKinds} onChange={() => setSomeKinds(true)} /> {t('classwork.kindsChoose')}
        </label>
        {someKinds &&
          tagset?.kinds.map((k) => (
            <label key={k.key} className="check nested">
              <input type="checkbox" checked={kinds.includes(k.key)} onChange={(e) => setKinds(toggled(kinds, k.key, e.target.checked))} /> {k.name[lang]}
            </label>
          ))}
      </fieldset>
      <label>
        {t('classwork.dueLabel')}
        <input type="datetime-local" step={1} value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <p>
        <button type="submit">{t('classwork.create')}</button>
      </p>
      <p role="status" className="notice">{message}</p>
    </form>
  );
}

export function AssignmentEditor({ corpusDoc }: { corpusDoc: Y.Doc }) {
  const { t, i18n } = useTranslation();
  const assignments = useAssignments(corpusDoc, null);
  const titles = versionTitles(useDocValue(corpusDoc, listArticles) ?? [], t);
  return (
    <section className="assignment-editor" aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t('classwork.assignments')}</h2>
      {assignments.length === 0 && <p className="muted">{t('classwork.none')}</p>}
      <ul className="assignment-items">
        {assignments.map(([id, a]) => (
          <li key={id} className="assignment-card">
            <h3>{a.title}</h3>
            <p>{a.due === null ? t('classwork.noDue') : t('classwork.due', { date: formatDue(a.due, i18n.language) })}</p>
            <p className="muted">{a.articles.map((aid) => titles.get(aid) ?? aid).join(' · ')}</p>
            {a.due !== null && <ExtensionForm corpusDoc={corpusDoc} id={id} assignment={a} />}
            <button type="button" onClick={() => deleteAssignment(corpusDoc, id)}>
              {t('classwork.delete', { title: a.title })}
            </button>
          </li>
        ))}
      </ul>
      <NewAssignment corpusDoc={corpusDoc} />
    </section>
  );
}
