/**
 * Under a student's own mark in the sidebar: "Feedback from your teacher", the teacher's latest
 * entry in the thread on that mark, and a link to read it all and answer on the feedback page.
 */
import { useT } from '../../i18n/use-t';
import type { MarkThread } from '../../store/use-feedback';
import './feedback.css';

export function MarkFeedback({ thread }: { thread: MarkThread }) {
  const { t } = useT();
  return (
    <div className="mark-feedback" role="group" aria-label={t('feedback.titleFrom')}>
      <p className="mark-feedback-title">
        <span aria-hidden="true">✎ </span>
        <strong>{t('feedback.titleFrom')}</strong> <span className="count">{t('feedback.entries', { count: thread.entries.length })}</span>
      </p>
      <p className="feedback-text">{thread.latest.text}</p>
      <a href={thread.href}>{t('feedback.readAnswer')}</a>
    </div>
  );
}
