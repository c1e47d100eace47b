import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { targetFor } from '../../../shared/anchor/selectors';
import { addAnnotation, annotationsMap, deleteAnnotation, readLayer } from '../../../shared/model/layer';
import { checkUpdate } from '../../../electron/server/update-check';
import type { Annotation } from '../../../shared/model/record';
import { codePointIndex } from '../../../shared/text/code-points';
import { addReply, readDiscussion, setStatus, setVote } from '../../../shared/model/discussion';
import { carriedId, carryDiscussion, carryRecords } from '../../../shared/versions/carry';
import { readCarried, writeCarried } from '../../../shared/versions/carried-layer';
import { editedSeed, MARKED, NOTE, REWORDED, seedText } from './seed-edits';

const V1 = seedText();
const V2 = editedSeed(V1);

function mark(id: string, passage: string, links: Annotation['links'] = []): Annotation {
  const index = codePointIndex(V1);
  const at = V1.indexOf(passage);
  if (at < 0) throw new Error(`not in the seed: ${passage}`);
  return {
    id, kind: 'claim', note: `note ${id}`, links, status: 'open',
    target: targetFor(index, index.toCodePoint(at), index.toCodePoint(at + passage.length)),
    author: { id: 'ana', name: 'Ana', color: '#1f77b4' },
    created: '2026-01-01T10:00:00.000Z', modified: '2026-01-01T10:05:00.000Z',
  };
}

const RECORDS = Object.entries(MARKED).map(([status, passage]) => mark(status, passage));

