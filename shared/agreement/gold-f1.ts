/**
 * Each annotator against the gold layer (the teacher's curation): precision, recall and F1 of
 * their spans, counted exactly (same kind, same offsets) and by overlap (same kind, sharing text),
 * summed over every article that has a gold layer and a layer of theirs. Counts are additive,
 * so a corpus accumulates them article by article.
 */
import { GOLD_OWNER } from '../model/doc-names';
import type { ArticleSnapshot } from '../formats/types';
import { matchSpans, type MatchMode } from './span-match';

interface Counts {
  matched: number;
  annotator: number;
  gold: number;
}

export interface GoldF1 {
  annotator: string;
  mode: MatchMode;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export type GoldStats = Map<string, Counts>; // key `${annotator}\u0000${mode}`

export function addGold(stats: GoldStats, entry: ArticleSnapshot): void {
  const gold = entry.layers.find((l) => l.owner === GOLD_OWNER);
  if (!gold) return;
  for (const layer of entry.layers) {
    if (layer.owner === GOLD_OWNER) continue;
    for (const mode of ['exact', 'overlap'] as const) {
      const key = `${layer.owner}\u0000${mode}`;
      const c = stats.get(key) ?? { matched: 0, annotator: 0, gold: 0 };
      c.matched += matchSpans(layer.annotations, gold.annotations, mode).length;
      c.annotator += layer.annotations.length;
      c.gold += gold.annotations.length;
      stats.set(key, c);
    }
  }
}

export function goldFigures(stats: GoldStats): GoldF1[] {
  return [...stats]
    .map(([key, c]) => {
      const [annotator, mode] = key.split('\u0000') as [string, MatchMode];
      const precision = c.annotator === 0 ? null : c.matched / c.annotator;
      const recall = c.gold === 0 ? null : c.matched / c.gold;
      const f1 = c.annotator + c.gold === 0 ? null : (2 * c.matched) / (c.annotator + c.gold);
      return { annotator, mode, precision, recall, f1 };
    })
    .sort((x, y) => (x.annotator === y.annotator ? (x.mode < y.mode ? -1 : 1) : x.annotator < y.annotator ? -1 : 1));
}
