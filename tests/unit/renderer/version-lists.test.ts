/**
 * Versions in the lists that name articles: the claim registry's places, the link picker's
 * candidates and the assignment editor's articles (renderer/store/version-titles.ts and
 * article-derived.ts). An article with versions is one article there, titled with its version.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model/corpus';
import { carriedId } from '../../../shared/versions/carry';
import { initI18n } from '../../../renderer/i18n/i18n';
import { linkCandidates } from '../../../renderer/store/article-derived';
import type { Placed } from '../../../renderer/store/placed-annotations';
import { newestFirst, versionTitles } from '../../../renderer/store/version-titles';
import { recordAt } from './article-fixtures';

const article = (id: string, order: number, more: Partial<Article> = {}): Article => ({ id, title: `Title ${id}`, language: 'fr', source: `https://news.example/${id}`, hash: '0'.repeat(64), order, ...more });
// "a" has two versions (a, a-v2); "b" has none
const ARTICLES = [article('a', 0), article('b', 1), article('a-v2', 2, { title: 'Title a, edited', versionOf: 'a', version: 2 })];

describe('article titles in lists, with their version', () => {
  // the version part is one word for line breaking (no-break spaces): "(v2 sur" never ends a line above "2)"
  it('name each version of an article with versions, in the interface language, and leave the others plain', async () => {
    const en = versionTitles(ARTICLES, await initI18n(i18next.createInstance(), 'en'));
    expect(Object.fromEntries(en)).toEqual({ a: 'Title a (v1\u00a0of\u00a02)', 'a-v2': 'Title a, edited (v2\u00a0of\u00a02)', b: 'Title b' });
    const fr = versionTitles(ARTICLES, await initI18n(i18next.createInstance(), 'fr'));
    expect(fr.get('a-v2')).toBe('Title a, edited (v2\u00a0sur\u00a02)');
  });

  it('offer an article once in the assignment editor, as its newest version, in library order', () => {
    expect(newestFirst(ARTICLES).newest.map((a) => a.id)).toEqual(['a-v2', 'b']);
    expect(newestFirst(ARTICLES).older.map((a) => a.id)).toEqual(['a']);
  });
});

describe('the link picker’s candidates', () => {
  const placed = (id: string, passage: string): Placed => ({ annotation: recordAt(id, 'ana', passage), owner: 'ana', mine: true, start: 0, end: 1, anchor: 'exact' });
  const located = (id: string, article: string, passage: string) => ({ annotation: recordAt(id, 'bob', passage), article });
  // bob marked m1 and m2 in version 1 of "a"; m1 was carried to version 2, m2 was not (orphaned)
  const elsewhere = [located('m1', 'a', 'Le ministre'), located('m2', 'a', 'INSEE'), located(carriedId('a-v2', 'm1'), 'a-v2', 'Le ministre')];

  it('list a carried mark once, as its copy in the newest version, named by its version; a mark not carried stays, named as version 1', () => {
    const list = linkCandidates('b', 'own', [placed('own', 'répète'), placed('b1', 'chiffres')], elsewhere, ARTICLES);
    expect(list.map((c) => [c.id, c.articleTitle, c.articleVersion])).toEqual([
      ['b1', undefined, undefined],
      ['m2', 'Title a', { version: 1, count: 2 }],
      [carriedId('a-v2', 'm1'), 'Title a, edited', { version: 2, count: 2 }],
    ]);
  });

  it('list the open article’s own marks even in an older version, and leave out the older copies of those carried into the open version', () => {
    const inV1 = linkCandidates('a', 'm2', [placed('m1', 'Le ministre'), placed('m2', 'INSEE')], elsewhere, ARTICLES).map((c) => c.id);
    expect(inV1).toEqual(['m1', carriedId('a-v2', 'm1')]);
    const inV2 = linkCandidates('a-v2', 'none', [placed(carriedId('a-v2', 'm1'), 'Le ministre')], elsewhere, ARTICLES).map((c) => c.id);
    expect(inV2).toEqual([carriedId('a-v2', 'm1'), 'm2']);
  });
});