describe('carrying marks to a hand-edited version of seed 003', () => {
  it('the edits are there: a note added, a sentence reworded, a paragraph removed', () => {
    expect(V2).toContain(NOTE);
    expect(V2).toContain(REWORDED.after);
    expect(V2).not.toContain(MARKED.orphan);
  });

  it('says which marks are exact, moved, fuzzy and orphaned, and places each where its words are', () => {
    const carried = carryRecords(RECORDS, '003', '003-v2', V2);
    expect(Object.fromEntries(carried.map((c) => [c.was, c.status]))).toEqual({ fuzzy: 'fuzzy', orphan: 'orphan', moved: 'moved', exact: 'exact' });
    const quote = (was: string) => carried.find((c) => c.was === was)!.record.target.exact;
    expect(quote('exact')).toBe(MARKED.exact);
    expect(quote('moved')).toBe(MARKED.moved);
    expect(quote('fuzzy')).toBe(REWORDED.after);
    const orphan = carried.find((c) => c.was === 'orphan')!.record;
    expect(orphan.detached).toBe(true);
    expect(orphan.target.exact).toBe(MARKED.orphan); // listed with the words it had
    for (const c of carried.filter((x) => x.status !== 'orphan')) {
      const index = codePointIndex(V2);
      expect(V2.slice(index.toUtf16(c.record.target.start), index.toUtf16(c.record.target.end))).toBe(c.record.target.exact);
    }
  });

  it('keeps note, kind, author and dates, and gives deterministic ids', () => {
    const [a, b] = [carryRecords(RECORDS, '003', '003-v2', V2), carryRecords(RECORDS, '003', '003-v2', V2)];
    expect(a).toEqual(b);
    const exact = a.find((c) => c.was === 'exact')!.record;
    expect(exact).toMatchObject({ id: carriedId('003-v2', 'exact'), note: 'note exact', kind: 'claim', created: RECORDS[3]!.created, modified: RECORDS[3]!.modified });
    expect(carriedId('003-v3', 'exact')).not.toBe(exact.id);
  });

  it('carries links between marks of the version to the carried marks, and keeps links to other articles', () => {
    const linked = mark('a', MARKED.exact, [{ to: 'moved', rel: 'rebuts' }, { to: 'x', rel: 'same-claim', article: '000' }, { to: 'y', rel: 'supports', article: '003' }]);
    const [c] = carryRecords([linked], '003', '003-v2', V2);
    expect(c!.record.links).toEqual([
      { to: carriedId('003-v2', 'moved'), rel: 'rebuts' },
      { to: 'x', rel: 'same-claim', article: '000' },
      { to: carriedId('003-v2', 'y'), rel: 'supports' },
    ]);
  });

  it('writes each mark once into the layer, even carried twice or deleted since, and the server accepts the layer', () => {
    const layer = new Y.Doc();
    const carried = carryRecords(RECORDS, '003', '003-v2', V2);
    let update: Uint8Array | null = null;
    layer.on('update', (u: Uint8Array) => (update ??= u));
    expect(writeCarried(layer, carried, '003')).toBe(4);
    // the class server's own check of a layer update (a scratch copy, the layer's shape)
    expect(checkUpdate(new Y.Doc(), 'corpus/c/layer/003-v2/ana', update!, { maxLayerBytes: 1e6, maxLayerItems: 1e5 })).toMatchObject({ ok: true });
    expect(readLayer(layer).annotations).toHaveLength(4);
    expect(readCarried(layer).map((e) => [e.was, e.status, e.from]).sort()).toEqual([['exact', 'exact', '003'], ['fuzzy', 'fuzzy', '003'], ['moved', 'moved', '003'], ['orphan', 'orphan', '003']]);
    deleteAnnotation(layer, carriedId('003-v2', 'moved'));
    expect(writeCarried(layer, carryRecords(RECORDS, '003', '003-v2', V2), '003')).toBe(0);
    expect(annotationsMap(layer).has(carriedId('003-v2', 'moved'))).toBe(false);
    addAnnotation(layer, mark('later', MARKED.exact));
    expect(writeCarried(layer, carryRecords([...RECORDS, mark('later', MARKED.exact)], '003', '003-v2', V2), '003')).toBe(1);
  });

  it('carries the author\'s replies, votes and statuses about the carried marks, once, and the server accepts them', () => {
    const old = new Y.Doc();
    const ana = RECORDS[0]!.author;
    addReply(old, { id: 'r1', about: 'moved', text: 'Which enemy?', author: ana, created: '2026-01-01T11:00:00.000Z' });
    setVote(old, { about: 'exact', value: 'disagree', author: ana, at: '2026-01-01T11:00:00.000Z' });
    setStatus(old, { about: 'fuzzy', status: 'resolved', author: ana, at: '2026-01-01T11:00:00.000Z' });
    const layer = new Y.Doc();
    let update: Uint8Array | null = null;
    layer.on('update', (u: Uint8Array) => (update ??= u));
    const talk = carryDiscussion(readDiscussion(old), '003-v2');
    expect(writeCarried(layer, carryRecords(RECORDS, '003', '003-v2', V2), '003', talk)).toBe(7);
    expect(checkUpdate(new Y.Doc(), 'corpus/c/layer/003-v2/ana', update!, { maxLayerBytes: 1e6, maxLayerItems: 1e5 })).toMatchObject({ ok: true });
    const read = readDiscussion(layer);
    expect(read.invalid).toBe(0);
    expect(read.replies).toEqual([{ id: carriedId('003-v2', 'r1'), about: carriedId('003-v2', 'moved'), text: 'Which enemy?', author: ana, created: '2026-01-01T11:00:00.000Z' }]);
    expect(read.votes.map((v) => [v.about, v.value])).toEqual([[carriedId('003-v2', 'exact'), 'disagree']]);
    expect(read.statuses.map((v) => [v.about, v.status])).toEqual([[carriedId('003-v2', 'fuzzy'), 'resolved']]);
    // the marks' list counts marks only; a vote withdrawn since is not carried again
    expect(readCarried(layer)).toHaveLength(4);
    setVote(layer, { about: carriedId('003-v2', 'exact'), value: null });
    expect(writeCarried(layer, [], '003', talk)).toBe(0);
    expect(readDiscussion(layer).votes).toEqual([]);
  });

  it('an orphan of the old version stays an orphan', () => {
    const [c] = carryRecords([{ ...mark('d', MARKED.exact), detached: true }], '003', '003-v2', V2);
    expect(c!.status).toBe('orphan');
  });
});

describe('the class server checks carried entries', () => {
  const check = (value: unknown) => {
    const doc = new Y.Doc();
    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => (update ??= u));
    doc.getMap('carried').set('r1', value);
    return checkUpdate(new Y.Doc(), 'corpus/c/layer/003-v2/ana', update!, { maxLayerBytes: 1e6, maxLayerItems: 1e5 });
  };
  it('refuses an entry of another shape, an unknown status or an extra field', () => {
    expect(check({ was: 'a', from: '003', status: 'exact' })).toMatchObject({ ok: true });
    expect(check({ was: 'a', from: '003', status: 'lost' })).toMatchObject({ ok: false, code: 'invalid-record' });
    expect(check({ was: 'a', from: '003', status: 'exact', note: 'x' })).toMatchObject({ ok: false, code: 'invalid-record' });
    expect(check('exact')).toMatchObject({ ok: false, code: 'invalid-record' });
  });
});
