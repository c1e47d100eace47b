import { describe, expect, it } from 'vitest';
import { bundleAssembler } from '../../../shared/formats/bundle-reader';
import { bundleWriter } from '../../../shared/formats/bundle-writer';
import { anchorInto, emptyReport } from '../../../shared/formats/reanchor';
import { runWriter } from '../../../shared/formats/run-writer';
import type { ArticleSnapshot } from '../../../shared/formats/types';
import { unzipSource } from '../../../shared/formats/unzip-source';
import { resolveBatch, resolveContext } from '../../../shared/formats/foreign-resolve';
import { readW3c } from '../../../shared/formats/w3c-read';
import { w3cWriter } from '../../../shared/formats/w3c-export';
import { zipSink } from '../../../shared/formats/zip-sink';
import { sha256Hex } from '../../../shared/model/corpus';
import { CORPUS, seedCorpus } from './fixtures';

const corpus = seedCorpus(40);
const now = (): Date => new Date('2025-10-01T12:00:00.000Z');
const app = { name: 'glose', version: '0.1.0' };

function zipBundle(articles: ArticleSnapshot[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const sink = zipSink((c) => chunks.push(c), (e) => { throw e; });
  for (const [file, text] of runWriter(bundleWriter({ corpus: CORPUS, app, now, pseudonymised: false }), articles)) sink.add(file, text);
  sink.end();
  return Buffer.concat(chunks);
}

function readBundle(bytes: Uint8Array): ArticleSnapshot[] {
  const assembler = bundleAssembler();
  const out: ArticleSnapshot[] = [];
  const unzip = unzipSource((path, text) => {
    const r = assembler.file(path, text);
    if (!r.ok) throw new Error(r.error);
    out.push(...r.value);
  }, (e) => { throw e; });
  for (let i = 0; i < bytes.length; i += 4096) unzip.push(bytes.subarray(i, i + 4096), i + 4096 >= bytes.length);
  const end = assembler.end();
  if (!end.ok) throw new Error(end.error);
  return [...out, ...end.value.articles];
}

const w3c = (articles: ArticleSnapshot[]): string => runWriter(w3cWriter({ corpus: CORPUS }), articles).get('')!;

function importInto(articles: ArticleSnapshot[], json: string) {
  const ctx = resolveContext({ corpus: CORPUS.id, tagset: CORPUS.tagset, articles: articles.map((e) => e.article), now });
  const records = resolveBatch(readW3c(JSON.parse(json), 'export.jsonld'), ctx);
  expect(records.bad).toEqual([]);
  const report = emptyReport();
  const out = articles.map((e) => anchorInto({ ...e, layers: [] }, records.records.filter((r) => r.article === e.article.id), report));
  return { out, report };
}

describe('round trips on the seeds (hundreds of annotations with overlaps, emoji, accents)', () => {
  const total = corpus.reduce((n, e) => n + e.layers.reduce((m, l) => m + l.annotations.length, 0), 0);

  it('bundle: write, read, write again gives identical bytes, and reading gives the same articles', () => {
    expect(total).toBeGreaterThan(700);
    const first = zipBundle(corpus);
    const back = readBundle(first);
    expect(sha256Hex(Buffer.from(zipBundle(back)).toString('latin1'))).toBe(sha256Hex(Buffer.from(first).toString('latin1')));
    expect(back.map((e) => e.text)).toEqual(corpus.map((e) => e.text));
  });

  it('W3C: export, import into the bare texts, export again gives identical output and every record anchors exactly', () => {
    const first = w3c(corpus);
    const { out, report } = importInto(corpus, first);
    expect(report).toMatchObject({ exact: total, moved: 0, fuzzy: 0, orphans: [], duplicates: [], rejected: [] });
    expect(w3c(out)).toBe(first);
  });

  it('W3C into edited texts: moved records get fresh selectors, removed passages become orphans, none is lost', () => {
    const cut = corpus.map((e) => {
      const text = `Préambule ajouté 🆕.\n\n${e.text.slice(0, Math.floor(e.text.length / 2))}`;
      return { ...e, text, article: { ...e.article, hash: sha256Hex(text) } };
    });
    const { out, report } = importInto(cut, w3c(corpus));
    const kept = out.reduce((n, e) => n + e.layers.reduce((m, l) => m + l.annotations.length, 0), 0);
    expect(report.moved).toBeGreaterThan(0);
    expect(report.orphans.length).toBeGreaterThan(0);
    expect(kept + report.orphans.length).toBe(total);
    for (const e of out) {
      const cps = [...e.text];
      for (const l of e.layers) for (const a of l.annotations) expect(cps.slice(a.target.start, a.target.end).join('')).toBe(a.target.exact);
    }
  });

  it('reports errors naming the file and the line', () => {
    const a = bundleAssembler();
    expect(a.file('corpus.json', JSON.stringify(CORPUS))).toMatchObject({ ok: true });
    a.file('articles/000/article.json', JSON.stringify(corpus[0]!.article));
    const bad = `[\n${JSON.stringify(corpus[0]!.layers[0]!.annotations[0])},\n{"id":"x"}\n]`;
    expect(a.file('articles/000/layers/alice.json', bad)).toEqual({ ok: false, error: expect.stringMatching(/^articles\/000\/layers\/alice\.json:3: /) });
    expect(a.file('articles/000/layers/bob.json', '[\n{"id":\n')).toEqual({ ok: false, error: expect.stringMatching(/^articles\/000\/layers\/bob\.json:3: not valid JSON/) });
    expect(readW3c({ type: 'Note' }, 'x.json').bad).toEqual([{ where: 'x.json item 1', reason: 'not a W3C Annotation (no "type": "Annotation")' }]);
  });
});
