import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation, readLayer, updateAnnotation } from '../../../shared/model/layer';
import type { Annotation } from '../../../shared/model/record';
import { remapKindAcross, revertRemap } from '../../../shared/model/tagset-edit';

function ann(id: string, kind: string): Annotation {
  const at = '2026-11-22T10:00:00.000Z';
  return { id, kind, target: { start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }, note: 'kept', author: { id: 'u', name: 'U', color: '#000000' }, created: at, modified: at, links: [], status: 'open' };
}

function layer(...records: Annotation[]): Y.Doc {
  const doc = new Y.Doc();
  for (const r of records) addAnnotation(doc, r);
  return doc;
}

const kinds = (doc: Y.Doc) => Object.fromEntries(readLayer(doc).annotations.map((a) => [a.id, a.kind]));
const NOW = new Date('2026-11-23T00:00:00Z');

describe('remapping a kind across the corpus', () => {
  it('changes the kind in every layer that has it, one transaction per layer, and says what changed', () => {
    const layers = new Map([
      ['000', layer(ann('a1', 'question'), ann('a2', 'claim'))],
      ['001', layer(ann('b1', 'question'), ann('b2', 'question'))],
      ['002', layer(ann('c1', 'claim'))],
    ]);
    let transactions = 0;
    for (const doc of layers.values()) doc.on('afterTransaction', () => transactions++);
    const changed = remapKindAcross(layers, 'question', 'disputed', NOW);
    expect(changed).toEqual(new Map([['000', ['a1']], ['001', ['b1', 'b2']]]));
    expect(transactions).toBe(2);
    expect(kinds(layers.get('000')!)).toEqual({ a1: 'disputed', a2: 'claim' });
    expect(kinds(layers.get('001')!)).toEqual({ b1: 'disputed', b2: 'disputed' });
    expect(kinds(layers.get('002')!)).toEqual({ c1: 'claim' });
    expect(readLayer(layers.get('001')!).annotations.every((a) => a.note === 'kept' && a.modified === NOW.toISOString())).toBe(true);
  });

  it('reverts exactly what it changed, leaving records changed since then and other records alone', () => {
    const layers = new Map([
      ['000', layer(ann('a1', 'question'), ann('a2', 'disputed'))],
      ['001', layer(ann('b1', 'question'), ann('b2', 'question'))],
    ]);
    const changed = remapKindAcross(layers, 'question', 'disputed', NOW);
    // meanwhile the user changed b2 by hand
    updateAnnotation(layers.get('001')!, 'b2', { kind: 'rebuttal' }, NOW);
    expect(revertRemap(layers, changed, 'question', 'disputed', NOW)).toBe(2);
    expect(kinds(layers.get('000')!)).toEqual({ a1: 'question', a2: 'disputed' });
    expect(kinds(layers.get('001')!)).toEqual({ b1: 'question', b2: 'rebuttal' });
  });
});
