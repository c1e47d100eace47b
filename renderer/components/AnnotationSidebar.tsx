/**
 * The sidebar of an article's annotations, in text order, followed by the orphans (records
 * whose text could not be found any more) and a note of malformed records that were skipped.
 */
import { useTranslation } from 'react-i18next';
import type { Tagset } from '../../shared/model/tagset';
import { memo } from 'react';
import type { Placed } from '../store/placed-annotations';
import { AnnotationItem } from './AnnotationItem';

const MemoItem = memo(AnnotationItem);

type ItemActions = Omit<Parameters<typeof AnnotationItem>[0], 'annotation' | 'mine' | 'tagset' | 'focused' | 'editing'>;

interface Props extends ItemActions {
  /** undefined while the list is still being prepared (it renders after the highlights) */
  annotations: Placed[] | undefined;
  orphans: Placed[];
  invalidCount: number;
  tagset: Tagset;
  focusedId: string | null;
  editingId: string | null;
}

export function AnnotationSidebar({ annotations: list, orphans, invalidCount, tagset, focusedId, editingId, ...actions }: Props) {
  const { t } = useTranslation();
  const annotations = list ?? [];
  const item = ({ annotation: a, owner, mine }: Placed) => (
    <MemoItem key={`${owner}/${a.id}`} annotation={a} mine={mine} tagset={tagset} focused={a.id === focusedId} editing={a.id === editingId} {...actions} />
  );
  return (
    <aside className="sidebar" aria-labelledby="sidebar-title">
      <h2 id="sidebar-title">
        {t('sidebar.title')} <span className="count">{t('sidebar.count', { count: annotations.length + orphans.length })}</span>
      </h2>
      {list && annotations.length === 0 && orphans.length === 0 && <p className="empty">{t('sidebar.empty')}</p>}
      <ol className="annotation-list">{annotations.map(item)}</ol>
      {orphans.length > 0 && (
        <section className="orphans">
          <h3>{t('sidebar.orphans')}</h3>
          <p>{t('sidebar.orphanHelp')}</p>
          <ol className="annotation-list">{orphans.map(item)}</ol>
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
