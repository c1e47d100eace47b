import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model/corpus';
import { familyOf, planImport, previousVersion, versionFamilies } from '../../../shared/versions/version-plan';

const h = (c: string) => c.repeat(64);
const art = (id: string, order: number, more: Partial<Article> = {}): Article => ({ id, title: id, language: 'en', source: `${id}.txt`, hash: h('a'), order, ...more });

describe('importing a file again', () => {
  const v1 = art('003', 0, { source: '003.txt', hash: h('1') });
  const v2 = art('003-v2', 1, { source: '003.txt', hash: h('2'), versionOf: '003', version: 2 });
  const other = art('other', 2, { hash: h('9') });

  it('with a changed text from the same source is version n + 1 of the newest version', () => {
    expect(planImport([v1, other], { id: '003', source: '003.txt', hash: h('2'), versioned: true })).toEqual({ kind: 'version', id: '003-v2', versionOf: '003', version: 2 });
    expect(planImport([v1, v2, other], { id: '003', source: '003.txt', hash: h('3'), versioned: true })).toEqual({ kind: 'version', id: '003-v3', versionOf: '003-v2', version: 3 });
  });

  it('with a text the family holds opens that version and adds nothing', () => {
    expect(planImport([v1, v2], { id: '003', source: '003.txt', hash: h('1'), versioned: true })).toEqual({ kind: 'held', id: '003' });
    expect(planImport([v1, v2], { id: '003', source: '003.txt', hash: h('2'), versioned: true })).toEqual({ kind: 'held', id: '003-v2' });
  });

  it('a paste, or another source, is a new article (a suffixed id when the id is taken)', () => {
    expect(planImport([v1], { id: '003', source: '003.txt', hash: h('2'), versioned: false })).toEqual({ kind: 'new', id: `003-${h('2').slice(0, 8)}` });
    expect(planImport([v1], { id: 'fresh', source: 'fresh.txt', hash: h('2'), versioned: true })).toEqual({ kind: 'new', id: 'fresh' });
    expect(planImport([v1], { id: 'x', source: '  ', hash: h('2'), versioned: true })).toEqual({ kind: 'new', id: 'x' });
  });

  it('a version id already taken by another text gets a suffix', () => {
    const squatter = art('003-v2', 5, { source: 'elsewhere', hash: h('7') });
    expect(planImport([v1, squatter], { id: '003', source: '003.txt', hash: h('2'), versioned: true })).toEqual({ kind: 'version', id: `003-v2-${h('2').slice(0, 8)}`, versionOf: '003', version: 2 });
  });
});

describe('families in the library', () => {
  it('groups versions oldest first, in library order', () => {
    const v1 = art('a', 0);
    const v2 = art('a-v2', 3, { versionOf: 'a', version: 2 });
    const v3 = art('a-v3', 4, { versionOf: 'a-v2', version: 3 });
    const b = art('b', 1);
    expect(versionFamilies([v3, b, v1, v2]).map((f) => f.map((a) => a.id))).toEqual([['a', 'a-v2', 'a-v3'], ['b']]);
    expect(familyOf([v3, b, v1, v2], 'a-v2').map((a) => a.id)).toEqual(['a', 'a-v2', 'a-v3']);
    expect(previousVersion([v3, b, v1, v2], 'a-v3')?.id).toBe('a-v2');
  });

  it('a broken link from a peer (no such article, wrong number, a loop) leaves the entry on its own', () => {
    const a = art('a', 0, { versionOf: 'c', version: 2 });
    const c = art('c', 1, { versionOf: 'a', version: 2 });
    const lost = art('lost', 2, { versionOf: 'nowhere', version: 2 });
    const skip = art('skip', 3, { versionOf: 'lost', version: 4 });
    expect(versionFamilies([a, c, lost, skip]).map((f) => f.map((x) => x.id))).toEqual([['a'], ['c'], ['lost'], ['skip']]);
    expect(previousVersion([a, c], 'a')).toBeUndefined();
  });
});
