import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { w3cWriter } from '../../../shared/formats/w3c-export';
import { runWriter } from '../../../shared/formats/run-writer';
import { codePointIndex } from '../../../shared/text/code-points';
import { CORPUS, seedCorpus } from './fixtures';
import { failures, loadMusts, SUITE, type MustSuite } from './w3c-suite';

const corpus = seedCorpus(40);
const exported = runWriter(w3cWriter({ corpus: CORPUS }), corpus).get('')!;
const collection = JSON.parse(exported) as { total: number; first: { items: Record<string, unknown>[] } } & Record<string, unknown>;
const items = collection.first.items;
let musts: MustSuite;

describe('W3C export against the MUST assertions of the W3C Web Annotation test suite', () => {
  beforeAll(() => {
    musts = loadMusts();
  });

  it('loads every MUST assertion (54 for annotations, 10 for collections)', () => {
    expect(musts.annotation).toHaveLength(54);
    expect(musts.collection).toHaveLength(10);
  });

  it('the validators agree with the suite’s own samples (so a failure is detectable)', () => {
    const samples = (kind: string): [string, Record<string, unknown>][] => {
      const dir = path.join(SUITE, 'tools/samples', kind);
      // some incorrect samples are deliberately not JSON: a parser rejects them before any schema
      return readdirSync(dir).flatMap((f): [string, Record<string, unknown>][] => {
        try {
          return [[f, JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>]];
        } catch {
          return [];
        }
      });
    };
    const incorrect = samples('incorrect');
    expect(incorrect.length).toBeGreaterThan(20);
    expect(incorrect.filter(([, d]) => failures(musts.annotation, d).length === 0).map(([f]) => f)).toEqual([]);
    // the suite's schemas do not recognise Composite/List targets (anno11-13); every other correct annotation passes
    const correct = samples('correct').filter(([, d]) => d.type === 'Annotation' && !/"(Composite|List|Independents)"/.test(JSON.stringify(d.target)));
    expect(correct.length).toBeGreaterThan(30);
    expect(correct.filter(([, d]) => failures(musts.annotation, d).length > 0).map(([f]) => f)).toEqual([]);
  });

  it('every exported annotation passes every MUST assertion', () => {
    expect(items.length).toBeGreaterThan(500);
    const bad = items.map((item) => ({ id: item.id, failed: failures(musts.annotation, item) })).filter((r) => r.failed.length > 0);
    expect(bad).toEqual([]);
  });

  it('the AnnotationCollection passes every collection MUST assertion and counts its items', () => {
    expect(failures(musts.collection, collection)).toEqual([]);
    expect(collection.total).toBe(items.length);
  });

  it('a broken annotation fails the matching assertions', () => {
    const broken = { ...items[0], '@context': 'http://example.org/ctx', created: 'yesterday' };
    expect(failures(musts.annotation, broken)).toEqual(
      expect.arrayContaining(['annotations/3.1-annotationContextValidated.json', 'annotations/3.3.1-annotationCreatedValidated.json']),
    );
  });
});

describe('W3C export mapping', () => {
  it('selectors count code points and the quote is the text at those code points', () => {
    let astral = 0;
    for (const entry of corpus) {
      const index = codePointIndex(entry.text);
      const mine = items.filter((i) => String((i.target as { source?: string }).source).endsWith(`/articles/${entry.article.id}`));
      for (const item of mine) {
        const [pos, quote] = (item.target as { selector: [{ start: number; end: number }, { exact: string }] }).selector;
        const exact = entry.text.slice(index.toUtf16(pos.start), index.toUtf16(pos.end));
        expect(exact).toBe(quote.exact);
        if ([...exact].length !== exact.length) astral++;
      }
    }
    expect(astral).toBeGreaterThan(0);
  });

  it('writes one classifying annotation per record and one linking annotation per link', () => {
    const records = corpus.flatMap((e) => e.layers.flatMap((l) => l.annotations));
    const links = records.reduce((n, r) => n + r.links.length, 0);
    expect(items.filter((i) => i.motivation === 'classifying')).toHaveLength(records.length);
    expect(items.filter((i) => i.motivation === 'linking')).toHaveLength(links);
    const first = records[0]!;
    const item = items.find((i) => String(i.id).endsWith(`/annotations/${first.id}`))!;
    expect(item.body).toContainEqual({ type: 'TextualBody', purpose: 'classifying', value: first.kind, format: 'text/plain' });
    expect(item.creator).toMatchObject({ type: 'Person', name: first.author.name });
    expect(item.created).toBe(first.created);
  });

  it('a cross-article link points at the annotation IRI in the other article', () => {
    const link = items.find((i) => i.motivation === 'linking' && String((i.body as string[])[0]).includes('/articles/001/'));
    expect(link?.target).toMatch(/\/articles\/000\/annotations\//);
  });
});
