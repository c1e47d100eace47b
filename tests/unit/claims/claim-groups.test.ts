import { describe, expect, it } from 'vitest';
import { claimGroups } from '../../../shared/claims/claim-groups';
import type { Annotation, Link } from '../../../shared/model/record';
import type { Located } from '../../../shared/model/relations';
import { prng } from '../../support/prng';

function mark(id: string, article: string, kind = 'claim', links: Link[] = [], start = 0): Located {
  const annotation: Annotation = {
    id,
    kind,
    target: { start, end: start + 5, exact: 'words', prefix: '', suffix: '' },
    note: '',
    author: { id: 'u1', name: 'Ana', color: '#0072B2' },
    created: '2026-11-22T10:00:00.000Z',
    modified: '2026-11-22T10:00:00.000Z',
    links,
    status: 'open',
  };
  return { annotation, article };
}

const ids = (groups: ReturnType<typeof claimGroups>) => groups.map((g) => [g.id, g.marks.map((m) => m.annotation.id)]);

describe('claim groups', () => {
  it('joins marks linked by same-claim across articles, through other marks, and keeps other claims apart', () => {
    const groups = claimGroups([
      mark('c2', 'a2', 'claim', [{ to: 'c1', rel: 'same-claim', article: 'a1' }]),
      mark('c1', 'a1', 'claim', [], 40),
      mark('d9', 'a3', 'disputed', [{ to: 'c2', rel: 'same-claim', article: 'a2' }]),
      mark('r1', 'a1', 'rebuttal', [{ to: 'c1', rel: 'rebuts' }]),
      mark('c7', 'a1', 'claim', [], 10),
    ]);
    // claims in the order of their first mark: c7 sits before c1 in article a1
    expect(ids(groups)).toEqual([
      ['c7', ['c7']],
      ['c1', ['c1', 'c2', 'd9']],
    ]);
  });

  it('is not a claim without a claim mark, and ignores links to marks that are gone', () => {
    const groups = claimGroups([
      mark('d1', 'a1', 'disputed', [{ to: 'd2', rel: 'same-claim' }]),
      mark('d2', 'a1', 'disputed'),
      mark('c1', 'a1', 'claim', [{ to: 'deleted', rel: 'same-claim' }]),
    ]);
    expect(ids(groups)).toEqual([['c1', ['c1']]]);
  });

  it('gives the same groups whatever the order of the marks (seeded)', () => {
    const random = prng(7);
    const marks = Array.from({ length: 40 }, (_, i) =>
      mark(`m${i}`, `a${i % 3}`, i % 4 ? 'claim' : 'disputed', random() < 0.5 ? [{ to: `m${Math.floor(random() * 40)}`, rel: 'same-claim' }] : [], i),
    );
    const expected = ids(claimGroups(marks));
    for (let trial = 0; trial < 20; trial++) {
      const shuffled = [...marks].sort(() => random() - 0.5);
      expect(ids(claimGroups(shuffled))).toEqual(expected);
    }
  });
});
