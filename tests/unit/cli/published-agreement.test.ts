/**
 * `glose agreement` reproduces the published worked examples, each encoded as a bundle whose
 * articles' tokens are the items and whose layers are the coders: Cohen's κ = 0.40
 * (Wikipedia, "Cohen's kappa": 50 proposals, 20 yes–yes, 5 yes–no, 10 no–yes, 15 no–no),
 * Fleiss' κ = 0.210 (Wikipedia, "Fleiss' kappa": 14 raters, 10 subjects, 5 categories) and
 * Krippendorff's α = 0.743 (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability",
 * nominal, 4 coders, 12 units with missing values: one article per unit, no layer = not coded).
 * An empty layer counts as an annotator who marked nothing. Links and F1 against the gold layer
 * on a small hand-made case.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetFor } from '../../../shared/anchor/selectors';
import { bundleWriter } from '../../../shared/formats/bundle-writer';
import { runWriter } from '../../../shared/formats/run-writer';
import type { ArticleSnapshot, LayerSnapshot } from '../../../shared/formats/types';
import { zipSink } from '../../../shared/formats/zip-sink';
import { sha256Hex } from '../../../shared/model/corpus';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { codePointIndex } from '../../../shared/text/code-points';
import { glose, tempDir } from './cli-helpers';

const KINDS = DEFAULT_TAGSET.kinds.map((k) => k.key);

/** An article of `n` one-word tokens; `coders[name][t]` is the kind coder `name` gave token t (null: none). */
function article(id: string, n: number, coders: Record<string, (string | null)[]>): ArticleSnapshot {
  const text = Array.from({ length: n }, (_, i) => `w${i + 1}`).join(' ');
  const index = codePointIndex(text);
  const starts = Array.from({ length: n }, (_, i) => text.split(' ').slice(0, i).join(' ').length + (i > 0 ? 1 : 0));
  const layers: LayerSnapshot[] = Object.entries(coders).map(([owner, values]) => ({
    owner,
    annotations: values.flatMap((kind, t) => (kind === null ? [] : [{
      id: `${owner}-${t}`, kind, target: targetFor(index, starts[t]!, starts[t]! + `w${t + 1}`.length), note: '',
      author: { id: owner, name: owner, color: '#777777' }, created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', links: [], status: 'open' as const,
    }])),
  }));
  return { article: { id, title: id, language: 'en', source: `${id}.txt`, hash: sha256Hex(text), order: 0 }, text, layers };
}

