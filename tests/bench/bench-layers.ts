/**
 * The data of the many-authors benchmarks, built once from seed 000 and a fixed random seed:
 * a class of `authors` people (the bench user is the teacher, the others students) each with
 * `each` annotations in their own layer document, the corpus roster that makes those layers
 * visible, one more classmate's mark for the remote figure, and the same annotations as W3C Web
 * Annotations (the app's own exporter) for Recogito's text annotator.
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { targetFor } from '../../shared/anchor/selectors';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import { irisFor } from '../../shared/formats/iri';
import { w3cAnnotations } from '../../shared/formats/w3c-export';
import { addAnnotation } from '../../shared/model/layer';
import type { Annotation, Author } from '../../shared/model/record';
import { recordMember } from '../../shared/model/roster';
import { DEFAULT_TAGSET } from '../../shared/model/tagset';
import { canonicalText, paragraphs } from '../../shared/text/canonical-text';
import { codePointIndex, type CodePointIndex } from '../../shared/text/code-points';
import { prng } from '../support/prng';

export const SEED_TEXT = canonicalText(readFileSync('seeds/000_69c924cc0d086b21.txt', 'utf8'));
export const CORPUS = 'sample';
export const ARTICLE = '000';

export const authorOf = (i: number): Author => ({ id: `author${String(i).padStart(2, '0')}`, name: `Author ${i}`, color: '#0072B2' });

/** A random record of `author` on the seed (spans of 5 to 155 code points, kinds in turn). */
export function randomRecord(index: CodePointIndex, random: () => number, author: Author, n: number): Annotation {
  const start = Math.floor(random() * (index.length - 200));
  const end = start + 5 + Math.floor(random() * 150);
  const now = new Date(Date.UTC(2026, 10, 22, 10, 0, n % 60)).toISOString();
  const kind = DEFAULT_TAGSET.kinds[n % DEFAULT_TAGSET.kinds.length]!.key;
  return { id: `${author.id}n${n}`, kind, target: targetFor(index, start, end), note: '', author, created: now, modified: now, links: [], status: 'open' };
}

export interface ClassLayers {
  /** IndexedDB updates by document name: the roster and every author's layer */
  updates: Record<string, Uint8Array>;
  records: { owner: string; annotation: Annotation }[];
}

export function classLayers(authors: number, each: number, seed = 900): ClassLayers {
  const index = codePointIndex(SEED_TEXT);
  const random = prng(seed);
  const corpus = new Y.Doc();
  const updates: Record<string, Uint8Array> = {};
  const records: ClassLayers['records'] = [];
  for (let a = 0; a < authors; a++) {
    const author = authorOf(a);
    recordMember(corpus, author.id, { name: author.name, color: author.color, role: a === 0 ? 'teacher' : 'student' });
    const layer = new Y.Doc();
    for (let n = 0; n < each; n++) {
      const annotation = randomRecord(index, random, author, n);
      addAnnotation(layer, annotation);
      records.push({ owner: author.id, annotation });
    }
    updates[layerDocName(CORPUS, ARTICLE, author.id)] = Y.encodeStateAsUpdate(layer);
  }
  updates[corpusDocName(CORPUS)] = Y.encodeStateAsUpdate(corpus);
  return { updates, records };
}

/**
 * The records as W3C annotations, as the app exports them, with each TextPositionSelector moved
 * from code points in the canonical text to what Recogito counts: UTF-16 units in the text of
 * the paragraphs, one after the other (no line breaks between them).
 */
export function asW3cForRecogito(records: ClassLayers['records']): unknown[] {
  const index = codePointIndex(SEED_TEXT);
  const paras = paragraphs(SEED_TEXT);
  const joined = (cp: number) => {
    const u = index.toUtf16(cp);
    let before = 0;
    for (const p of paras) {
      if (u < p.start) break;
      if (u <= p.end) return before + (u - p.start);
      before += p.end - p.start;
    }
    return before;
  };
  const iris = irisFor(CORPUS);
  return records.map(({ owner, annotation }) => {
    const [main] = w3cAnnotations(iris, ARTICLE, owner, annotation);
    const target = main!.target as { source: string; selector: Record<string, unknown>[] };
    const selector = target.selector.map((s) => (s.type === 'TextPositionSelector' ? { ...s, start: joined(annotation.target.start), end: joined(annotation.target.end) } : s));
    return { ...main, target: { ...target, selector } };
  });
}

export const paragraphTexts = (): string[] => paragraphs(SEED_TEXT).map((p) => SEED_TEXT.slice(p.start, p.end));
