/**
 * How many messages are unread: a figure in a badge for the eye and `label` in words for screen
 * readers, not a colour alone. Nothing when there are none.
 */
import './feedback.css';

export function UnreadBadge({ count, label }: { count: number; label: string }) {
  if (count === 0) return null;
  return (
    <>
      {' '}
      <span className="unread-badge" aria-hidden="true">
        {count}
      </span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}
