/**
 * The provenance of an imported page in the corpus (shared/model/page-source.ts) and who may
 * touch its saved page (corpus/<cid>/source/<aid>): written once per article, read back through
 * its schema, the teacher's to write and everyone's (in the corpus) to read, like the text.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { access } from '../../../electron/server/permissions';
import type { ImportedPage } from '../../../shared/formats/url-import';
import { sha256Hex } from '../../../shared/model/corpus';
import { parseDocName, sourceDocName } from '../../../shared/model/doc-names';
import { keepPageSource, pageSnapshot, readPageSource, SOURCES_KEY } from '../../../shared/model/page-source';

const page: ImportedPage = {
  url: 'https://news.example/a', finalUrl: 'https://news.example/articles/a', retrieved: '2026-12-05T01:02:03.000Z',
  contentType: 'text/html; charset=utf-8', title: 'A', byline: '', siteName: '', text: 'Text.', html: '<html><p>Text. café</p></html>',
};

describe('page provenance in the corpus', () => {
  it('keeps the address, retrieval time and a checkable snapshot; a second import of the same text changes nothing', () => {
    const corpus = new Y.Doc();
    const source = new Y.Doc();
    keepPageSource(corpus, source, 'a1', page);
    expect(readPageSource(corpus, 'a1')).toEqual({
      url: page.url, finalUrl: page.finalUrl, retrieved: page.retrieved, contentType: page.contentType,
      bytes: new TextEncoder().encode(page.html).byteLength, sha256: sha256Hex(page.html),
    });
    expect(pageSnapshot(source)).toBe(page.html);
    keepPageSource(corpus, source, 'a1', { ...page, retrieved: '2027-01-01T00:00:00.000Z', html: '<html>later</html>' });
    expect(readPageSource(corpus, 'a1')?.retrieved).toBe(page.retrieved);
    expect(pageSnapshot(source)).toBe(page.html);
  });

  it('a malformed entry reads as no provenance', () => {
    const corpus = new Y.Doc();
    corpus.getMap(SOURCES_KEY).set('a1', { url: 'javascript:alert(1)', retrieved: 'yesterday' });
    expect(readPageSource(corpus, 'a1')).toBeUndefined();
  });
});

describe('the saved page document', () => {
  const name = sourceDocName('c1', 'a1');
  it('is named and parsed in doc-names.ts', () => {
    expect(name).toBe('corpus/c1/source/a1');
    expect(parseDocName(name)).toEqual({ kind: 'source', corpus: 'c1', article: 'a1' });
    expect(() => sourceDocName('c1', '../a1')).toThrow();
  });

  it.each([
    [{ role: 'teacher', user: 'tina', corpus: 'c1' }, 'write'],
    [{ role: 'student', user: 'ana', corpus: 'c1' }, 'read'],
    [{ role: 'observer', user: 'wall', corpus: 'c1' }, 'read'],
    [{ role: 'teacher', user: 'tina', corpus: 'c2' }, 'deny'],
  ] as const)('%o may %s it', (claims, expected) => {
    expect(access(claims, name)).toBe(expected);
  });

  it('students cannot make the server open one for an article the corpus does not have', () => {
    expect(access({ role: 'student', user: 'ana', corpus: 'c1' }, sourceDocName('c1', 'invented'), { blind: false, articles: new Set(['a1']) })).toBe('deny');
  });
});
