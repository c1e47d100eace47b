/**
 * Agreement on links between every pair of annotators: two links correspond when both their
 * ends are matched spans (same kind, overlapping; span-match.ts) and they point the same way.
 * Reported per pair: how many links each made, how many correspond (F1 of the link structure:
 * 2·matched / (links of one + links of the other)), and over the corresponding links how often
 * the relation type is the same, with Cohen's κ on the relation types. Links to another article
 * are left out. Counts are additive over articles.
 */
import { GOLD_OWNER } from '../model/doc-names';
import type { ArticleSnapshot } from '../formats/types';
import { confusion, kappaFromConfusion, type Confusion } from './cohen';
import { matchSpans } from './span-match';

interface PairCounts {
  linksA: number;
  linksB: number;
  matched: number;
  sameType: number;
  types: Confusion;
}

export interface LinkAgreement {
  a: string;
  b: string;
  linksA: number;
  linksB: number;
  matched: number;
  f1: number | null;
  sameType: number | null;
  kappa: number | null;
}

export type LinkStats = Map<string, PairCounts>;

type Link = { from: string; to: string; rel: string };

function linksOf(annotations: ArticleSnapshot['layers'][number]['annotations']): Link[] {
  return annotations.flatMap((x) => x.links.filter((l) => !l.article).map((l) => ({ from: x.id, to: l.to, rel: l.rel })));
}

export function addLinks(stats: LinkStats, entry: ArticleSnapshot, includeGold = false): void {
  const layers = entry.layers.filter((l) => includeGold || l.owner !== GOLD_OWNER).sort((x, y) => (x.owner < y.owner ? -1 : 1));
  for (let i = 0; i < layers.length; i++) {
    for (let j = i + 1; j < layers.length; j++) {
      const [A, B] = [layers[i]!, layers[j]!];
      const key = `${A.owner}\u0000${B.owner}`;
      const c = stats.get(key) ?? { linksA: 0, linksB: 0, matched: 0, sameType: 0, types: new Map() };
      const toB = new Map(matchSpans(A.annotations, B.annotations, 'overlap').map(([x, y]) => [A.annotations[x]!.id, B.annotations[y]!.id]));
      const linksA = linksOf(A.annotations);
      const linksB = linksOf(B.annotations);
      const pairs: [string, string][] = [];
      const used = new Set<Link>();
      for (const l of linksA) {
        const m = linksB.find((k) => !used.has(k) && k.from === toB.get(l.from) && k.to === toB.get(l.to));
        if (!m) continue;
        used.add(m);
        pairs.push([l.rel, m.rel]);
      }
      c.linksA += linksA.length;
      c.linksB += linksB.length;
      c.matched += pairs.length;
      c.sameType += pairs.filter(([x, y]) => x === y).length;
      confusion(pairs.map((p) => p[0]), pairs.map((p) => p[1]), c.types);
      stats.set(key, c);
    }
  }
}

export function linkFigures(stats: LinkStats): LinkAgreement[] {
  return [...stats].map(([key, c]) => {
    const [a, b] = key.split('\u0000') as [string, string];
    const total = c.linksA + c.linksB;
    return { a, b, linksA: c.linksA, linksB: c.linksB, matched: c.matched, f1: total === 0 ? null : (2 * c.matched) / total, sameType: c.matched === 0 ? null : c.sameType / c.matched, kappa: kappaFromConfusion(c.types) };
  });
}
