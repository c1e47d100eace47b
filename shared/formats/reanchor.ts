/**
 * Anchors imported records in an article's current text by the fallback chain of
 * ARCHITECTURE.md §4 (shared/anchor/resolve.ts): a record whose selectors still fit keeps them
 * untouched; a moved or fuzzily found one gets fresh selectors at its new place; one below the
 * minimum score is an orphan, returned with the reason — never dropped, never silently moved.
 */
import { resolveTarget } from '../anchor/resolve';
import { targetFor } from '../anchor/selectors';
import type { Annotation } from '../model/record';
import { codePointIndex } from '../text/code-points';
import type { ArticleSnapshot } from './types';
import type { BadItem } from './foreign-item';
import type { ImportedRecord } from './foreign-resolve';

export interface Orphan extends ImportedRecord {
  reason: string;
}

export interface AnchorReport {
  exact: number;
  moved: number;
  fuzzy: number;
  orphans: Orphan[];
  /** Records whose id already exists in the layer (kept as they were; the import is listed here). */
  duplicates: ImportedRecord[];
  /** Items of the imported files that are not annotations Glose can hold (a page note, an unknown kind), each with its reason. */
  rejected: BadItem[];
}

export function emptyReport(): AnchorReport {
  return { exact: 0, moved: 0, fuzzy: 0, orphans: [], duplicates: [], rejected: [] };
}

/** Adds `records` (all of this article) to a copy of `entry`, anchoring each one. */
export function anchorInto(entry: ArticleSnapshot, records: readonly ImportedRecord[], report: AnchorReport): ArticleSnapshot {
  const index = codePointIndex(entry.text);
  const layers = new Map(entry.layers.map((l) => [l.owner, [...l.annotations]]));
  const ids = new Map(entry.layers.map((l) => [l.owner, new Set(l.annotations.map((a) => a.id))])); // a layer's ids, as records join it
  for (const item of records) {
    const list = layers.get(item.layer) ?? [];
    layers.set(item.layer, list);
    const taken = ids.get(item.layer) ?? new Set<string>();
    ids.set(item.layer, taken);
    if (taken.has(item.record.id)) {
      report.duplicates.push(item);
      continue;
    }
    const r = resolveTarget(index, item.record.target);
    if (r.status === 'orphan') {
      report.orphans.push({ ...item, reason: `quote not found with a score ≥ the minimum: ${JSON.stringify(item.record.target.exact.slice(0, 60))}` });
      continue;
    }
    report[r.status]++;
    const record: Annotation = r.status === 'exact' ? item.record : { ...item.record, target: targetFor(index, r.start, r.end) };
    list.push(record);
    taken.add(record.id);
  }
  const existing = new Set(entry.layers.map((l) => l.owner));
  return { ...entry, layers: [...layers].filter(([owner, a]) => a.length > 0 || existing.has(owner)).map(([owner, annotations]) => ({ owner, annotations })) };
}
