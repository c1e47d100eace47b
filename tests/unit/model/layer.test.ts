import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation, annotationsMap, deleteAnnotation, layerReader, readLayer, updateAnnotation } from '../../../shared/model/layer';
import { newId, type Annotation } from '../../../shared/model/record';
import { prng } from '../../support/prng';

const author = { id: 'u1', name: 'Alice', color: '#0072B2' };

function record(id: string, overrides: Partial<Annotation> = {}): Annotation {
  return {
    id,
    kind: 'claim',
    target: { start: 3, end: 9, exact: 'Spotify', prefix: '', suffix: '' },
    note: '',
    author,
    created: '2026-11-22T10:00:00.000Z',
    modified: '2026-11-22T10:00:00.000Z',
    links: [],
    status: 'open',
    ...overrides,
  };
}

describe('layer records', () => {
  it('adds, edits and deletes a record', () => {
    const doc = new Y.Doc();
    addAnnotation(doc, record('a1'));
    expect(readLayer(doc).annotations).toEqual([record('a1')]);
    updateAnnotation(doc, 'a1', { note: 'Source ?', kind: 'disputed' }, new Date('2026-11-22T11:00:00Z'));
    const [edited] = readLayer(doc).annotations;
    expect(edited).toMatchObject({ note: 'Source ?', kind: 'disputed', modified: '2026-11-22T11:00:00.000Z', created: '2026-11-22T10:00:00.000Z' });
    expect(deleteAnnotation(doc, 'a1')).toBe(true);
    expect(readLayer(doc).annotations).toEqual([]);
  });

  it('skips and reports a malformed record from the network, keeping the others', () => {
    const sender = new Y.Doc();
    addAnnotation(sender, record('good'));
    sender.transact(() => {
      const bad = new Y.Map<unknown>();
      bad.set('kind', 'claim');
      bad.set('target', { start: 9, end: 2, exact: '' });
      annotationsMap(sender).set('bad', bad);
    });
    const receiver = new Y.Doc();
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(sender));
    const read = readLayer(receiver);
    expect(read.annotations.map((a) => a.id)).toEqual(['good']);
    expect(read.invalid).toHaveLength(1);
    expect(read.invalid[0]!.id).toBe('bad');
  });

  it('refuses to write an invalid record', () => {
    const doc = new Y.Doc();
    expect(() => addAnnotation(doc, record('x', { kind: '' }))).toThrow();
    expect(annotationsMap(doc).size).toBe(0);
  });

  it('makes ids from the injected random source', () => {
    expect(newId(prng(7))).toBe(newId(prng(7)));
    expect(newId(prng(7))).not.toBe(newId(prng(8)));
    expect(newId(prng(1))).toMatch(/^[a-z0-9]{16}$/);
  });
});

describe('layer reader', () => {
  it('sees every change, local and remote, while validating each record only when it changes', () => {
    const doc = new Y.Doc();
    const reader = layerReader(doc);
    addAnnotation(doc, record('a1'));
    addAnnotation(doc, record('a2'));
    const first = reader.read();
    expect(first.annotations.map((a) => a.id).sort()).toEqual(['a1', 'a2']);
    updateAnnotation(doc, 'a1', { note: 'changed' }, new Date('2026-11-22T12:00:00Z'));
    const second = reader.read();
    const a1 = second.annotations.find((a) => a.id === 'a1')!;
    const a2 = second.annotations.find((a) => a.id === 'a2')!;
    expect(a1.note).toBe('changed');
    expect(a2).toBe(first.annotations.find((a) => a.id === 'a2')); // unchanged record reused
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    deleteAnnotation(remote, 'a2');
    updateAnnotation(remote, 'a1', { kind: 'rebuttal' }, new Date('2026-11-22T13:00:00Z'));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    expect(reader.read().annotations).toEqual([expect.objectContaining({ id: 'a1', kind: 'rebuttal', note: 'changed' })]);
    reader.destroy();
  });
});
