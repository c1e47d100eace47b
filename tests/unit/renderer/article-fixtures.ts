/**
 * In-memory pieces for the article state tests: a text, layer documents with records at given
 * passages, and an author per user. No browser, no IndexedDB: plain Yjs documents.
 */
import * as Y from 'yjs';
import { targetFor } from '../../../shared/anchor/selectors';
import { addArticle } from '../../../shared/model/corpus';
import { corpusDocName, textDocName } from '../../../shared/model/doc-names';
import { addAnnotation } from '../../../shared/model/layer';
import type { Annotation, Author } from '../../../shared/model/record';
import { codePointIndex } from '../../../shared/text/code-points';

export const TEXT = 'Le ministre affirme que le chômage a baissé 😀. Les chiffres de l’INSEE disent le contraire. Le chômage a baissé, répète-t-il.';

export const author = (id: string): Author => ({ id, name: id.toUpperCase(), color: '#0072B2' });

/** A record marking the first occurrence of `passage` in `text` (or the `nth` one). */
export function recordAt(id: string, owner: string, passage: string, text = TEXT, kind = 'claim', nth = 0): Annotation {
  const index = codePointIndex(text);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(passage, at + 1);
  if (at < 0) throw new Error(`not in the text: ${passage}`);
  const target = targetFor(index, index.toCodePoint(at), index.toCodePoint(at + passage.length));
  const now = new Date(Date.UTC(2026, 10, 29, 10, 0, 0)).toISOString();
  return { id, kind, target, note: '', author: author(owner), created: now, modified: now, links: [], status: 'open' };
}

/** A layer document holding `records`, written as a remote peer would (not the LOCAL origin). */
export function layerWith(...records: Annotation[]): Y.Doc {
  const doc = new Y.Doc();
  for (const r of records) addAnnotation(doc, r, 'remote');
  return doc;
}

/** The documents of corpus `c` holding the one article `a1` (TEXT), by name: more layers are added by the test. */
export function oneArticle(): { docs: Map<string, Y.Doc>; corpusDoc: Y.Doc } {
  const corpusDoc = new Y.Doc();
  const textDoc = new Y.Doc();
  addArticle(corpusDoc, textDoc, { id: 'a1', title: 'Le chômage', language: 'fr', source: 'test', order: 0 }, TEXT);
  const docs = new Map([[corpusDocName('c'), corpusDoc], [textDocName('c', 'a1'), textDoc]]);
  return { docs, corpusDoc };
}
