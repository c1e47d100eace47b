/**
 * The teacher's reading against one student's (or team's) layer on one article
 * (docs/assessment.md, "Matching rule"). Each gold mark is:
 * - a **match** when a student mark of the same kind overlaps it by at least half of the shorter
 *   of the two spans (pairs are one to one, the largest overlap first: span-match.ts);
 * - a **partial match** when it is no match but a student mark that matches no other gold mark
 *   overlaps it at all (another kind, or too little of the text) — the largest overlap counts;
 * - a **miss** otherwise.
 * Student marks that are neither a match nor a partial match of any gold mark are **extras**.
 * A gold link (rebuts, supports…) is **found** when the student's marks standing for both of its
 * ends (their match or partial match) are linked by the same relation, in the same direction.
 * Offsets are code points (the targets' TextPositionSelector). Pure.
 */
import { matchSpans } from '../agreement/span-match';
import type { Annotation } from '../model/record';

export type Outcome = 'match' | 'partial' | 'miss';

/** How an outcome is shown beside its word (never colour alone): found, found in part, missed. */
export const OUTCOME_SYMBOL: Record<Outcome, string> = { match: '✓', partial: '◐', miss: '✗' };

export interface GoldOutcome {
  gold: Annotation;
  outcome: Outcome;
  /** the student's mark that matched or partly matched it */
  student?: Annotation;
}

export interface LinkOutcome {
  /** gold mark ids and relation of the gold link */
  from: string;
  to: string;
  rel: string;
  found: boolean;
  /** the student's mark standing for the link's source, when both ends have one */
  student?: Annotation;
}

export interface GoldMatch {
  /** one per gold mark, in text order */
  marks: GoldOutcome[];
  /** student marks that stand for no gold mark, in text order */
  extras: Annotation[];
  links: LinkOutcome[];
}

export function overlapOf(a: Annotation, b: Annotation): number {
  return Math.max(0, Math.min(a.target.end, b.target.end) - Math.max(a.target.start, b.target.start));
}

const length = (a: Annotation) => a.target.end - a.target.start;
const inTextOrder = (a: Annotation, b: Annotation) => a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : 1);

/** True when the overlap is at least half of the shorter span (the match threshold). */
export function enoughOverlap(a: Annotation, b: Annotation, overlap = overlapOf(a, b)): boolean {
  return overlap > 0 && 2 * overlap >= Math.min(length(a), length(b));
}

export function matchGold(gold: readonly Annotation[], student: readonly Annotation[]): GoldMatch {
  const golds = [...gold].sort(inTextOrder);
  const mine = [...student].sort(inTextOrder);
  const standIn = new Map<string, Annotation>(); // gold id → student mark
  const outcome = new Map<string, Outcome>();
  const used = new Set<string>();
  for (const [g, s] of matchSpans(golds, mine, 'overlap', (x, y, o) => enoughOverlap(x, y, o))) {
    standIn.set(golds[g]!.id, mine[s]!);
    outcome.set(golds[g]!.id, 'match');
    used.add(mine[s]!.id);
  }
  const matched = new Set(used);
  for (const g of golds) {
    if (outcome.has(g.id)) continue;
    let best: Annotation | undefined;
    for (const s of mine) if (!matched.has(s.id) && overlapOf(g, s) > (best ? overlapOf(g, best) : 0)) best = s;
    if (best) {
      standIn.set(g.id, best);
      used.add(best.id);
    }
    outcome.set(g.id, best ? 'partial' : 'miss');
  }
  const links: LinkOutcome[] = [];
  for (const g of golds) {
    for (const link of g.links) {
      if (link.article) continue; // links to other articles are judged there
      const from = standIn.get(g.id);
      const to = standIn.get(link.to);
      const found = !!from && !!to && from.links.some((l) => l.to === to.id && l.rel === link.rel);
      links.push({ from: g.id, to: link.to, rel: link.rel, found, ...(from && to ? { student: from } : {}) });
    }
  }
  return {
    marks: golds.map((g) => ({ gold: g, outcome: outcome.get(g.id)!, ...(standIn.has(g.id) ? { student: standIn.get(g.id)! } : {}) })),
    extras: mine.filter((s) => !used.has(s.id)),
    links,
  };
}

/** How many gold marks (of `kind`, when given) the student matched, partly matched and missed. */
export function tally(match: GoldMatch, kind?: string): Record<Outcome, number> & { total: number } {
  const counts = { match: 0, partial: 0, miss: 0, total: 0 };
  for (const m of match.marks) {
    if (kind && m.gold.kind !== kind) continue;
    counts[m.outcome]++;
    counts.total++;
  }
  return counts;
}
