/**
 * What else goes to a new version: the teacher's gold layer and its curation decisions (carried by
 * the teacher's app, accepted by the server), and links made to a mark from another article,
 * which are followed to the mark's carried copy once it exists, version after version.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { targetFor } from '../../../shared/anchor/selectors';
import { checkUpdate } from '../../../electron/server/update-check';
import type { Article } from '../../../shared/model/corpus';
import { readDecisions, spanKey, writeDecision } from '../../../shared/model/curation';
import { readLayer } from '../../../shared/model/layer';
import type { Annotation } from '../../../shared/model/record';
import type { Located } from '../../../shared/model/relations';
import { codePointIndex } from '../../../shared/text/code-points';
import { carriedId, carryDecisions, carryRecords } from '../../../shared/versions/carry';
import { readCarried, writeCarried } from '../../../shared/versions/carried-layer';
import { followCarriedLinks, followCarriedVerdicts, latestCopies } from '../../../shared/versions/carried-links';
import { editedSeed, MARKED, seedText } from './seed-edits';

const V1 = seedText();
const V2 = editedSeed(V1);
const TEACHER = { id: 'gold', name: 'M. Petit', color: '#000000' };
const AT = '2026-01-01T12:00:00.000Z';

function mark(id: string, passage: string, author = TEACHER, links: Annotation['links'] = []): Annotation {
  const index = codePointIndex(V1);
  const at = V1.indexOf(passage);
  return {
    id, kind: 'claim', note: '', links, status: 'open', author, created: AT, modified: AT,
    target: targetFor(index, index.toCodePoint(at), index.toCodePoint(at + passage.length)),
  };
}

const limits = { maxLayerBytes: 1e6, maxLayerItems: 1e5 };

describe('the gold layer goes to the new version with its decisions', () => {
  it('gold marks are carried with their statuses; each decision follows the student\'s span and the gold record to their carried ids; the server accepts it', () => {
    const oldGold = new Y.Doc();
    writeDecision(oldGold, spanKey('nina', 'n1'), { verdict: 'accepted', gold: 'g1', author: TEACHER, at: AT });
    writeDecision(oldGold, spanKey('omar', 'o1'), { verdict: 'rejected', author: TEACHER, at: AT });
    const gold = new Y.Doc();
    let update: Uint8Array | null = null;
    gold.on('update', (u: Uint8Array) => (update ??= u));
    const talk = carryDecisions(readDecisions(oldGold), '003-v2');
    const records = carryRecords([mark('g1', MARKED.moved), mark('g2', MARKED.orphan)], '003', '003-v2', V2);
    expect(writeCarried(gold, records, '003', talk)).toBe(4);
    expect(checkUpdate(new Y.Doc(), 'corpus/c/layer/003-v2/gold', update!, limits)).toMatchObject({ ok: true });

    expect(readLayer(gold).annotations.map((a) => [a.id, a.target.exact, a.detached ?? false]).sort()).toEqual(
      [[carriedId('003-v2', 'g1'), MARKED.moved, false], [carriedId('003-v2', 'g2'), MARKED.orphan, true]].sort(),
    );
    const decisions = readDecisions(gold);
    expect(decisions.get(spanKey('nina', carriedId('003-v2', 'n1')))).toEqual({ about: spanKey('nina', carriedId('003-v2', 'n1')), verdict: 'accepted', gold: carriedId('003-v2', 'g1'), author: TEACHER, at: AT });
    expect(decisions.get(spanKey('omar', carriedId('003-v2', 'o1')))).toMatchObject({ verdict: 'rejected' });
    expect(decisions.get(spanKey('omar', carriedId('003-v2', 'o1')))?.gold).toBeUndefined();
    expect(readCarried(gold).map((c) => c.status).sort()).toEqual(['moved', 'orphan']);

    // a decision the teacher withdrew on the new version is not carried again
    gold.transact(() => writeDecision(gold, spanKey('omar', carriedId('003-v2', 'o1')), null));
    expect(writeCarried(gold, records, '003', talk)).toBe(0);
    expect(readDecisions(gold).size).toBe(1);
  });

  it('the server refuses a carried decision that is not a decision', () => {
    const gold = new Y.Doc();
    let update: Uint8Array | null = null;
    gold.on('update', (u: Uint8Array) => (update ??= u));
    gold.transact(() => {
      gold.getMap('decisions').set('nina/x', { verdict: 'maybe', author: TEACHER, at: AT });
      gold.getMap('carried').set('decision:nina/x', { was: 'nina/a', from: '003', status: 'exact', of: 'decision' });
    });
    expect(checkUpdate(new Y.Doc(), 'corpus/c/layer/003-v2/gold', update!, limits)).toMatchObject({ ok: false, code: 'invalid-record' });
  });
});

describe('links made to a mark from another article follow it to its newest carried copy', () => {
  const art = (id: string, order: number, more: Partial<Article> = {}): Article => ({ id, title: id, language: 'en', source: `${id}.txt`, hash: 'a'.repeat(64), order, ...more });
  const ARTICLES = [art('003', 0), art('004', 1), art('003-v2', 2, { versionOf: '003', version: 2 }), art('003-v3', 3, { versionOf: '003-v2', version: 3 })];
  const NINA = { id: 'nina', name: 'Nina', color: '#111111' };
  const at = (article: string, a: Annotation): Located => ({ article, annotation: a });
  const claim = mark('c1', MARKED.exact, NINA);
  const v2 = carriedId('003-v2', 'c1');
  const v3 = carriedId('003-v3', v2);
  const rebuttal = (article = '003') => at('004', mark('r1', MARKED.moved, NINA, [{ to: 'c1', rel: 'rebuts', article }]));
  const linkOf = (all: Located[]) => all.find((l) => l.annotation.id === 'r1')!.annotation.links[0];

  it('to the copy in the newest version that has it, through every version', () => {
    expect(linkOf(followCarriedLinks([rebuttal(), at('003', claim)], ARTICLES))).toEqual({ to: 'c1', rel: 'rebuts', article: '003' }); // not carried yet
    const carried = [at('003', claim), at('003-v2', { ...claim, id: v2 })];
    expect(linkOf(followCarriedLinks([rebuttal(), ...carried], ARTICLES))).toEqual({ to: v2, rel: 'rebuts', article: '003-v2' });
    expect(linkOf(followCarriedLinks([rebuttal(), ...carried, at('003-v3', { ...claim, id: v3 })], ARTICLES))).toEqual({ to: v3, rel: 'rebuts', article: '003-v3' });
  });

  it('leaves links within a family of versions, links to articles without versions, and the stored record alone', () => {
    const inFamily = at('003', mark('r2', MARKED.moved, NINA, [{ to: 'c1', rel: 'rebuts' }]));
    const toPlain = at('003', mark('r3', MARKED.fuzzy, NINA, [{ to: 'x', rel: 'supports', article: '004' }]));
    const all = [inFamily, toPlain, at('003', claim), at('003-v2', { ...claim, id: v2 })];
    expect(followCarriedLinks(all, ARTICLES)).toEqual(all);
    const stored = rebuttal();
    followCarriedLinks([stored, ...all], ARTICLES);
    expect(stored.annotation.links[0]!.to).toBe('c1');
  });

  it('a verdict given on version 1 counts for the claim\'s copy in version 2, with its cited evidence followed; the original stays', () => {
    const evidence = mark('e1', MARKED.moved, NINA, [{ to: 'c1', rel: 'supports' }]);
    const all = [at('003', claim), at('003', evidence), at('003-v2', { ...claim, id: v2 }), at('003-v2', { ...evidence, id: carriedId('003-v2', 'e1') })];
    const verdict = { about: 'c1', evidence: ['e1', 'elsewhere'], rating: 'misleading' as const };
    expect(followCarriedVerdicts([verdict], all, ARTICLES)).toEqual([verdict, { ...verdict, about: v2, evidence: [carriedId('003-v2', 'e1'), 'elsewhere'] }]);
    expect(followCarriedVerdicts([verdict], all.slice(0, 2), ARTICLES)).toEqual([verdict]); // not carried yet
    // where versions are one article, the carried mark shows once, at version 2; a mark not carried stays
    const kept = at('003', mark('k1', MARKED.fuzzy, NINA));
    expect(latestCopies([...all, kept], ARTICLES).map((l) => `${l.article}/${l.annotation.id}`)).toEqual([`003-v2/${v2}`, `003-v2/${carriedId('003-v2', 'e1')}`, '003/k1']);
  });
});
