/**
 * One thread of private feedback (on a mark, on one article's work, or on the work as a
 * whole): its entries in time order, each saying who wrote it in words (you, your teacher,
 * the student) beside the member badge, and a form to answer or write more. Ctrl+Enter (or
 * the button) sends; an empty text is not sent.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FEEDBACK_LENGTH, type FeedbackEntry } from '../../../shared/model/feedback';
import { formatTime } from '../format-time';
import { MemberBadge } from '../MemberBadge';

interface Props {
  id: string;
  title: ReactNode;
  entries: FeedbackEntry[];
  student: string;
  me: string;
  /** label of the text box: "Answer your teacher", "Feedback to Ana"… */
  composer: string;
  autoFocus?: boolean;
  onSend: (text: string) => void;
}

export function FeedbackThread({ id, title, entries, student, me, composer, autoFocus, onSend }: Props) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const send = () => {
    if (!text.trim()) return;
    onSend(text);
    setText('');
  };
  const who = (e: FeedbackEntry) => (e.author.id === me ? t('feedback.you') : e.author.id === student ? e.author.name : t('feedback.teacher', { name: e.author.name }));
  return (
    <section className="feedback-thread" aria-labelledby={`${id}-title`} data-thread={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {entries.length > 0 && (
        <ol className="feedback-entries">
          {entries.map((e) => (
            <li key={e.id} className={e.author.id === student ? 'feedback-entry from-student' : 'feedback-entry from-teacher'}>
              <p className="feedback-who">
                <MemberBadge name={e.author.name} color={e.author.color} /> <strong>{who(e)}</strong> · <time dateTime={e.created}>{formatTime(e.created, i18n.language)}</time>
              </p>
              <p className="feedback-text">{e.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form
        className="feedback-form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <label htmlFor={`${id}-text`}>{composer}</label>
        <textarea
          id={`${id}-text`}
          value={text}
          maxLength={MAX_FEEDBACK_LENGTH}
          rows={3}
          autoFocus={autoFocus}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              send();
            }
          }}
        />
        <button type="submit" disabled={!text.trim()}>
          {t('feedback.send')}
        </button>
      </form>
    </section>
  );
}
