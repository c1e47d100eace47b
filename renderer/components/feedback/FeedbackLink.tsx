/**
 * The student's way to their teacher's feedback in the top bar, with how many entries they
 * have not read yet — as a figure in a badge and in words for screen readers, not a colour.
 */
import { useTranslation } from 'react-i18next';
import { unreadCount } from '../../../shared/model/feedback';
import type { Author } from '../../../shared/model/record';
import { routeHash } from '../../store/route';
import { useFeedback } from '../../store/use-feedback';
import { UnreadBadge } from './UnreadBadge';

export function FeedbackLink({ corpus, me, current }: { corpus: string; me: Author; current: boolean }) {
  const { t } = useTranslation();
  const { entries, seen } = useFeedback(corpus, me.id, me, undefined);
  const unread = unreadCount(entries, me.id, seen);
  return (
    <a href={routeHash({ view: 'feedback' })} className="button-link feedback-link" aria-current={current ? 'page' : undefined}>
      {t('feedback.open')}
      <UnreadBadge count={unread} label={t('feedback.unread', { count: unread })} />
    </a>
  );
}
