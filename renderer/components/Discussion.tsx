/**
 * The discussion under one annotation: agree / disagree votes with their counts (one vote per
 * person; pressing one's vote again withdraws it), the open / resolved status (changed by the
 * annotation's owner or the teacher), and the thread of replies with a reply form. Replies are
 * rendered as text with basic formatting (RichText), never as HTML.
 */
import { useState } from 'react';
import { useT } from '../i18n/use-t';
import type { Status, Thread } from '../../shared/model/discussion';
import type { DiscussionActions } from '../store/use-discussion';
import { MemberBadge } from './MemberBadge';
import { RichText } from './RichText';

interface Props {
  about: string;
  thread: Thread | undefined;
  status: Status;
  /** the user may set the status: the annotation is theirs, or they are the teacher */
  canDecide: boolean;
  /** false for observers */
  canWrite: boolean;
  me: string;
  actions: DiscussionActions;
}

/**
 * The threads the user has opened, by annotation id: an open thread stays open when its item is
 * drawn anew (the sidebar rebuilt as the user's layer switches to its document, an item moved
 * between the placed and the orphan lists) and when the user comes back to the article.
 */
const openThreads = new Set<string>();

export function Discussion({ about, thread, status, canDecide, canWrite, me, actions }: Props) {
  const { t } = useT();
  const [open, setOpenHere] = useState(() => openThreads.has(about));
  const setOpen = (next: boolean) => {
    if (next) openThreads.add(about);
    else openThreads.delete(about);
    setOpenHere(next);
  };
  const [draft, setDraft] = useState('');
  const replies = thread?.replies ?? [];
  const send = () => {
    if (!draft.trim()) return;
    actions.reply(about, draft.trim());
    setDraft('');
  };
  const voteButton = (value: 'agree' | 'disagree') => (
    <button type="button" className={`vote vote-${value}`} aria-pressed={thread?.mine === value} disabled={!canWrite} onClick={() => actions.vote(about, thread?.mine === value ? null : value)}>
      <span aria-hidden="true">{value === 'agree' ? '▲' : '▼'}</span> {t(`thread.${value}`)} <span className="vote-count">{thread?.[value] ?? 0}</span>
    </button>
  );
  return (
    <div className="discussion">
      <div className="discussion-bar" role="group" aria-label={t('thread.votes')}>
        {voteButton('agree')}
        {voteButton('disagree')}
        <span className={`status status-${status}`}>
          <span aria-hidden="true">{status === 'open' ? '○' : '✓'}</span> <span className="status-label">{t(`thread.status.${status}`)}</span>
        </span>
        {canDecide && canWrite && (
          <button type="button" onClick={() => actions.setStatus(about, status === 'open' ? 'resolved' : 'open')}>
            {t(status === 'open' ? 'thread.resolve' : 'thread.reopen')}
          </button>
        )}
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('thread.replies', { count: replies.length })}
        </button>
      </div>
      {open && (
        <section className="thread" aria-label={t('thread.title')}>
          <ol className="replies">
            {replies.map((r) => (
              <li key={`${r.owner}/${r.id}`} className="reply">
                <span className="reply-meta">
                  <MemberBadge name={r.author.name} color={r.author.color} /> {r.author.name}
                </span>
                <RichText className="reply-text" text={r.text} />
                {r.owner === me && canWrite && (
                  <button type="button" className="link-button" onClick={() => actions.deleteReply(r.id)}>
                    {t('thread.deleteReply')}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {canWrite && (
            <form
              className="reply-form"
              onSubmit={(e) => {
                e.preventDefault();
                send();
              }}
            >
              <label>
                {t('thread.reply')}
                <textarea
                  value={draft}
                  rows={2}
                  placeholder={t('thread.replyPlaceholder')}
                  onChange={(e) => setDraft(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
                  }}
                />
              </label>
              <button type="submit">{t('thread.send')}</button>
            </form>
          )}
        </section>
      )}
    </div>
  );
}
