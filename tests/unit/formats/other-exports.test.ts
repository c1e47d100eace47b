import { describe, expect, it } from 'vitest';
import { runWriter } from '../../../shared/formats/run-writer';
import { EXPORT_FORMATS } from '../../../shared/formats/writers';
import { flatRecords, FLAT_COLUMNS } from '../../../shared/formats/flat-records';
import { pseudonymiser } from '../../../shared/formats/pseudonymise';
import { CORPUS, seedCorpus } from './fixtures';

const corpus = seedCorpus(25);
const records = corpus.flatMap((e) => e.layers.flatMap((l) => l.annotations.map((a) => ({ article: e, layer: l.owner, a }))));
const run = (name: keyof typeof EXPORT_FORMATS, articles = corpus): Map<string, string> => runWriter(EXPORT_FORMATS[name].create({ corpus: CORPUS }), articles);
const cps = (text: string, start: number, end: number): string => [...text].slice(start, end).join('');

/** RFC 4180 reader, independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('JSONL and CSV', () => {
  it('JSONL: one object per annotation whose code point offsets select its quote', () => {
    const lines = run('jsonl').get('')!.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string & number>);
    expect(lines).toHaveLength(records.length);
    for (const l of lines) expect(cps(corpus.find((e) => e.article.id === l.article)!.text, l.start, l.end)).toBe(l.exact);
  });

  it('CSV --csv-raw: a header and one row per annotation that an RFC 4180 reader reads back exactly (quotes, commas, line breaks, emoji, =1+1)', () => {
    const rows = parseCsv(runWriter(EXPORT_FORMATS.csv.create({ corpus: CORPUS, csvRaw: true }), corpus).get('')!);
    expect(rows[0]).toEqual(FLAT_COLUMNS);
    const expected = corpus.flatMap((e) => flatRecords(e)).map((r) => FLAT_COLUMNS.map((c) => (typeof r[c] === 'object' ? JSON.stringify(r[c]) : String(r[c]))));
    expect(rows.slice(1)).toEqual(expected);
    expect(expected.some((r) => r.join('').includes('\n'))).toBe(true);
    expect(expected.some((r) => r.includes('=1+1'))).toBe(true);
  });

  it('CSV by default: a text cell starting with = + - @, a tab or a CR gets a leading quote (OWASP); nothing else changes', () => {
    const risky = ['=HYPERLINK("http://x.invalid","y")', '+1', '-2+3', '@SUM(A1)', '\tlead', '\rlead'];
    const safe = ['a=b', 'note - dash', ' =1', 'ok'];
    const entry = corpus[0]!;
    const annotations = [...risky, ...safe].map((note, i) => ({ ...entry.layers[0]!.annotations[0]!, id: `n${i}`, note }));
    const rows = parseCsv(run('csv', [{ ...entry, layers: [{ owner: 'alice', annotations }] }]).get('')!);
    const notes = rows.slice(1).map((r) => r[FLAT_COLUMNS.indexOf('note')]);
    expect(notes).toEqual([...risky.map((n) => `'${n}`), ...safe]);
    const numbers = rows.slice(1).map((r) => r[FLAT_COLUMNS.indexOf('start')]);
    expect(numbers.every((n) => /^\d+$/.test(n!))).toBe(true);
  });
});

describe('brat standoff', () => {
  const out = run('brat');
  it('writes annotation.conf and a .txt/.ann pair per layer and article', () => {
    expect(out.get('annotation.conf')).toMatch(/\[entities\]\nclaim\n[\s\S]*\[relations\]\nrebuts\tArg1:<ENTITY>, Arg2:<ENTITY>/);
    expect([...out.keys()].filter((f) => f.endsWith('.ann'))).toHaveLength(corpus.length * 4);
    expect(out.get('alice/emoji.txt')).toBe(corpus[5]!.text);
  });

  it('T fragments in code points select the quote; R lines join existing T ids; one # line per note', () => {
    for (const entry of corpus) {
      for (const layer of entry.layers) {
        const lines = out.get(`${layer.owner}/${entry.article.id}.ann`)!.trimEnd().split('\n');
        const t = lines.filter((l) => l.startsWith('T'));
        expect(t).toHaveLength(layer.annotations.length);
        for (const line of t) {
          // the text field is the rest of the line: it may hold tabs
          const [, typeAndSpans, ...rest] = line.split('\t') as [string, string, ...string[]];
          const text = rest.join('\t');
          const spans = typeAndSpans.split(' ').slice(1).join(' ').split(';').map((s) => s.split(' ').map(Number) as [number, number]);
          expect(spans.map(([s, e]) => cps(entry.text, s, e)).join(' ')).toBe(text);
        }
        const tIds = new Set(t.map((l) => l.split('\t')[0]));
        for (const r of lines.filter((l) => l.startsWith('R'))) {
          const [, args] = r.split('\t') as [string, string];
          for (const arg of args.split(' ').slice(1)) expect(tIds.has(arg.split(':')[1])).toBe(true);
        }
        expect(lines.filter((l) => l.startsWith('#'))).toHaveLength(layer.annotations.filter((a) => a.note !== '').length);
      }
    }
  });
});

describe('CoNLL BIO', () => {
  it('one block per article and layer; token offsets in code points; every annotation begins with a B tag of its kind', () => {
    const text = run('conll').get('')!;
    const blocks = text.split('#begin document ').slice(1);
    expect(blocks).toHaveLength(corpus.length * 4);
    const emoji = blocks.find((b) => b.startsWith('(emoji); layer bob'))!;
    const rows = emoji.split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t'));
    const entry = corpus[5]!;
    for (const r of rows) expect(cps(entry.text, Number(r[1]), Number(r[2]))).toBe(r[0]);
    const kinds = CORPUS.tagset.kinds.map((k) => k.key);
    for (const a of entry.layers.find((l) => l.owner === 'bob')!.annotations) {
      const first = rows.find((r) => Number(r[2]) > a.target.start)!;
      expect(first[3 + kinds.indexOf(a.kind)]).toBe(`B-${a.kind}`);
    }
  });

  it('every paragraph is a well-formed BIO block: a span running past a line break starts again with B- after the blank line', () => {
    const text = 'First claim runs on\nacross the break.';
    const span = { ...corpus[0]!.layers[0]!.annotations[0]!, id: 'x', kind: 'claim', target: { ...corpus[0]!.layers[0]!.annotations[0]!.target, start: 6, end: 36 } };
    const article = { ...corpus[0]!, text, layers: [{ owner: 'alice', annotations: [span] }] };
    const rows = run('conll', [article]).get('')!.split('\n');
    const claim = 3 + CORPUS.tagset.kinds.findIndex((k) => k.key === 'claim');
    const labels = rows.filter((l) => l === '' || l.includes('\t')).map((l) => (l === '' ? '' : `${l.split('\t')[0]} ${l.split('\t')[claim]}`));
    expect(labels).toEqual(['First O', 'claim B-claim', 'runs I-claim', 'on I-claim', '', 'across B-claim', 'the I-claim', 'break I-claim', '. O', '', '']);
    for (const block of run('conll').get('')!.split(/\n\n+/)) {
      const cells = block.split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t').slice(3));
      cells.forEach((row, i) => row.forEach((label, k) => {
        if (label.startsWith('I-')) expect(cells[i - 1]?.[k]?.slice(2), `I- without B- at row ${i}`).toBe(label.slice(2));
      }));
    }
  });
});

describe('AIF', () => {
  it('an I-node per annotation, a scheme node and two edges per link in the article', () => {
    const out = run('aif');
    for (const entry of corpus) {
      for (const layer of entry.layers) {
        const graph = JSON.parse(out.get(`${entry.article.id}/${layer.owner}.json`)!) as { nodes: { nodeID: string; type: string }[]; edges: { fromID: string; toID: string }[] };
        const local = layer.annotations.flatMap((a) => a.links).filter((l) => !l.article);
        expect(graph.nodes.filter((n) => n.type === 'I')).toHaveLength(layer.annotations.length);
        expect(graph.nodes.filter((n) => n.type !== 'I')).toHaveLength(local.length);
        expect(graph.edges).toHaveLength(local.length * 2);
        const ids = new Set(graph.nodes.map((n) => n.nodeID));
        for (const e of graph.edges) expect(ids.has(e.fromID) && ids.has(e.toID)).toBe(true);
        expect(graph.nodes.filter((n) => n.type === 'CA')).toHaveLength(local.filter((l) => l.rel === 'rebuts').length);
      }
    }
  });
});

describe('pseudonymisation', () => {
  it('no author id or name survives in any format, gold stays, and the same salt gives the same pseudonyms', () => {
    const salt = 'a fixed test salt, 32 characters';
    const p = pseudonymiser(salt);
    const hidden = corpus.map(p);
    for (const name of ['w3c', 'jsonl', 'csv', 'brat', 'conll', 'aif'] as const) {
      const all = [...run(name, hidden)].map(([f, t]) => `${f}\n${t}`).join('\n');
      for (const word of ['alice', 'Alice', 'Émond', 'Bobby', 'chloe', 'Chloé']) expect(all).not.toContain(word);
    }
    expect(hidden[0]!.layers.map((l) => l.owner)).toContain('gold');
    expect(corpus.map(pseudonymiser(salt))).toEqual(hidden);
    expect(corpus.map(pseudonymiser('another salt of enough length'))).not.toEqual(hidden);
    expect(() => pseudonymiser('short')).toThrow();
  });
});
