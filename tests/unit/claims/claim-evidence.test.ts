/**
 * The evidence a verdict may cite: evidence and rebuttal marks linked either way to any mark of
 * the claim, in any article; not other kinds, not "same-claim" links, not the claim's own marks.
 */
import { describe, expect, it } from 'vitest';
import { claimEvidence } from '../../../shared/claims/claim-evidence';
import { claimGroups } from '../../../shared/claims/claim-groups';
import type { Annotation, Link } from '../../../shared/model/record';
import type { Located } from '../../../shared/model/relations';

function mark(id: string, article: string, kind: string, links: Link[] = []): Located {
  const t = '2026-11-22T10:00:00.000Z';
  const annotation: Annotation = { id, kind, target: { start: 0, end: 5, exact: 'words', prefix: '', suffix: '' }, note: '', author: { id: 'u1', name: 'Ana', color: '#0072B2' }, created: t, modified: t, links, status: 'open' };
  return { annotation, article };
}

describe('claim evidence', () => {
  it('finds evidence and rebuttals linked either way to any of the claim’s marks', () => {
    const all = [
      mark('c1', 'a1', 'claim', [{ to: 'e2', rel: 'supports' }]),
      mark('c2', 'a2', 'claim', [{ to: 'c1', rel: 'same-claim', article: 'a1' }]),
      mark('e2', 'a1', 'evidence'),
      mark('r3', 'a2', 'rebuttal', [{ to: 'c2', rel: 'rebuts' }]),
      mark('q4', 'a2', 'question', [{ to: 'c2', rel: 'rebuts' }]),
      mark('e5', 'a2', 'evidence', [{ to: 'c2', rel: 'same-claim' }]),
      mark('e6', 'a3', 'evidence', [{ to: 'other', rel: 'supports' }]),
    ];
    const [claim] = claimGroups(all);
    expect(claim!.marks.map((m) => m.annotation.id)).toEqual(['c1', 'c2', 'e5']);
    expect(claimEvidence(claim!, all).map((m) => m.annotation.id)).toEqual(['e2', 'r3']);
  });
});
