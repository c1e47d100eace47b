import { describe, expect, it } from 'vitest';
import { indexLinks, isKnownRelation, relationLabel, withLink, withoutLink } from '../../../shared/model/relations';
import type { Annotation } from '../../../shared/model/record';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';

function ann(id: string, links: Annotation['links'] = []): Annotation {
  const at = '2026-11-22T10:00:00.000Z';
  return { id, kind: 'claim', target: { start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }, note: '', author: { id: 'u', name: 'U', color: '#000000' }, created: at, modified: at, links, status: 'open' };
}

describe('relations', () => {
  it('adds a link once per target and relation, and removes it', () => {
    const one = withLink([], { to: 'b', rel: 'rebuts' });
    expect(withLink(one, { to: 'b', rel: 'rebuts' })).toBe(one);
    const two = withLink(one, { to: 'b', rel: 'supports' });
    expect(two).toHaveLength(2);
    expect(withoutLink(two, 'b', 'rebuts')).toEqual([{ to: 'b', rel: 'supports' }]);
  });

  it('indexes links both ways, across articles', () => {
    const index = indexLinks([
      { annotation: ann('r', [{ to: 'c', rel: 'rebuts' }, { to: 'x', rel: 'same-claim', article: '003' }]), article: '004' },
      { annotation: ann('c'), article: '004' },
    ]);
    expect(index.get('r')).toEqual([
      { id: 'c', rel: 'rebuts', article: '004', direction: 'out' },
      { id: 'x', rel: 'same-claim', article: '003', direction: 'out' },
    ]);
    expect(index.get('c')).toEqual([{ id: 'r', rel: 'rebuts', article: '004', direction: 'in' }]);
    expect(index.get('x')).toEqual([{ id: 'r', rel: 'same-claim', article: '004', direction: 'in' }]);
  });

  it('names relation types from the tagset and tells unknown ones', () => {
    expect(relationLabel(DEFAULT_TAGSET, 'rebuts', 'fr')).toBe('réfute');
    expect(isKnownRelation(DEFAULT_TAGSET, 'same-claim')).toBe(true);
    expect(isKnownRelation(DEFAULT_TAGSET, 'contradicts')).toBe(false);
    expect(relationLabel(DEFAULT_TAGSET, 'contradicts', 'en')).toBeUndefined();
  });
});
