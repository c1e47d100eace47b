/**
 * How closely one student read an article the way the teacher did, as the research side
 * measures it (shared/agreement): Cohen's κ over the words of the text (each word's value is the
 * kind of the mark it lies in, or none — category-stats.ts) and Krippendorff's unitized α over
 * the spans, both against the gold layer and pooled over the articles that have one. A band
 * turns κ into words a 14-year-old understands (Landis & Koch 1977's bands, renamed):
 * "almost the same way" (≥ 0.8), "mostly" (≥ 0.6), "partly" (≥ 0.4), "a little" (≥ 0.2),
 * "differently" (below), "not enough to say" (no figure). Pure.
 */
import { confusion, kappaFromConfusion, type Confusion } from '../agreement/cohen';
import { labelArticle } from '../agreement/article-agreement';
import { tokenValues } from '../agreement/category-stats';
import { unitizedAlpha, unitizedAlphaAll, type UnitizedResult } from '../agreement/unitized';
import { GOLD_OWNER } from '../model/doc-names';
import type { Annotation } from '../model/record';
import type { Tagset } from '../model/tagset';
import { codePointIndex } from '../text/code-points';

export type Band = 'same' | 'mostly' | 'partly' | 'little' | 'different' | 'unknown';

export interface GoldAgreement {
  kappa: number | null;
  alpha: number | null;
  band: Band;
}

export interface AgreementPart {
  text: string;
  gold: readonly Annotation[];
  student: readonly Annotation[];
}

export function bandOf(kappa: number | null): Band {
  if (kappa === null) return 'unknown';
  return kappa >= 0.8 ? 'same' : kappa >= 0.6 ? 'mostly' : kappa >= 0.4 ? 'partly' : kappa >= 0.2 ? 'little' : 'different';
}

/** κ and uα of one student against the gold, over the articles given (each with gold marks). */
export function goldAgreement(parts: readonly AgreementPart[], tagset: Tagset): GoldAgreement {
  const counts: Confusion = new Map();
  const unitized: UnitizedResult[] = [];
  const kinds = tagset.kinds.map((k) => k.key);
  for (const part of parts) {
    if (part.gold.length === 0) continue;
    const layers = [
      { owner: GOLD_OWNER, annotations: [...part.gold] },
      { owner: `${GOLD_OWNER}-student`, annotations: [...part.student] },
    ];
    const data = labelArticle({ text: part.text, layers }, tagset, { includeGold: true });
    const values = tokenValues(kinds, data.labels, 2, data.tokens.length);
    const g = data.annotators.indexOf(GOLD_OWNER);
    confusion(values[g]!, values[1 - g]!, counts);
    const length = codePointIndex(part.text).length;
    for (const kind of kinds) {
      const spans = data.spans.get(kind)!;
      if (spans.some((s) => s.length > 0)) unitized.push(unitizedAlpha(spans, 0, length));
    }
  }
  const kappa = kappaFromConfusion(counts);
  const alpha = unitized.length === 0 ? null : unitizedAlphaAll(unitized).alpha;
  return { kappa, alpha, band: bandOf(kappa) };
}
