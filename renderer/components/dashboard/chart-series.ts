/**
 * What the dashboard's two charts show, as labels and series: each student's marks by kind, and
 * an article's marks, disputes and questions per paragraph. Shared by the live dashboard and the
 * saved report's images, so both draw the same figures.
 */
import type { TFunction } from 'i18next';
import type { Tagset } from '../../../shared/model/tagset';
import type { HeatRow } from '../../store/dashboard/article-heat';
import type { StudentActivity } from '../../store/dashboard/student-activity';
import type { Series } from './bar-config';

export const HEAT_COLORS = { marks: '#0072B2', disputes: '#E69F00', questions: '#CC79A7' } as const;
export const HEAT_MEASURES = ['marks', 'disputes', 'questions'] as const;

export function studentSeries(students: readonly StudentActivity[], tagset: Tagset, lang: 'en' | 'fr'): { labels: string[]; series: Series[] } {
  return { labels: students.map((s) => s.name), series: tagset.kinds.map((k) => ({ label: k.name[lang], color: k.color, values: students.map((s) => s.marks[k.key] ?? 0) })) };
}

export function heatSeries(rows: readonly HeatRow[], t: TFunction): { labels: string[]; series: Series[] } {
  return {
    labels: rows.map((r) => t('dashboard.paragraphShort', { n: r.paragraph })),
    series: HEAT_MEASURES.map((m) => ({ label: t(`dashboard.${m}`), color: HEAT_COLORS[m], values: rows.map((r) => r[m]) })),
  };
}
