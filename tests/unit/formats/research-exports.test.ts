/**
 * The exports researchers load elsewhere, each read back by a reader that is not ours: TEI XML
 * parsed by an XML parser (@xmldom/xmldom) whose standoff pointers must resolve to the
 * annotated text; WebAnno TSV 3 checked column by column (offsets give the tokens, span numbers
 * give the spans, the BT_ column gives the links) and then read by our importer; brat's
 * annotation.conf parsed to check it declares every type the .ann files use.
 */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { readWebAnno } from '../../../shared/formats/webanno-read';
import { runWriter } from '../../../shared/formats/run-writer';
import { tokenize, tokensIn } from '../../../shared/formats/tokens';
import { sortedArticle } from '../../../shared/formats/types';
import { EXPORT_FORMATS } from '../../../shared/formats/writers';
import { CORPUS, seedCorpus } from './fixtures';

const corpus = seedCorpus(20);
const run = (name: keyof typeof EXPORT_FORMATS, articles = corpus): Map<string, string> => runWriter(EXPORT_FORMATS[name].create({ corpus: CORPUS }), articles);
const cps = (text: string, start: number, end: number): string => [...text].slice(start, end).join('');

describe('TEI XML with standoff annotation', () => {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: (e) => errors.push(e), fatalError: (e) => errors.push(e) } }).parseFromString(run('tei').get('')!, 'text/xml');
  const all = Array.from(doc.getElementsByTagName('*'));
  const byId = new Map(all.filter((e) => e.getAttribute('xml:id')).map((e) => [e.getAttribute('xml:id')!, e]));

  it('is well-formed XML in the TEI namespace, with one TEI per article and unique xml:ids', () => {
    expect(errors).toEqual([]);
    expect(doc.documentElement!.localName).toBe('teiCorpus');
    expect(doc.documentElement!.namespaceURI).toBe('http://www.tei-c.org/ns/1.0');
    expect(doc.getElementsByTagName('TEI')).toHaveLength(corpus.length);
    const ids = all.map((e) => e.getAttribute('xml:id')).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every annotation: its string-range pointers give its quote, its kind and annotator resolve', () => {
    let checked = 0;
    for (const entry of corpus) {
      const tei = byId.get(`a-${entry.article.id}`)!;
      const annotations = Array.from(tei.getElementsByTagName('annotation'));
      const records = entry.layers.flatMap((l) => l.annotations.map((a) => ({ owner: l.owner, a })));
      expect(annotations).toHaveLength(records.length);
      for (const node of annotations) {
        const resp = node.getAttribute('resp')!.slice(1);
        const { a } = records.find((r) => r.a.id === node.getAttribute('n') && resp === `a-${entry.article.id}-by-${r.owner}`)!;
        const parts = node.getAttribute('target')!.split(' ').map((p) => {
          const m = /^#string-range\(([^,]+),(\d+),(\d+)\)$/.exec(p)!;
          return cps(byId.get(m[1]!)!.textContent!, Number(m[2]), Number(m[2]) + Number(m[3]));
        });
        expect(parts).toEqual(cps(entry.text, a.target.start, a.target.end).split(/\n+/).filter(Boolean));
        expect(byId.get(node.getAttribute('ana')!.slice(1))!.localName).toBe('category');
        expect(byId.get(resp)!.localName).toBe('person');
        expect(node.getElementsByTagName('note')[0]?.textContent ?? '').toBe(a.note);
        checked++;
      }
      const links = records.reduce((n, r) => n + r.a.links.filter((l) => !l.article).length, 0);
      const relations = Array.from(tei.getElementsByTagName('relation'));
      expect(relations).toHaveLength(links);
      for (const r of relations) for (const end of ['active', 'passive']) expect(byId.get(r.getAttribute(end)!.slice(1))!.localName).toBe('annotation');
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('WebAnno TSV 3', () => {
  const files = run('webanno');

  it('columns hold: offsets give the tokens, span numbers the spans (first to last token), BT_ the links', () => {
    for (const entry of corpus.map(sortedArticle)) {
      const tokens = tokenize(entry.text);
      for (const layer of entry.layers) {
        const tsv = files.get(`annotation/${entry.article.id}/${layer.owner}.tsv`)!;
        const lines = tsv.split('\n');
        expect(lines.slice(0, 3)).toEqual(['#FORMAT=WebAnno TSV 3.3', '#T_SP=webanno.custom.GloseSpan|kind|note', '#T_RL=webanno.custom.GloseLink|rel|BT_webanno.custom.GloseSpan']);
        const rows = lines.filter((l) => /^\d+-\d+\t/.test(l)).map((l) => l.split('\t'));
        expect(rows).toHaveLength(tokens.length);
        const spans = new Map<string, { first: number; last: number; kind: string }>();
        const at = new Map(rows.map((r, i) => [r[0]!, i]));
        let arcs = 0;
        rows.forEach((r, i) => {
          const [b, e] = r[1]!.split('-').map(Number) as [number, number];
          expect(entry.text.slice(b, e)).toBe(r[2]);
          expect(r).toHaveLength(8);
          for (const v of r[3] === '_' ? [] : r[3]!.split(/(?<!\\)\|/)) {
            const m = /^(.*)\[(\d+)\]$/.exec(v)!;
            const s = spans.get(m[2]!) ?? { first: i, last: i, kind: m[1]! };
            s.last = i;
            spans.set(m[2]!, s);
          }
          for (const g of r[6] === '_' ? [] : r[6]!.split('|')) {
            expect(at.has(/^(\d+-\d+)\[/.exec(g)![1]!)).toBe(true);
            arcs++;
          }
        });
        const expected = layer.annotations.filter((a) => tokensIn(tokens, a.target.start, a.target.end).length > 0);
        expect(spans.size).toBe(expected.length);
        for (const a of expected) {
          const covered = tokensIn(tokens, a.target.start, a.target.end);
          const s = spans.get(String(layer.annotations.indexOf(a) + 1))!;
          expect([s.kind, s.first, s.last]).toEqual([a.kind, covered[0], covered[covered.length - 1]]);
        }
        const ids = new Set(expected.map((a) => a.id));
        expect(arcs).toBe(expected.reduce((n, a) => n + a.links.filter((l) => !l.article && ids.has(l.to)).length, 0));
      }
    }
  });

  it('read back by our importer: the same kinds, notes and links; quotes as in the text (TSV does not keep the white space between sentences)', () => {
    const entry = sortedArticle(corpus[5]!);
    const layer = entry.layers[0]!;
    const back = readWebAnno(files.get(`annotation/${entry.article.id}/${layer.owner}.tsv`)!, 'x.tsv', entry.article.id, layer.owner);
    expect(back.bad).toEqual([]);
    expect(back.items.map((i) => [i.kinds[0], i.note])).toEqual(layer.annotations.map((a) => [a.kind, a.note]));
    expect(back.links).toHaveLength(layer.annotations.reduce((n, a) => n + a.links.filter((l) => !l.article).length, 0));
    const flat = (t: string): string => t.replace(/\s+/g, ' ');
    for (const item of back.items) expect(flat(entry.text)).toContain(flat(item.exact));
  });
});

describe('brat annotation.conf', () => {
  it('declares every kind and relation the .ann files use, those outside the tagset included', () => {
    const entry = corpus[0]!;
    const [first, second] = entry.layers[0]!.annotations;
    const odd = { ...entry, layers: [{ owner: 'zoe', annotations: [{ ...first!, kind: 'old kind', links: [] }, { ...second!, links: [{ to: first!.id, rel: 'contradicts' }] }] }] };
    const files = run('brat', [...corpus, odd]);
    const conf = files.get('annotation.conf')!;
    const section = (name: string): Set<string> => new Set((new RegExp(`\\[${name}\\]\\n([^[]*)`).exec(conf)?.[1] ?? '').split('\n').filter(Boolean).map((l) => l.split('\t')[0]!));
    const entities = section('entities');
    const relations = section('relations');
    let types = 0;
    for (const [name, text] of files) {
      if (!name.endsWith('.ann')) continue;
      for (const line of text.split('\n').filter(Boolean)) {
        const [id, middle] = line.split('\t') as [string, string];
        if (id.startsWith('T')) expect(entities).toContain(middle.split(' ')[0]);
        if (id.startsWith('R')) expect(relations).toContain(middle.split(' ')[0]);
        types++;
      }
    }
    expect(types).toBeGreaterThan(300);
    expect(entities).toContain('old_kind');
    expect(relations).toContain('contradicts');
  });
});
