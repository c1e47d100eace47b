/**
 * The progress of a long research task: a progress bar (role=progressbar with its value, and the
 * count in words), a Cancel button that takes the focus while it runs, and how it ended.
 */
import { useTranslation } from 'react-i18next';
import type { Task } from '../../store/research/use-task';

export function TaskProgress({ task, label, cancelledText }: { task: Task; label: string; cancelledText?: string }) {
  const { t } = useTranslation();
  const { state } = task;
  if (state.phase === 'running') {
    const total = state.total ?? 0;
    const percent = total > 0 ? Math.round((100 * state.done) / total) : 0;
    return (
      <div className="task-progress">
        <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={state.done} aria-valuetext={t('research.progress.count', { done: state.done, total })} className="progress-track">
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <span className="progress-count">{t('research.progress.count', { done: state.done, total })}</span>
        <button type="button" onClick={task.cancel} autoFocus>
          {t('research.progress.cancel')}
        </button>
      </div>
    );
  }
  if (state.phase === 'cancelled') return <p role="status">{cancelledText ?? t('research.progress.cancelled')}</p>;
  if (state.phase === 'failed') return <p role="alert" className="error">{t('research.progress.failed', { message: state.message })}</p>;
  return null;
}
