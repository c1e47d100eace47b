import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GOLD_OWNER } from '../../../shared/model/doc-names';
import { readLayer } from '../../../shared/model/layer';
import { goldWriter } from '../../../renderer/store/gold-writer';
import { mark } from '../assessment/marks';

const me = { id: 'tina', name: 'Tina', color: '#0072b2' };
const now = () => new Date('2026-03-01T10:00:00.000Z');

describe('promoting marks into the gold layer', () => {
  it('copies the kind and span under a fresh id, as the gold, once', () => {
    const doc = new Y.Doc();
    const writer = goldWriter(doc, me, now);
    const claim = mark('s1', 'claim', 0, 20, [], 'the student’s note');
    const id = writer.promote(claim, [claim]);
    expect(id).not.toBe('s1');
    const [gold] = readLayer(doc).annotations;
    expect(gold).toMatchObject({ id, kind: 'claim', target: claim.target, note: '', author: { ...me, id: GOLD_OWNER }, links: [] });
    expect(writer.promote(claim, [claim])).toBe(id); // the same span and kind again: the same gold mark
    expect(readLayer(doc).annotations).toHaveLength(1);
  });

  it('keeps the links whose other end is in the gold, both ways', () => {
    const doc = new Y.Doc();
    const writer = goldWriter(doc, me, now);
    const claim = mark('c', 'claim', 0, 20);
    const rebuttal = mark('r', 'rebuttal', 30, 50, [{ to: 'c', rel: 'rebuts' }]);
    const evidence = mark('e', 'evidence', 60, 70, [{ to: 'c', rel: 'supports' }]);
    const all = [claim, rebuttal, evidence];
    writer.promote(evidence, all); // before its claim: no gold claim to point at yet
    const goldClaim = writer.promote(claim, all);
    const goldRebuttal = writer.promote(rebuttal, all);
    const byKind = new Map(readLayer(doc).annotations.map((a) => [a.kind, a]));
    expect(byKind.get('rebuttal')!.links).toEqual([{ to: goldClaim, rel: 'rebuts' }]);
    expect(byKind.get('evidence')!.links).toEqual([{ to: goldClaim, rel: 'supports' }]); // added when the claim came in
    expect(goldRebuttal).toBe(byKind.get('rebuttal')!.id);
  });

  it('undoes and redoes one promotion at a time, and writes the teacher’s explanation', () => {
    const doc = new Y.Doc();
    const writer = goldWriter(doc, me, now);
    const a = writer.promote(mark('a', 'claim', 0, 10), []);
    writer.promote(mark('b', 'question', 20, 30), []);
    expect(writer.undo()).toBe(true);
    expect(readLayer(doc).annotations.map((g) => g.id)).toEqual([a]);
    expect(writer.redo()).toBe(true);
    expect(readLayer(doc).annotations).toHaveLength(2);
    writer.explain(a, 'The thesis of the article.');
    expect(readLayer(doc).annotations.find((g) => g.id === a)!.note).toBe('The thesis of the article.');
    writer.remove(a);
    expect(readLayer(doc).annotations.map((g) => g.kind)).toEqual(['question']);
  });
});
