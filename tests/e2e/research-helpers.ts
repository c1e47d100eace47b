/**
 * Seeds the research tests' data where the app keeps its own: Yjs updates written into the
 * page's IndexedDB (y-indexeddb: database = document name, store `updates`), before a reload.
 * Two annotators' layers on the seed articles (with the roster entries that make them visible),
 * or many extra articles for a long export.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { targetFor } from '../../shared/anchor/selectors';
import { addArticle } from '../../shared/model/corpus';
import { addAnnotation } from '../../shared/model/layer';
import { rosterMap } from '../../shared/model/roster';
import { canonicalText } from '../../shared/text/canonical-text';
import { codePointIndex } from '../../shared/text/code-points';
import { storeUpdates } from '../support/indexeddb-seed';
import { CLAIM_000 } from './helpers';
export { storeUpdates };

export const SEED_000 = canonicalText(readFileSync('seeds/000_69c924cc0d086b21.txt', 'utf8'));

const update = (write: (doc: Y.Doc) => void): Uint8Array => {
  const doc = new Y.Doc();
  write(doc);
  return Y.encodeStateAsUpdate(doc);
};

/** A layer of `owner` on seed 000 marking each passage (first occurrence) with its kind. */
export function layerOn000(owner: string, name: string, marks: [kind: string, passage: string][]): Uint8Array {
  const index = codePointIndex(SEED_000);
  return update((doc) =>
    marks.forEach(([kind, passage], i) => {
      const at = [...SEED_000.slice(0, SEED_000.indexOf(passage))].length;
      if (SEED_000.indexOf(passage) < 0) throw new Error(`not in seed 000: ${passage}`);
      const now = new Date(Date.UTC(2026, 0, 5, 10, i)).toISOString();
      const author = { id: owner, name, color: '#0072B2' };
      addAnnotation(doc, { id: `${owner}${i}`, kind, target: targetFor(index, at, at + [...passage].length), note: '', author, created: now, modified: now, links: [], status: 'open' });
    }),
  );
}

export function rosterUpdate(people: Record<string, string>): Uint8Array {
  return update((doc) => Object.entries(people).forEach(([id, name]) => rosterMap(doc).set(id, { name, color: '#E69F00', role: 'student' })));
}

/** `count` extra articles of a few paragraphs each: their corpus entries and their texts. */
export function manyArticles(corpus: string, count: number): Record<string, Uint8Array> {
  const corpusDoc = new Y.Doc();
  const out: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) {
    const text = `Extra article ${i}\n\n${'Spotify says its success came from AI. Critics disagree. '.repeat(20)}`.trim();
    const textDoc = new Y.Doc();
    addArticle(corpusDoc, textDoc, { id: `x${i}`, title: `Extra article ${i}`, language: 'en', source: 'test', order: 100 + i }, text);
    out[`corpus/${corpus}/text/x${i}`] = Y.encodeStateAsUpdate(textDoc);
  }
  out[`corpus/${corpus}`] = Y.encodeStateAsUpdate(corpusDoc);
  return out;
}

export const TRIBUNE = 'Dans une tribune du 21 août, les patrons de Meta et de Spotify';

/** Alice marks a claim and a disputed passage in article 000, Bob the same claim; then the page reloads. */
export async function seedTwoAnnotators(page: Page): Promise<void> {
  await storeUpdates(page, {
    'corpus/sample': rosterUpdate({ alice: 'Alice', bob: 'Bob' }),
    'corpus/sample/layer/000/alice': layerOn000('alice', 'Alice', [['claim', CLAIM_000], ['disputed', TRIBUNE]]),
    'corpus/sample/layer/000/bob': layerOn000('bob', 'Bob', [['claim', CLAIM_000]]),
  });
  await page.reload();
}
