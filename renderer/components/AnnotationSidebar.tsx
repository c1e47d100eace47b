/**
 * The sidebar of an article's annotations, in text order, followed by the orphans (records
 * whose text could not be found any more) and a note of malformed records that were skipped.
 */
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../shared/model/record';
import type { Tagset } from '../../shared/model/tagset';
import { AnnotationItem } from './AnnotationItem';

type ItemActions = Omit<Parameters<typeof AnnotationItem>[0], 'annotation' | 'tagset' | 'focused' | 'editing'>;

interface Props extends ItemActions {
  annotations: Annotation[];
  orphans: Annotation[];
  invalidCount: number;
  tagset: Tagset;
  focusedId: string | null;
  editingId: string | null;
}

export function AnnotationSidebar({ annotations, orphans, invalidCount, tagset, focusedId, editingId, ...actions }: Props) {
  const { t } = useTranslation();
  const item = (a: Annotation) => (
    <AnnotationItem key={a.id} annotation={a} tagset={tagset} focused={a.id === focusedId} editing={a.id === editingId} {...actions} />
  );
  return (
    <aside className="sidebar" aria-labelledby="sidebar-title">
      <h2 id="sidebar-title">
        {t('sidebar.title')} <span className="count">{t('sidebar.count', { count: annotations.length + orphans.length })}</span>
      </h2>
      {annotations.length === 0 && orphans.length === 0 && <p className="empty">{t('sidebar.empty')}</p>}
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
