import { describe, expect, it } from 'vitest';
import { agreementAccumulator } from '../../../shared/agreement/corpus-agreement';
import { articleAgreement } from '../../../shared/agreement/article-agreement';
import { cohensKappa } from '../../../shared/agreement/cohen';
import { tokenize } from '../../../shared/formats/tokens';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import type { ArticleSnapshot } from '../../../shared/formats/types';
import { EMOJI_TEXT, seedCorpus } from '../formats/fixtures';

const corpus = seedCorpus(30);

function withCopy(entry: ArticleSnapshot, from: string, as: string): ArticleSnapshot {
  const layer = entry.layers.find((l) => l.owner === from)!;
  return { ...entry, layers: [...entry.layers, { owner: as, annotations: layer.annotations }] };
}

describe('tokens', () => {
  it('keeps emoji sequences, flags and combining marks whole and counts code points', () => {
    const tokens = tokenize(EMOJI_TEXT);
    const texts = tokens.map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['😀', '👩🏽‍🔬', '🇫🇷', 'e\u0301te\u0301', 'l’IA', 'Spotify’s']));
    const cps = [...EMOJI_TEXT];
    for (const t of tokens) expect(cps.slice(t.start, t.end).join('')).toBe(t.text);
  });
});

describe('agreement between layers', () => {
  it('leaves gold out, lists every annotator pair per kind, and a copied layer agrees perfectly with its source', () => {
    const entry = withCopy(corpus[5]!, 'alice', 'alice2');
    const figures = articleAgreement(entry, DEFAULT_TAGSET);
    expect(figures.annotators).toEqual(['alice', 'alice2', 'bob', 'chloe']);
    for (const kind of figures.kinds) {
      expect(kind.cohen).toHaveLength(6);
      const twin = kind.cohen.find((p) => p.a === 'alice' && p.b === 'alice2')!;
      if (twin.kappa !== null) expect(twin.kappa).toBe(1);
      const other = kind.cohen.find((p) => p.a === 'alice' && p.b === 'bob')!;
      expect(other.kappa).toBeLessThan(1);
    }
  });

  it('token-level Cohen equals kappa on the token labels computed by hand', () => {
    const entry = corpus[3]!;
    const tokens = tokenize(entry.text);
    const labels = (owner: string, kind: string): string[] =>
      tokens.map((t) => (entry.layers.find((l) => l.owner === owner)!.annotations.some((a) => a.kind === kind && a.target.start < t.end && t.start < a.target.end) ? '1' : '0'));
    const figures = articleAgreement(entry, DEFAULT_TAGSET);
    const claim = figures.kinds.find((k) => k.kind === 'claim')!;
    expect(claim.cohen.find((p) => p.a === 'bob' && p.b === 'chloe')!.kappa).toBeCloseTo(cohensKappa(labels('bob', 'claim'), labels('chloe', 'claim'))!, 12);
  });

  it('identical layers give 1 for every metric; random layers give figures near 0', () => {
    const same = { ...corpus[0]!, layers: ['x', 'y', 'z'].map((owner) => ({ owner, annotations: corpus[0]!.layers[0]!.annotations })) };
    const figures = articleAgreement(same, DEFAULT_TAGSET);
    for (const k of figures.kinds) {
      expect([k.fleiss, k.alpha, k.unitizedAlpha]).toEqual([1, 1, 1]);
    }
    expect(figures.passages).toEqual([]);
    const random = articleAgreement(corpus[0]!, DEFAULT_TAGSET);
    for (const k of random.kinds) expect(Math.abs(k.alpha!)).toBeLessThan(0.3);
    expect(random.passages.length).toBeGreaterThan(0);
    expect(random.passages[0]!.disagreement).toBeGreaterThanOrEqual(random.passages.at(-1)!.disagreement);
  });

  it('pooled corpus figures equal one article’s figures when the corpus has one article, and cover every annotator', () => {
    const one = agreementAccumulator(DEFAULT_TAGSET);
    const single = one.add(corpus[2]!);
    const pooled = one.result();
    pooled.kinds.forEach((k, i) => {
      expect(k.fleiss).toBeCloseTo(single.kinds[i]!.fleiss!, 12);
      expect(k.alpha).toBeCloseTo(single.kinds[i]!.alpha!, 12);
      expect(k.cohen).toEqual(single.kinds[i]!.cohen);
    });
    const all = agreementAccumulator(DEFAULT_TAGSET, { includeGold: true, keepArticles: false });
    corpus.forEach((e) => all.add(e));
    expect(all.result().annotators).toEqual(['alice', 'bob', 'chloe', 'gold']);
    expect(all.result().articles).toEqual([]);
  });
});
