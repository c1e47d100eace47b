import { describe, expect, it } from 'vitest';
import { contextFit } from '../../../shared/anchor/context-score';
import { resolveTarget } from '../../../shared/anchor/resolve';
import { targetFor, type TextTarget } from '../../../shared/anchor/selectors';
import { snapToBoundaries } from '../../../shared/anchor/snap';
import { codePointIndex } from '../../../shared/text/code-points';

/** The target of the `nth` occurrence of `passage` in `text`. */
function targetOf(text: string, passage: string, nth = 0): TextTarget {
  const index = codePointIndex(text);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(passage, at + 1);
  if (at < 0) throw new Error(`not found: ${passage}`);
  return targetFor(index, index.toCodePoint(at), index.toCodePoint(at + passage.length));
}

/** What a resolution covers in `text`, read by code points (never UTF-16 units). */
function found(text: string, target: TextTarget): { status: string; quote?: string; start?: number } {
  const r = resolveTarget(codePointIndex(text), target);
  if (r.status === 'orphan') return { status: r.status };
  return { status: r.status, quote: Array.from(text).slice(r.start, r.end).join(''), start: r.start };
}

const codePointsBefore = (text: string, utf16: number) => Array.from(text.slice(0, utf16)).length;

const ARTICLE = '😀 Selon l’INSEE, le chômage a baissé de 2 % cette année. Le ministre s’en félicite. Dans l’industrie, l’emploi a baissé aussi.';

describe('a short quote away from its position', () => {
  it('does not jump to another occurrence when the sentence it was in is deleted', () => {
    // the old scoring took the other "baissé" (in another sentence) as the same passage
    const target = targetOf(ARTICLE, 'baissé');
    const edited = ARTICLE.replace('Selon l’INSEE, le chômage a baissé de 2 % cette année. ', '');
    expect(edited).toContain('baissé');
    expect(found(edited, target)).toEqual({ status: 'orphan' });
  });

  it('follows its sentence when the sentence moves, counting code points past emoji', () => {
    const target = targetOf(ARTICLE, 'baissé', 1);
    const edited = '🚀🚀 Mise à jour. ' + ARTICLE;
    const result = found(edited, target);
    expect(result).toMatchObject({ status: 'moved', quote: 'baissé' });
    expect(result.start).toBe(codePointsBefore(edited, edited.lastIndexOf('baissé')));
  });

  it('chooses, among several occurrences, the one whose context fits', () => {
    const text = 'Le chômage a baissé. Rien n’a baissé ailleurs. Le chômage a baissé, répète-t-il.';
    const target = targetOf(text, 'baissé', 2);
    const edited = 'Note. ' + text;
    expect(found(edited, target)).toMatchObject({ status: 'moved', start: codePointsBefore(edited, edited.lastIndexOf('baissé')) });
  });
});

describe('context scored by edit distance', () => {
  it('costs one changed character next to the quote one edit, not the whole context', () => {
    const prefix = 'Selon l’INSEE, le chômage a ';
    const fit = contextFit('Selon l’INSEE, le chômage a\u00a0baissé de 2 %', { prefix, suffix: ' de 2 %' }, prefix.length, prefix.length + 'baissé'.length);
    expect(fit.prefix).toBeCloseTo(1 - 1 / prefix.length, 5);
    expect(fit.suffix).toBe(1);
  });

  it('keeps a short quote whose neighbouring spaces both became non-breaking', () => {
    const target = targetOf(ARTICLE, 'baissé');
    const edited = 'Mise à jour. ' + ARTICLE.replace('chômage a baissé de', 'chômage a\u00a0baissé\u00a0de');
    expect(found(edited, target)).toMatchObject({ status: 'moved', quote: 'baissé' });
  });
});

describe('fuzzy matches snap to words and quote marks', () => {
  it('find “café” for “cafe”, not “caf”', () => {
    const target = targetOf('😀 Il a bu un cafe, puis', 'cafe');
    const edited = '😀 Il a bu un café; puis';
    expect(found(edited, target)).toMatchObject({ status: 'fuzzy', quote: 'café', start: 13 });
    expect(found('un café', targetOf('un cafe', 'cafe'))).toMatchObject({ status: 'fuzzy', quote: 'café' });
    // the search alone may stop at "caf": the snap takes the é
    const at = edited.indexOf('caf');
    expect(snapToBoundaries(edited, target, at, at + 3)).toEqual({ start: at, end: at + 4 });
  });

  it('never split a letter from its combining accent', () => {
    const target = targetOf('Il a bu un café sucré.', 'café');
    const edited = 'Il a bu un cafe\u0301 sucré.';
    expect(found(edited, target)).toMatchObject({ status: 'fuzzy', quote: 'cafe\u0301' });
  });

  it('keep the closing quote mark when punctuation was added before it', () => {
    const target = targetOf('Il a dit “le chômage a baissé”', '“le chômage a baissé”');
    expect(found('🙂 Il a dit “le chômage a baissé.”', target)).toMatchObject({ status: 'fuzzy', quote: '“le chômage a baissé.”' });
    const exclaimed = '🙂 Il a dit “le chômage a baissé !”';
    expect(found(exclaimed, target)).toMatchObject({ status: 'fuzzy', quote: '“le chômage a baissé !”' });
    const at = exclaimed.indexOf('“');
    expect(snapToBoundaries(exclaimed, target, at, exclaimed.indexOf(' !'))).toEqual({ start: at, end: exclaimed.length });
  });

  it('take an opening quote mark the match left out, and leave cut words the quote cut itself', () => {
    const quoted = { exact: '« le chômage', prefix: 'dit ', suffix: ' a baissé' };
    const text = 'Il dit «\u00a0le chômage a baissé';
    const at = text.indexOf('le');
    expect(snapToBoundaries(text, quoted, at, at + 'le chômage'.length).start).toBe(text.indexOf('«'));
    const inside = { exact: 'ômag', prefix: 'le ch', suffix: 'e a' };
    const s = text.indexOf('ômag');
    expect(snapToBoundaries(text, inside, s, s + 4)).toEqual({ start: s, end: s + 4 });
  });
});
