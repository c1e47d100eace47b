/**
 * The ClaimReview export: each claim with a verdict (the teacher's, or the class's vote) as a
 * schema.org ClaimReview whose every property and value type is one schema.org documents
 * (checked against the committed schema.org 30.0 definitions, tests/support/schemaorg-check.ts);
 * in the bundle as claimreview.jsonld, read back with its verdicts; pseudonymised on request.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Verdict, VerdictData } from '../../../shared/claims/verdict';
import { bundleAssembler } from '../../../shared/formats/bundle-reader';
import { exportCorpus } from '../../../shared/formats/export-corpus';
import type { ArticleSnapshot, CorpusInfo } from '../../../shared/formats/types';
import { sha256Hex } from '../../../shared/model/corpus';
import type { Annotation, Link } from '../../../shared/model/record';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { schemaProblems } from '../../support/schemaorg-check';

const prof = { id: 'prof', name: 'Mme Laurent', color: '#0072B2' };
const ana = { id: 'ana', name: 'Ana', color: '#E69F00' };

function mark(id: string, kind: string, exact: string, links: Link[] = [], author = ana): Annotation {
  const t = '2026-11-22T10:00:00.000Z';
  return { id, kind, target: { start: 0, end: exact.length, exact, prefix: '', suffix: '' }, note: '', author, created: t, modified: t, links, status: 'open' };
}

const TEXT = 'Some words.';
const article = (id: string, source: string, language: string) => ({ id, title: `Article ${id}`, language, source, hash: sha256Hex(TEXT), order: 0 });

const ARTICLES: ArticleSnapshot[] = [
  {
    article: article('a1', 'https://news.example.org/spotify-ai', 'en'),
    text: TEXT,
    layers: [{ owner: 'ana', annotations: [mark('c1', 'claim', 'Spotify’s success came from AI'), mark('e1', 'evidence', 'revenue grew before the AI features', [{ to: 'c1', rel: 'rebuts' }]), mark('c8', 'claim', 'EU rules hold back AI')] }],
  },
  {
    article: article('a2', 'seed 002', 'fr'),
    text: TEXT,
    layers: [{ owner: 'ana', annotations: [mark('c2', 'claim', 'le succès de Spotify vient de l’IA', [{ to: 'c1', rel: 'same-claim', article: 'a1' }]), mark('q1', 'question', 'vraiment ?', [{ to: 'c2', rel: 'rebuts' }])] }],
  },
];

const verdict: Verdict = { about: 'c2', rating: 'misleading', justification: 'Its revenue grew before the AI features.', evidence: ['e1', 'q1'], author: prof, at: '2026-11-23T09:00:00.000Z' };
const vote = (owner: string, rating: Verdict['rating']) => ({ owner, about: 'c8', rating, author: { ...ana, id: owner }, at: '2026-11-23T08:00:00.000Z' });
const DATA: VerdictData = { verdicts: [verdict], votes: [vote('ana', 'false'), vote('ben', 'false'), vote('cy', 'opinion')], byVote: true };
const CORPUS: CorpusInfo = { id: 'class', title: '3e B', tagset: DEFAULT_TAGSET, verdicts: DATA };
const run = { corpus: CORPUS, app: { name: 'glose', version: '0.1.0' }, now: () => new Date('2026-11-24T00:00:00Z') };

async function reviews(corpus = CORPUS, salt?: string) {
  const out = await exportCorpus(ARTICLES, { ...run, corpus, format: 'claimreview', salt });
  return JSON.parse(strFromU8(out.data)) as { '@context': string; '@graph': Record<string, unknown>[] };
}

describe('ClaimReview export', () => {
  it('reviews each claim with a verdict: the teacher’s, and the class’s vote', async () => {
    const doc = await reviews();
    expect(doc['@context']).toBe('https://schema.org');
    const [spotify, eu] = doc['@graph'];
    expect(doc['@graph']).toHaveLength(2);
    expect(spotify).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'Spotify’s success came from AI',
      itemReviewed: {
        '@type': 'Claim',
        appearance: [
          { '@type': 'CreativeWork', url: 'https://news.example.org/spotify-ai', name: 'Article a1', inLanguage: 'en' },
          { '@type': 'CreativeWork', identifier: 'urn:glose:class/articles/a2', name: 'Article a2', inLanguage: 'fr' },
        ],
      },
      author: { '@type': 'Person', name: 'Mme Laurent' },
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'misleading' },
      datePublished: '2026-11-23T09:00:00.000Z',
      reviewBody: 'Its revenue grew before the AI features.',
    });
    // only evidence and rebuttals linked to the claim are cited (the question is not)
    expect(spotify!.citation).toEqual([{ '@type': 'CreativeWork', text: 'revenue grew before the AI features', identifier: 'urn:glose:class/articles/a1/annotations/e1' }]);
    expect(eu).toMatchObject({ claimReviewed: 'EU rules hold back AI', author: { '@type': 'Organization', name: '3e B' }, reviewRating: { ratingValue: 1, alternateName: 'false' } });
  });

  it('uses only properties and value types schema.org documents for them', async () => {
    const doc = await reviews();
    expect(schemaProblems(doc['@graph'])).toEqual([]);
  });

  it('the schema check fails on an undocumented property or a wrong type', async () => {
    const [review] = (await reviews())['@graph'];
    expect(schemaProblems([{ ...review, verdictScore: 2 }])).toEqual(['$[0].verdictScore: not a schema.org property']);
    expect(schemaProblems([{ ...review, reviewRating: '2' }])).toEqual(['$[0].reviewRating: "2" is not a Rating']);
    expect(schemaProblems([{ ...review, datePublished: 'yesterday' }])).toHaveLength(1);
    expect(schemaProblems([{ ...review, itemReviewed: { '@type': 'Claim', claimReviewed: 'x' } }])).toEqual(['$[0].itemReviewed.claimReviewed: not a property of Claim']);
  });

  it('gives an opinion no value on the truth scale, and nothing for claims without a verdict', async () => {
    const opinion = await reviews({ ...CORPUS, verdicts: { verdicts: [{ ...verdict, rating: 'opinion' }], votes: [], byVote: false } });
    expect(opinion['@graph']).toHaveLength(1);
    expect(opinion['@graph'][0]!.reviewRating).toEqual({ '@type': 'Rating', bestRating: 5, worstRating: 1, alternateName: 'opinion' });
    expect((await reviews({ ...CORPUS, verdicts: undefined }))['@graph']).toEqual([]);
  });

  it('is in the bundle as claimreview.jsonld, and the bundle keeps the verdicts', async () => {
    const bundle = unzipSync((await exportCorpus(ARTICLES, { ...run, format: 'bundle' })).data);
    expect(strFromU8(bundle['claimreview.jsonld']!)).toBe(JSON.stringify(await reviews(), null, 1) + '\n');
    const reader = bundleAssembler();
    for (const [file, data] of Object.entries(bundle)) expect(reader.file(file, strFromU8(data))).toMatchObject({ ok: true });
    expect(reader.corpus()?.verdicts).toEqual(DATA);
  });

  it('pseudonymises the verdict’s author and the voters', async () => {
    const salt = 'sixteen-chars-salt!';
    const text = JSON.stringify(await reviews(CORPUS, salt));
    expect(text).not.toContain('Laurent');
    const bundle = strFromU8(unzipSync((await exportCorpus(ARTICLES, { ...run, format: 'bundle', salt })).data)['corpus.json']!);
    expect(bundle).not.toMatch(/Laurent|"ben"|"prof"/);
  });
});
