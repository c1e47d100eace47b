/**
 * Claims across articles: the claim marks of a corpus grouped into claims. Two marks belong to
 * the same claim when a "same-claim" link joins them, directly or through other marks, in any
 * article or language. A claim's id is the smallest id among its marks, so it stays the same
 * while its marks do and a verdict or a registry row can name it. Marks of other kinds joined by
 * "same-claim" are grouped too (a disputed statement can repeat a claim).
 */
import type { Located } from '../model/relations';

export const SAME_CLAIM = 'same-claim';
export const CLAIM_KIND = 'claim';

export interface ClaimGroup {
  /** the smallest id among the marks */
  id: string;
  /** the marks, claim marks first, then by article and position in the text */
  marks: Located[];
}

/** Every claim of the corpus: each claim mark with the marks "same-claim" joins to it. */
export function claimGroups(all: Iterable<Located>): ClaimGroup[] {
  const byId = new Map<string, Located>();
  for (const l of all) byId.set(l.annotation.id, l);
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const join = (a: string, b: string) => {
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const id of byId.keys()) parent.set(id, id);
  for (const { annotation } of byId.values()) {
    for (const link of annotation.links) if (link.rel === SAME_CLAIM && byId.has(link.to)) join(annotation.id, link.to);
  }
  const groups = new Map<string, Located[]>();
  for (const l of byId.values()) {
    const r = root(l.annotation.id);
    groups.set(r, [...(groups.get(r) ?? []), l]);
  }
  const claims: ClaimGroup[] = [];
  for (const [id, marks] of groups) {
    if (!marks.some((m) => m.annotation.kind === CLAIM_KIND)) continue;
    claims.push({ id, marks: marks.sort(markOrder) });
  }
  return claims.sort((a, b) => markOrder(a.marks[0]!, b.marks[0]!));
}

function markOrder(a: Located, b: Located): number {
  const kind = Number(b.annotation.kind === CLAIM_KIND) - Number(a.annotation.kind === CLAIM_KIND);
  if (kind) return kind;
  if (a.article !== b.article) return a.article < b.article ? -1 : 1;
  return a.annotation.target.start - b.annotation.target.start;
}
