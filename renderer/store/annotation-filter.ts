/**
 * Filtering the sidebar's annotations by kind, author, status and text (quote, note, replies),
 * and counting them per kind. Pure functions, so the sidebar can memoise them.
 */
import { effectiveStatus, type Status, type Thread } from '../../shared/model/discussion';
import type { Placed } from './placed-annotations';

export interface AnnotationFilter {
  kind: string;
  author: string;
  status: Status | '';
  text: string;
}

export const NO_FILTER: AnnotationFilter = { kind: '', author: '', status: '', text: '' };

export function isFiltering(f: AnnotationFilter): boolean {
  return f.kind !== '' || f.author !== '' || f.status !== '' || f.text.trim() !== '';
}

export function filterAnnotations(list: Placed[], f: AnnotationFilter, threads: Map<string, Thread>): Placed[] {
  if (!isFiltering(f)) return list;
  const q = f.text.trim().toLocaleLowerCase();
  return list.filter(({ annotation: a, owner }) => {
    const thread = threads.get(a.id);
    if (f.kind && a.kind !== f.kind) return false;
    if (f.author && owner !== f.author) return false;
    if (f.status && effectiveStatus(a, thread) !== f.status) return false;
    if (!q) return true;
    return [a.target.exact, a.note, a.author.name, ...(thread?.replies.map((r) => r.text) ?? [])].some((s) => s.toLocaleLowerCase().includes(q));
  });
}

export function countByKind(list: Placed[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { annotation: a } of list) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return counts;
}

/** The authors of `list` by layer owner, with their display name, sorted by name. */
export function authorsOf(list: Placed[]): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const { annotation: a, owner } of list) if (!names.has(owner)) names.set(owner, a.author.name);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