async function agreement(articles: ArticleSnapshot[]) {
  const file = path.join(tempDir(), 'example.zip');
  const chunks: Uint8Array[] = [];
  const sink = zipSink((c) => chunks.push(c), (e) => { throw e; });
  const writer = bundleWriter({ corpus: { id: 'example', title: 'example', tagset: DEFAULT_TAGSET }, app: { name: 'glose', version: '0' }, now: () => new Date(0), pseudonymised: false });
  for (const [name, text] of runWriter(writer, articles)) sink.add(name, text);
  sink.end();
  writeFileSync(file, Buffer.concat(chunks));
  const r = await glose('agreement', '--from', file, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { links: unknown[]; gold: unknown[]; annotators: string[]; categories: { cohen: { kappa: number }[]; fleiss: number; alpha: number; confusion: { labels: string[]; counts: number[][] } }; kinds: { kind: string; cohen: { kappa: number }[]; unitizedAlpha: number | null }[] };
}

describe('published examples through `glose agreement`', () => {
  it("Cohen's κ = 0.40 (Wikipedia), per kind and over all kinds, with the confusion matrix", async () => {
    const a = Array.from({ length: 50 }, (_, i) => (i < 25 ? 'claim' : null));
    const b = Array.from({ length: 50 }, (_, i) => (i < 20 || (i >= 25 && i < 35) ? 'claim' : null));
    const r = await agreement([article('proposals', 50, { a, b })]);
    expect(r.categories.cohen[0]!.kappa).toBeCloseTo(0.4, 10);
    expect(r.kinds.find((k) => k.kind === 'claim')!.cohen[0]!.kappa).toBeCloseTo(0.4, 10);
    expect(r.categories.confusion).toEqual({ labels: ['claim', 'none'], counts: [[40, 15], [15, 30]] });
  });

  it("Fleiss' κ = 0.210 (Wikipedia: 14 raters, 10 subjects, 5 categories)", async () => {
    const table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]];
    const coders: Record<string, string[]> = {};
    table.forEach((counts) => {
      const values = counts.flatMap((c, k) => new Array<string>(c).fill(KINDS[k]!));
      values.forEach((v, r) => (coders[`rater${String(r + 1).padStart(2, '0')}`] ??= []).push(v));
    });
    const r = await agreement([article('subjects', 10, coders)]);
    expect(r.annotators).toHaveLength(14);
    expect(r.categories.fleiss.toFixed(3)).toBe('0.210');
  });

  it("Krippendorff's α = 0.743 (Krippendorff 2011, nominal, missing values as absent layers)", async () => {
    const data: Record<string, (number | null)[]> = {
      A: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      C: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    };
    const units = Array.from({ length: 12 }, (_, u) => {
      const coders = Object.fromEntries(Object.entries(data).filter(([, v]) => v[u] !== null).map(([c, v]) => [c, [KINDS[v[u]! - 1]!]]));
      return article(`unit${String(u + 1).padStart(2, '0')}`, 1, coders);
    });
    const r = await agreement(units);
    expect(r.categories.alpha.toFixed(3)).toBe('0.743');
  });

  it('an empty layer is an annotator who marked nothing: counted, and disagreeing', async () => {
    const marked = Array.from({ length: 10 }, (_, i) => (i < 5 ? 'claim' : null));
    const r = await agreement([article('one', 10, { alice: marked, bob: new Array<null>(10).fill(null) })]);
    expect(r.annotators).toEqual(['alice', 'bob']);
    expect(r.categories.cohen[0]!.kappa).toBe(0);
    expect(r.kinds.find((k) => k.kind === 'claim')!.unitizedAlpha).toBeLessThan(0.5);
  });

  it('links: ends matched by overlap, relation type compared; each annotator against the gold, exact and by overlap', async () => {
    const base = article('linked', 10, { alice: [], bob: [], gold: [] });
    const index = codePointIndex(base.text);
    const span = (owner: string, id: string, kind: string, from: number, to: number, links: { to: string; rel: string }[] = []) => ({
      id, kind, target: targetFor(index, from * 3, to * 3 - 1), note: '', author: { id: owner, name: owner, color: '#777777' },
      created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', links, status: 'open' as const,
    });
    const layers = [
      { owner: 'alice', annotations: [span('alice', 'a1', 'claim', 0, 2), span('alice', 'a2', 'rebuttal', 3, 4, [{ to: 'a1', rel: 'rebuts' }])] },
      { owner: 'bob', annotations: [span('bob', 'b1', 'claim', 0, 1), span('bob', 'b2', 'rebuttal', 3, 4, [{ to: 'b1', rel: 'supports' }])] },
      { owner: 'gold', annotations: [span('gold', 'g1', 'claim', 0, 2), span('gold', 'g2', 'rebuttal', 3, 4)] },
    ];
    const r = await agreement([{ ...base, layers }]);
    expect(r.links).toEqual([{ a: 'alice', b: 'bob', linksA: 1, linksB: 1, matched: 1, f1: 1, sameType: 0, kappa: 0 }]);
    expect(r.gold).toEqual([
      { annotator: 'alice', mode: 'exact', precision: 1, recall: 1, f1: 1 },
      { annotator: 'alice', mode: 'overlap', precision: 1, recall: 1, f1: 1 },
      { annotator: 'bob', mode: 'exact', precision: 0.5, recall: 0.5, f1: 0.5 },
      { annotator: 'bob', mode: 'overlap', precision: 1, recall: 1, f1: 1 },
    ]);
  });
});
