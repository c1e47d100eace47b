/**
 * The sidebar of an article's annotations, in text order, with filters (kind with counts,
 * author, status, text), followed by the orphans (records whose text could not be found any
 * more) and a note of malformed records that were skipped. Under them, the argument panel the
 * article view gives it (`panel`), then a way to remap the user's annotations of kinds the
 * tagset no longer has (over the whole corpus). What arrives late (the panel's lazy parts, claim
 * verdicts and suggestions, kinds to remap) comes after the list, so it never moves the list
 * under the user's pointer: above it, it pushed an item's button away between the press and the
 * release, and the click was lost. It reads the article state itself (useArticle), a render
 * behind the highlights, which are painted first.
 */
import { useT } from '../i18n/use-t';
import { effectiveStatus } from '../../shared/model/discussion';
import type { Tagset } from '../../shared/model/tagset';
import { memo, useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import type { MarkThread } from '../store/use-feedback';
import { authorsOf, countByKind, filterAnnotations, NO_FILTER } from '../store/annotation-filter';
import type { ArticleState } from '../store/article-state';
import type { Placed } from '../store/placed-annotations';
import { useArticle } from '../store/use-article-state';
import { AnnotationItem } from './AnnotationItem';
import { RemapKinds } from './RemapKinds';
import { SidebarFilters } from './SidebarFilters';

const MemoItem = memo(AnnotationItem);

type PerItem = 'annotation' | 'mine' | 'tagset' | 'focused' | 'editing' | 'thread' | 'links' | 'status' | 'canDecide' | 'anchor' | 'feedback';
export type ItemActions = Omit<Parameters<typeof AnnotationItem>[0], PerItem>;

interface Props {
  state: ArticleState;
  tagset: Tagset;
  corpus: string;
  /** what every item can do, with identities that do not change */
  actions: ItemActions;
  /** shown under the filters: the argument panel, loaded after the list */
  panel: ReactNode;
  /** a student's feedback threads on their marks, by annotation id */
  markFeedback: ReadonlyMap<string, MarkThread>;
}

const NONE: Placed[] = [];
const LATER = { placement: null, threads: new Map(), links: new Map(), isTeacher: false } as const;

export function AnnotationSidebar({ state, tagset, corpus, actions, panel, markFeedback }: Props) {
  const { t } = useT();
  const [filter, setFilter] = useState(NO_FILTER);
  const live = useArticle(state);
  // The list follows only what it shows: a change of anything else (the layers settling, the
  // switch from the snapshot's preview to the documents, hover) keeps this value, so the
  // deferred, time-sliced build of a long list is not thrown away and started again
  const shown = useMemo(
    () => ({ placement: live.placement, threads: live.threads, links: live.links, isTeacher: live.isTeacher }),
    [live.placement, live.threads, live.links, live.isTeacher],
  );
  // null on the first render: the highlights are painted before the list is built
  const snapshot = useDeferredValue(shown, null);
  const { placement, threads, links, isTeacher } = snapshot ?? LATER;
  // the count in the title is the article's at once, while a long list is still being built
  const total = live.placement ? live.placement.placed.length + live.placement.orphans.length : null;
  const building = snapshot !== shown;
  // focus and editing follow at once, as in the text
  const { focusedId, editingId } = live;
  const list = placement?.placed;
  const orphans = placement?.orphans ?? NONE;
  const invalidCount = placement?.invalidCount ?? 0;
  const all = list ?? NONE;
  const everything = useMemo(() => all.concat(orphans), [all, orphans]);
  const counts = useMemo(() => countByKind(everything), [everything]);
  const authors = useMemo(() => authorsOf(everything), [everything]);
  const annotations = useMemo(() => filterAnnotations(all, filter, threads), [all, filter, threads]);
  const shownOrphans = useMemo(() => filterAnnotations(orphans, filter, threads), [orphans, filter, threads]);
  const item = ({ annotation: a, owner, mine: own, anchor }: Placed) => {
    const thread = threads.get(a.id);
    const mine = own && actions.canWrite; // a closed assignment leaves one's marks read-only (classwork/)
    return (
      <MemoItem
        key={`${owner}/${a.id}`}
        annotation={a}
        mine={mine}
        tagset={tagset}
        focused={a.id === focusedId}
        editing={a.id === editingId}
        thread={thread}
        links={links.get(a.id)}
        status={effectiveStatus(a, thread)}
        canDecide={mine || isTeacher}
        anchor={anchor}
        feedback={mine ? markFeedback.get(a.id) : undefined}
        {...actions}
      />
    );
  };
  return (
    <aside className="sidebar" aria-labelledby="sidebar-title">
      <h2 id="sidebar-title">
        {t('sidebar.title')} {total !== null && <span className="count">{t('sidebar.count', { count: total })}</span>}
      </h2>
      {everything.length > 0 && (
        <SidebarFilters filter={filter} onChange={setFilter} counts={counts} authors={authors} tagset={tagset} shown={annotations.length + shownOrphans.length} total={everything.length} />
      )}
      {list && everything.length === 0 && <p className="empty">{t('sidebar.empty')}</p>}
      <ol className="annotation-list" aria-busy={building}>{annotations.map(item)}</ol>
      {shownOrphans.length > 0 && (
        <section className="orphans">
          <h3>{t('sidebar.orphans')}</h3>
          <p>{t('sidebar.orphanHelp')}</p>
          <ol className="annotation-list">{shownOrphans.map(item)}</ol>
        </section>
      )}
      {invalidCount > 0 && (
        <p className="warning" role="status">
          {t('sidebar.invalid', { count: invalidCount })}
        </p>
      )}
      {panel}
      {actions.canWrite && <RemapKinds corpus={corpus} me={actions.me} tagset={tagset} />}
    </aside>
  );
}
