import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readTagset } from '../../../shared/model/corpus';
import { addAnnotation, readLayer } from '../../../shared/model/layer';
import type { Annotation } from '../../../shared/model/record';
import { DEFAULT_TAGSET, type Tagset } from '../../../shared/model/tagset';
import { checkTagset, remapKind, unknownKinds, writeTagset } from '../../../shared/model/tagset-edit';

function ann(id: string, kind: string): Annotation {
  const at = '2026-11-22T10:00:00.000Z';
  return { id, kind, target: { start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }, note: 'kept', author: { id: 'u', name: 'U', color: '#000000' }, created: at, modified: at, links: [], status: 'open' };
}

const withoutQuestion: Tagset = { ...DEFAULT_TAGSET, kinds: DEFAULT_TAGSET.kinds.filter((k) => k.key !== 'question') };

describe('tagset editing', () => {
  it('writes a valid tagset to the corpus settings and reads it back', () => {
    const corpus = new Y.Doc();
    expect(writeTagset(corpus, withoutQuestion).ok).toBe(true);
    expect(readTagset(corpus)).toEqual(withoutQuestion);
  });

  it('refuses duplicate shortcuts, keys and relations, and schema errors, leaving the corpus as it was', () => {
    const corpus = new Y.Doc();
    const clash = { ...DEFAULT_TAGSET, kinds: DEFAULT_TAGSET.kinds.map((k) => (k.key === 'question' ? { ...k, shortcut: '1' } : k)) };
    expect(writeTagset(corpus, clash)).toEqual({ ok: false, error: [{ code: 'duplicate-shortcut', value: '1' }] });
    const twice = { ...DEFAULT_TAGSET, relations: [...DEFAULT_TAGSET.relations, DEFAULT_TAGSET.relations[0]!] };
    expect(checkTagset(twice)).toEqual({ ok: false, error: [{ code: 'duplicate-relation', value: 'rebuts' }] });
    const badColour = { ...DEFAULT_TAGSET, kinds: [{ ...DEFAULT_TAGSET.kinds[0]!, color: 'blue' }] };
    const result = checkTagset(badColour);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error[0]).toMatchObject({ code: 'invalid', path: 'kinds.0.color' });
    expect(readTagset(corpus)).toEqual(DEFAULT_TAGSET);
  });

  it('never loses annotations when a kind is removed: they are reported unknown and can be remapped', () => {
    const layer = new Y.Doc();
    addAnnotation(layer, ann('q1', 'question'));
    addAnnotation(layer, ann('q2', 'question'));
    addAnnotation(layer, ann('c1', 'claim'));
    const kinds = readLayer(layer).annotations.map((a) => a.kind);
    expect(unknownKinds(withoutQuestion, kinds)).toEqual(new Map([['question', 2]]));
    expect(remapKind(layer, 'question', 'disputed', new Date('2026-11-23T00:00:00Z'))).toBe(2);
    const after = readLayer(layer).annotations;
    expect(after.map((a) => a.kind).sort()).toEqual(['claim', 'disputed', 'disputed']);
    expect(after.every((a) => a.note === 'kept')).toBe(true);
  });
});
