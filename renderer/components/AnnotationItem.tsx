/**
 * One annotation in the sidebar: its kind, quote, note, author and time, with controls to
 * jump to it in the text, edit its note, change its kind, link it and delete it; then its links
 * and its discussion. Notes are rendered as text with basic formatting, never as HTML.
 * Hovering or focusing the item paints its linked annotations in the text.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import type { Status, Thread } from '../../shared/model/discussion';
import type { Annotation } from '../../shared/model/record';
import { kindOf, type Tagset } from '../../shared/model/tagset';
import type { ShownLink } from '../store/link-view';
import type { DiscussionActions } from '../store/use-discussion';
import type { AnchorStatus } from '../store/placed-annotations';
import type { MarkThread } from '../store/use-feedback';
import { AnchorNotice } from './AnchorNotice';
import { formatTime } from './format-time';
import { MarkFeedback } from './feedback/MarkFeedback';
import { Discussion } from './Discussion';
import { LinkList } from './LinkList';
import { MemberBadge } from './MemberBadge';
import { RichText } from './RichText';

interface Props {
  annotation: Annotation;
  /** the user's own annotation: only those can be edited or deleted */
  mine: boolean;
  tagset: Tagset;
  focused: boolean;
  editing: boolean;
  onGoTo: (id: string) => void;
  onEdit: (id: string | null) => void;
  onSaveNote: (id: string, note: string) => void;
  onKind: (id: string, kind: string) => void;
  onDelete: (id: string) => void;
  thread: Thread | undefined;
  links: ShownLink[] | undefined;
  status: Status;
  /** the user may set the status (their annotation, or they are the teacher) */
  canDecide: boolean;
  /** false for observers */
  canWrite: boolean;
  me: string;
  discussion: DiscussionActions;
  onLink: (id: string) => void;
  onUnlink: (from: string, to: string, rel: string) => void;
  onFollow: (link: ShownLink) => void;
  onHover: (id: string | null) => void;
  /** how the anchor was found in the current text: a moved or fuzzy one is marked */
  anchor: AnchorStatus;
  onConfirmAnchor: (id: string) => void;
  onDetachAnchor: (id: string) => void;
  /** the teacher's private feedback on this mark (the student's own marks) */
  feedback?: MarkThread;
}

const QUOTE_CHARS = 160;

export function AnnotationItem(props: Props) {
  const { annotation: a, mine, tagset, focused, editing, onGoTo, onEdit, onSaveNote, onKind, onDelete, links, onHover } = props;
  const { t, language } = useT();
  const lang = language === 'fr' ? 'fr' : 'en';
  const kind = kindOf(tagset, a.kind);
  const [draft, setDraft] = useState(a.note);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const itemRef = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (editing) {
      setDraft(a.note);
      noteRef.current?.focus();
    }
  }, [editing, a.note]);
  useEffect(() => {
    const item = itemRef.current;
    if (!focused || !item) return;
    item.scrollIntoView({ block: 'nearest' });
    // the panels above the list (same-claim suggestions, the map, verdicts) fill in just after a
    // mark is made and push it down: keep it in view while they do, for a moment only
    const sidebar = item.closest('aside');
    if (!sidebar || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => item.scrollIntoView({ block: 'nearest' }));
    // the sidebar's own box keeps its height (it scrolls): what grows is what it holds
    for (const part of Array.from(sidebar.children)) observer.observe(part);
    const stop = setTimeout(() => observer.disconnect(), 4_000);
    return () => {
      clearTimeout(stop);
      observer.disconnect();
    };
  }, [focused]);

  const quote = a.target.exact.length > QUOTE_CHARS ? `${a.target.exact.slice(0, QUOTE_CHARS)}…` : a.target.exact;
  const time = formatTime(a.modified, lang);
  const kindLabel = kind ? kind.name[lang] : t('sidebar.unknownKind', { key: a.kind });

  return (
    <li
      ref={itemRef}
      className={`annotation${focused ? ' focused' : ''}`}
      data-annotation-id={a.id}
      aria-current={focused ? 'true' : undefined}
      onMouseEnter={() => onHover(a.id)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(a.id)}
      onBlur={() => onHover(null)}
    >
      <div className="annotation-head">
        <span className="kind-swatch" data-kind={a.kind} aria-hidden="true" />
        <strong className="annotation-kind">{kindLabel}</strong>
        <span className="annotation-meta">
          <MemberBadge name={a.author.name} color={a.author.color} /> {t('sidebar.by', { name: a.author.name })} ·{' '}
          <time dateTime={a.modified}>{time}</time>
        </span>
      </div>
      <button type="button" className="annotation-quote" onClick={() => onGoTo(a.id)} title={t('sidebar.goTo')}>
        {t('quotes.passage', { quote })}
      </button>
      {(props.anchor === 'moved' || props.anchor === 'fuzzy') && (
        <AnchorNotice id={a.id} status={props.anchor} original={a.target.exact} mine={mine} onConfirm={props.onConfirmAnchor} onDetach={props.onDetachAnchor} />
      )}
      {editing && mine ? (
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            onSaveNote(a.id, draft);
          }}
        >
          <label>
            {t('sidebar.note')}
            <textarea
              ref={noteRef}
              value={draft}
              placeholder={t('sidebar.notePlaceholder')}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSaveNote(a.id, draft);
                if (e.key === 'Escape') onEdit(null);
              }}
              rows={3}
            />
          </label>
          <div className="row">
            <button type="submit">{t('sidebar.saveNote')}</button>
            <button type="button" onClick={() => onEdit(null)}>
              {t('library.cancel')}
            </button>
          </div>
        </form>
      ) : (
        a.note && <RichText className="annotation-note" text={a.note} />
      )}
      {mine && (
        <div className="annotation-actions">
          <label>
            <span className="visually-hidden">{t('sidebar.kind')}</span>
            <select value={a.kind} onChange={(e) => onKind(a.id, e.target.value)} aria-label={t('sidebar.kind')}>
              {!kind && <option value={a.kind}>{kindLabel}</option>}
              {tagset.kinds.map((k) => (
                <option key={k.key} value={k.key}>
                  {k.name[lang]}
                </option>
              ))}
            </select>
          </label>
          {!editing && (
            <button type="button" onClick={() => onEdit(a.id)} aria-keyshortcuts="N">
              {t('sidebar.editNote')}
            </button>
          )}
          <button type="button" onClick={() => props.onLink(a.id)} aria-keyshortcuts="L">
            {t('links.add')}
          </button>
          <button type="button" className="danger" onClick={() => onDelete(a.id)} aria-keyshortcuts="Delete">
            {t('sidebar.delete')}
          </button>
        </div>
      )}
      {links && links.length > 0 && <LinkList from={a.id} links={links} tagset={tagset} mine={mine} onFollow={props.onFollow} onUnlink={props.onUnlink} />}
      {props.feedback && <MarkFeedback thread={props.feedback} />}
      <Discussion about={a.id} thread={props.thread} status={props.status} canDecide={props.canDecide} canWrite={props.canWrite} me={props.me} actions={props.discussion} />
    </li>
  );
}
