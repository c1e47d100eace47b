/**
 * The evidence a verdict may cite: the evidence and rebuttal marks linked, either way and by
 * any relation but "same-claim", to one of the claim's marks, in any article. A verdict's
 * justification cites some of them (verdict.ts keeps their ids); the ClaimReview export and the
 * views show those still linked.
 */
import type { Located } from '../model/relations';
import { SAME_CLAIM, type ClaimGroup } from './claim-groups';

export const EVIDENCE_KINDS: ReadonlySet<string> = new Set(['evidence', 'rebuttal']);

/** The evidence and rebuttal marks linked to the claim, in the order of `all`. */
export function claimEvidence(claim: ClaimGroup, all: readonly Located[]): Located[] {
  const inClaim = new Set(claim.marks.map((m) => m.annotation.id));
  const linked = new Set<string>();
  for (const { annotation: a } of all) {
    for (const l of a.links) {
      if (l.rel === SAME_CLAIM) continue;
      if (inClaim.has(a.id)) linked.add(l.to);
      if (inClaim.has(l.to)) linked.add(a.id);
    }
  }
  return all.filter((l) => linked.has(l.annotation.id) && EVIDENCE_KINDS.has(l.annotation.kind) && !inClaim.has(l.annotation.id));
}
