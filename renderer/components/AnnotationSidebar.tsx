/**
 * The sidebar of an article's annotations, in text order, with filters (kind with counts,
 * author, status, text), followed by the orphans (records whose text could not be found any
 * more), a note of malformed records that were skipped, and a way to remap the user's
 * annotations of kinds the tagset no longer has (over the whole corpus). Under the filters, the
 * argument panel the article view gives it (`panel`).
 */
import { useTranslation } from 'react-i18next';
import { effectiveStatus, type Thread } from '../../shared/model/discussion';
import type { Tagset } from '../../shared/model/tagset';
import { memo, useMemo, useState, type ReactNode } from 'react';
import { authorsOf, countByKind, filterAnnotations, NO_FILTER } from '../store/annotation-filter';
import type { ShownLink } from '../store/link-view';
import type { Placed } from '../store/placed-annotations';
import { AnnotationItem } from './AnnotationItem';
import { RemapKinds } from './RemapKinds';
import { SidebarFilters } from './SidebarFilters';

const MemoItem = memo(AnnotationItem);

type PerItem = 'annotation' | 'mine' | 'tagset' | 'focused' | 'editing' | 'thread' | 'links' | 'status' | 'canDecide';
type ItemActions = Omit<Parameters<typeof AnnotationItem>[0], PerItem>;

interface Props extends ItemActions {
  /** undefined while the list is still being prepared (it renders after the highlights) */
  annotations: Placed[] | undefined;
  orphans: Placed[];
  invalidCount: number;
  tagset: Tagset;
  focusedId: string | null;
  editingId: string | null;
  threads: Map<string, Thread>;
  links: Map<string, ShownLink[]>;
  isTeacher: boolean;
  corpus: string;
  /** shown under the filters: the argument panel, loaded after the list */
  panel: ReactNode;
}

export function AnnotationSidebar({ annotations: list, orphans, invalidCount, tagset, focusedId, editingId, threads, links, isTeacher, corpus, panel, ...actions }: Props) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState(NO_FILTER);
  const all = list ?? [];
  const everything = useMemo(() => all.concat(orphans), [all, orphans]);
  const counts = useMemo(() => countByKind(everything), [everything]);
  const authors = useMemo(() => authorsOf(everything), [everything]);
  const annotations = useMemo(() => filterAnnotations(all, filter, threads), [all, filter, threads]);
  const shownOrphans = useMemo(() => filterAnnotations(orphans, filter, threads), [orphans, filter, threads]);
  const item = ({ annotation: a, owner, mine }: Placed) => {
    const thread = threads.get(a.id);
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
        {...actions}
      />
    );
  };
  return (
    <aside className="sidebar" aria-labelledby="sidebar-title">
      <h2 id="sidebar-title">
        {t('sidebar.title')} <span className="count">{t('sidebar.count', { count: everything.length })}</span>
      </h2>
      {everything.length > 0 && (
        <SidebarFilters filter={filter} onChange={setFilter} counts={counts} authors={authors} tagset={tagset} shown={annotations.length + shownOrphans.length} total={everything.length} />
      )}
      {panel}
      {actions.canWrite && <RemapKinds corpus={corpus} me={actions.me} tagset={tagset} />}
      {list && everything.length === 0 && <p className="empty">{t('sidebar.empty')}</p>}
      <ol className="annotation-list">{annotations.map(item)}</ol>
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
    </aside>
  );
}
