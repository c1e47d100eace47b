import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readFileSync } from 'node:fs';
import { addArticle, articleText, listArticles, sha256Hex } from '../../../shared/model/corpus';
import { canonicalText } from '../../../shared/text/canonical-text';

const text = canonicalText(readFileSync('seeds/003_5fdadf6e0c9376cb.txt', 'utf8'));
const entry = { id: '003', title: 'Meta and Spotify', language: 'en', source: 'sample', order: 3 };

describe('adding articles', () => {
  it('stores the canonical text and its hash', () => {
    const corpus = new Y.Doc();
    const body = new Y.Doc();
    const article = addArticle(corpus, body, entry, text);
    expect(articleText(body).toString()).toBe(text);
    expect(article.hash).toBe(sha256Hex(text));
    expect(listArticles(corpus)).toEqual([article]);
  });

  it('never duplicates the text when two peers add the same article concurrently', () => {
    const peers = [0, 1].map(() => ({ corpus: new Y.Doc(), body: new Y.Doc() }));
    for (const p of peers) addArticle(p.corpus, p.body, entry, text);
    // exchange everything both ways, as a sync would
    Y.applyUpdate(peers[0]!.body, Y.encodeStateAsUpdate(peers[1]!.body));
    Y.applyUpdate(peers[1]!.body, Y.encodeStateAsUpdate(peers[0]!.body));
    Y.applyUpdate(peers[0]!.corpus, Y.encodeStateAsUpdate(peers[1]!.corpus));
    for (const p of peers) {
      expect(articleText(p.body).toString()).toBe(text);
      expect(listArticles(p.corpus)).toHaveLength(1);
    }
  });

  it('is idempotent when repeated on one peer', () => {
    const corpus = new Y.Doc();
    const body = new Y.Doc();
    addArticle(corpus, body, entry, text);
    addArticle(corpus, body, entry, text);
    expect(articleText(body).toString()).toBe(text);
  });

  it('refuses a different text under an id that already has one', () => {
    const corpus = new Y.Doc();
    const body = new Y.Doc();
    addArticle(corpus, body, entry, text);
    expect(() => addArticle(corpus, body, entry, text + ' (edited)')).toThrow(/different text/);
    expect(articleText(body).toString()).toBe(text);
  });
});
