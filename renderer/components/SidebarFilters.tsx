/**
 * Filters over the sidebar's annotations: one toggle per kind with its count (unknown kinds
 * too), the author, the status and a text search. Counts are over all of the article's
 * annotations, so they stay meaningful while a filter is on.
 */
import { useT } from '../i18n/use-t';
import { kindOf, type Tagset } from '../../shared/model/tagset';
import type { AnnotationFilter } from '../store/annotation-filter';

interface Props {
  filter: AnnotationFilter;
  onChange: (filter: AnnotationFilter) => void;
  counts: Map<string, number>;
  authors: { id: string; name: string }[];
  tagset: Tagset;
  shown: number;
  total: number;
}

export function SidebarFilters({ filter, onChange, counts, authors, tagset, shown, total }: Props) {
  const { t, language } = useT();
  const lang = language === 'fr' ? 'fr' : 'en';
  const kinds = [...tagset.kinds.map((k) => k.key), ...[...counts.keys()].filter((k) => !kindOf(tagset, k))];
  const set = (patch: Partial<AnnotationFilter>) => onChange({ ...filter, ...patch });
  return (
    <section className="filters" aria-label={t('filters.title')}>
      <div className="kind-counts" role="group" aria-label={t('filters.byKind')}>
        {kinds.map((key) => (
          <button key={key} type="button" className="kind-count" aria-pressed={filter.kind === key} onClick={() => set({ kind: filter.kind === key ? '' : key })}>
            <span className="kind-swatch" data-kind={key} aria-hidden="true" />
            {kindOf(tagset, key)?.name[lang] ?? t('sidebar.unknownKind', { key })} <span className="count">{counts.get(key) ?? 0}</span>
          </button>
        ))}
      </div>
      <div className="filter-row">
        <label>
          <span className="visually-hidden">{t('filters.search')}</span>
          <input type="search" value={filter.text} placeholder={t('filters.search')} aria-label={t('filters.search')} onChange={(e) => set({ text: e.target.value })} />
        </label>
        <select value={filter.author} onChange={(e) => set({ author: e.target.value })} aria-label={t('filters.author')}>
          <option value="">{t('filters.anyAuthor')}</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <select value={filter.status} onChange={(e) => set({ status: e.target.value as AnnotationFilter['status'] })} aria-label={t('filters.status')}>
          <option value="">{t('filters.anyStatus')}</option>
          <option value="open">{t('thread.status.open')}</option>
          <option value="resolved">{t('thread.status.resolved')}</option>
        </select>
      </div>
      {shown !== total && (
        <p className="filter-summary" role="status">
          {t('filters.shown', { shown, total })}
        </p>
      )}
    </section>
  );
}
