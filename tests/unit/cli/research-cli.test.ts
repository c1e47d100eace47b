/**
 * The research command line end to end, as a researcher runs it: import two article files
 * and a W3C file written by another tool (two annotators, a link, one annotation whose quote
 * is not in the text) into a bundle, export it in every format, measure agreement, and see
 * that bad input fails with the file and the line and a non-zero exit code.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { docx } from '../formats/docx-fixture';
import { glose, gloseIntoClosedPipe, gloseOnTerminal, gloseWithEnv, tempDir, w3cAnnotation } from './cli-helpers';

const A_TEXT = 'Spotify and AI\n\nSpotify says its success came from AI. Critics say the success came from marketing.\n\nThe report was published on Monday.';
const B_MD = '# Meta and the AI Act\n\nMeta **claims** the AI Act will slow innovation in Europe.\n\nRegulators answer that the rules protect citizens.\n';
const B_TEXT = 'Meta and the AI Act\n\nMeta claims the AI Act will slow innovation in Europe.\n\nRegulators answer that the rules protect citizens.';
const CLAIM_A = 'Spotify says its success came from AI';
const CLAIM_B = 'the AI Act will slow innovation in Europe';
const MISSING = 'a sentence that no article contains at all';

function annotationsDoc(): object {
  const a = (id: string, layer: string, kind: string, exact: string) => w3cAnnotation('corpus', 'a', A_TEXT, id, layer, kind, exact);
  const b = (id: string, layer: string, kind: string, exact: string) => w3cAnnotation('corpus', 'b', B_TEXT, id, layer, kind, exact);
  const iri = (id: string) => `urn:glose:corpus/articles/a/annotations/${id}`;
  return [
    a('a1', 'alice', 'claim', CLAIM_A),
    a('a2', 'alice', 'disputed', 'the success came from marketing'),
    a('a3', 'bob', 'claim', CLAIM_A),
    a('a4', 'bob', 'rebuttal', 'Critics say the success came from marketing'),
    a('a5', 'bob', 'claim', MISSING),
    b('b1', 'alice', 'claim', CLAIM_B),
    b('b2', 'bob', 'claim', CLAIM_B),
    b('b3', 'bob', 'rebuttal', 'the rules protect citizens'),
    {
      id: 'urn:glose:corpus/articles/a/links/a2.rebuts.a1', type: 'Annotation', motivation: 'linking', target: iri('a2'),
      body: [iri('a1'), { type: 'TextualBody', purpose: 'classifying', value: 'rebuts' }],
    },
  ];
}

let dir = '';
let bundle = '';

beforeAll(async () => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'a.txt'), A_TEXT);
  writeFileSync(path.join(dir, 'b.md'), B_MD);
  writeFileSync(path.join(dir, 'notes.jsonld'), JSON.stringify(annotationsDoc(), null, 1));
  bundle = path.join(dir, 'corpus.zip');
  const articles = await glose('import', path.join(dir, 'a.txt'), path.join(dir, 'b.md'), '--into', bundle);
  expect(articles).toMatchObject({ code: 0, stderr: '' });
  const notes = await glose('import', path.join(dir, 'notes.jsonld'), '--into', bundle);
  expect(notes.code, notes.stderr).toBe(0);
  expect(notes.stdout).toContain('2 articles; annotations anchored exactly 7, moved 0, fuzzy 0; orphans 1');
});

const out = (name: string) => path.join(dir, name);

describe('glose import', () => {
  it('keeps the annotation it cannot anchor as an orphan, with the reason, in BUNDLE.orphans.json', () => {
    const orphans = JSON.parse(readFileSync(`${bundle}.orphans.json`, 'utf8')) as { article: string; layer: string; reason: string; record: { target: { exact: string } } }[];
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({ article: 'a', layer: 'bob', record: { target: { exact: MISSING } } });
    expect(orphans[0]!.reason).toMatch(/quote not found/);
  });

  it('writes a bundle whose texts, layers and manifest hold what was imported', () => {
    const files = unzipSync(readFileSync(bundle));
    expect(strFromU8(files['articles/a/text.txt']!)).toBe(A_TEXT);
    expect(strFromU8(files['articles/b/text.txt']!)).toBe(B_TEXT);
    const alice = JSON.parse(strFromU8(files['articles/a/layers/alice.json']!)) as { id: string; links: unknown[] }[];
    expect(alice.map((r) => r.id)).toEqual(['a1', 'a2']);
    expect(alice[1]!.links).toEqual([{ to: 'a1', rel: 'rebuts' }]);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { articles: { id: string; annotations: number }[] };
    expect(manifest.articles.map((a) => [a.id, a.annotations])).toEqual([['a', 4], ['b', 3]]);
  });

  it('reads a .docx as paragraphs; a file that is not one fails naming it', async () => {
    writeFileSync(out('word.docx'), docx(['# Une tribune', 'Le succès **ne vient pas** de l’IA 😀.', 'Fin.']));
    writeFileSync(out('fake.docx'), 'not a zip');
    const [good, bad] = await Promise.all([glose('import', out('word.docx'), '--into', out('word.zip')), glose('import', out('fake.docx'), '--into', out('fake.zip'))]);
    expect(good.code, good.stderr).toBe(0);
    const files = unzipSync(readFileSync(out('word.zip')));
    expect(strFromU8(files['articles/word/text.txt']!)).toBe('Une tribune\n\nLe succès ne vient pas de l’IA 😀.\n\nFin.');
    expect(JSON.parse(strFromU8(files['articles/word/article.json']!))).toMatchObject({ title: 'Une tribune', source: 'word.docx' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${out('fake.docx')}: not a readable Word document`);
  });
});

describe('glose export, in every format', () => {
  it('w3c: one collection holding the 7 annotations and the link, quotes intact', async () => {
    expect((await glose('export', '--from', bundle, '--format', 'w3c', '--out', out('x.jsonld'))).code).toBe(0);
    const doc = JSON.parse(readFileSync(out('x.jsonld'), 'utf8')) as { type: string; total: number; first: { items: { motivation: string; target: { selector?: { type: string; exact?: string }[] } }[] } };
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(8);
    const quotes = doc.first.items.flatMap((i) => i.target.selector ?? []).filter((s) => s.type === 'TextQuoteSelector').map((s) => s.exact);
    expect(quotes.filter((q) => q === CLAIM_A)).toHaveLength(2);
    expect(doc.first.items.filter((i) => i.motivation === 'linking')).toHaveLength(1);
  });

  it('jsonl and csv: one line or row per annotation', async () => {
    const [j, c] = await Promise.all([
      glose('export', '--from', bundle, '--format', 'jsonl', '--out', out('x.jsonl')),
      glose('export', '--from', bundle, '--format', 'csv', '--out', out('x.csv')),
    ]);
    expect([j.code, c.code]).toEqual([0, 0]);
    const lines = readFileSync(out('x.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { layer: string; kind: string });
    expect(lines.map((l) => `${l.layer}:${l.kind}`)).toEqual(['alice:claim', 'alice:disputed', 'bob:claim', 'bob:rebuttal', 'alice:claim', 'bob:claim', 'bob:rebuttal']);
    const rows = readFileSync(out('x.csv'), 'utf8').split('\r\n');
    expect(rows[0]).toBe('article,layer,id,kind,start,end,exact,prefix,suffix,note,author_id,author_name,created,modified,status,links,replies,agree,disagree,thread,votes');
    expect(rows.filter(Boolean)).toHaveLength(8);
  });

  it('brat: a folder, or the same files in a .zip, with text-bound annotations and the relation', async () => {
    const [folder, zipped] = await Promise.all([
      glose('export', '--from', bundle, '--format', 'brat', '--out', out('brat')),
      glose('export', '--from', bundle, '--format', 'brat', '--out', out('brat.zip')),
    ]);
    expect([folder.code, zipped.code]).toEqual([0, 0]);
    const ann = readFileSync(out('brat/alice/a.ann'), 'utf8');
    const start = A_TEXT.indexOf(CLAIM_A);
    expect(ann).toContain(`T1\tclaim ${start} ${start + CLAIM_A.length}\t${CLAIM_A}`);
    expect(ann).toMatch(/^R1\trebuts Arg1:T2 Arg2:T1$/m);
    expect(readFileSync(out('brat/alice/a.txt'), 'utf8')).toBe(A_TEXT);
    const entries = unzipSync(readFileSync(out('brat.zip')));
    expect(strFromU8(entries['alice/a.ann']!)).toBe(ann);
    expect(Object.keys(entries).sort()).toEqual(['alice/a.ann', 'alice/a.txt', 'alice/b.ann', 'alice/b.txt', 'annotation.conf', 'bob/a.ann', 'bob/a.txt', 'bob/b.ann', 'bob/b.txt']);
  });

  it('conll: BIO columns per kind, one document per article and layer', async () => {
    expect((await glose('export', '--from', bundle, '--format', 'conll', '--out', out('x.conll'))).code).toBe(0);
    const conll = readFileSync(out('x.conll'), 'utf8');
    expect(conll.split('\n')[0]).toMatch(/^# columns = TOKEN START END CLAIM DISPUTED/);
    expect(conll.match(/^#begin document/gm)).toHaveLength(4);
    expect(conll).toMatch(/^says\t\d+\t\d+\tI-claim\t/m);
  });

  it('aif: one graph per article and layer, the link as a conflict scheme', async () => {
    expect((await glose('export', '--from', bundle, '--format', 'aif', '--out', out('aif'))).code).toBe(0);
    const graph = JSON.parse(readFileSync(out('aif/a/alice.json'), 'utf8')) as { nodes: { type: string; text: string }[]; edges: unknown[] };
    expect(graph.nodes.filter((n) => n.type === 'I').map((n) => n.text)).toEqual([CLAIM_A, 'the success came from marketing']);
    expect(graph.nodes.filter((n) => n.type === 'CA')).toHaveLength(1);
    expect(graph.edges).toHaveLength(2);
    expect(readdirSync(out('aif')).sort()).toEqual(['a', 'b']);
  });

  it('tei: one XML file; webanno: annotation/<article>/<layer>.tsv in a folder', async () => {
    expect((await glose('export', '--from', bundle, '--format', 'tei', '--out', out('x.xml'))).code).toBe(0);
    expect(readFileSync(out('x.xml'), 'utf8')).toMatch(/^<\?xml[\s\S]*<teiCorpus xmlns="http:\/\/www\.tei-c\.org\/ns\/1\.0">[\s\S]*<standOff>[\s\S]*<\/teiCorpus>\n$/);
    expect((await glose('export', '--from', bundle, '--format', 'webanno', '--out', out('wa'))).code).toBe(0);
    expect(readdirSync(out('wa/annotation/a')).sort()).toEqual(['alice.tsv', 'bob.tsv']);
  });

  it('bundle --pseudonymise: no author name or id left, and the manifest says so', async () => {
    expect((await glose('export', '--from', bundle, '--format', 'bundle', '--pseudonymise', 'a-long-secret-salt-123', '--out', out('p.zip'))).code).toBe(0);
    const files = unzipSync(readFileSync(out('p.zip')));
    const all = Object.entries(files).map(([name, bytes]) => `${name}\n${strFromU8(bytes)}`).join('\n');
    expect(all).not.toMatch(/alice|bob/);
    expect(JSON.parse(strFromU8(files['manifest.json']!))).toMatchObject({ pseudonymised: true });
  });

  it('round trip: W3C export, import into a fresh bundle of the same articles, export again gives identical bytes', async () => {
    const fresh = path.join(tempDir(), 'corpus.zip');
    expect((await glose('import', path.join(dir, 'a.txt'), path.join(dir, 'b.md'), '--into', fresh)).code).toBe(0);
    expect((await glose('export', '--from', bundle, '--format', 'w3c', '--out', out('first.jsonld'))).code).toBe(0);
    expect((await glose('import', out('first.jsonld'), '--into', fresh)).code).toBe(0);
    expect((await glose('export', '--from', fresh, '--format', 'w3c', '--out', out('second.jsonld'))).code).toBe(0);
    expect(readFileSync(out('second.jsonld'), 'utf8')).toBe(readFileSync(out('first.jsonld'), 'utf8'));
  });
});

describe('reproducible bundles', () => {
  it('bundle → bundle gives identical bytes (the date comes from the source bundle); SOURCE_DATE_EPOCH sets it', async () => {
    expect((await glose('export', '--from', bundle, '--format', 'bundle', '--out', out('again.zip'))).code).toBe(0);
    expect(Buffer.compare(readFileSync(out('again.zip')), readFileSync(bundle))).toBe(0);
    const dated = await gloseWithEnv({ SOURCE_DATE_EPOCH: '1700000000' }, 'export', '--from', bundle, '--format', 'bundle', '--out', out('dated.zip'));
    expect(dated.code, dated.stderr).toBe(0);
    expect(JSON.parse(strFromU8(unzipSync(readFileSync(out('dated.zip')))['manifest.json']!))).toMatchObject({ exported: '2023-11-14T22:13:20.000Z' });
    const bad = await gloseWithEnv({ SOURCE_DATE_EPOCH: 'yesterday' }, 'export', '--from', bundle, '--format', 'bundle', '--out', out('bad-date.zip'));
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('SOURCE_DATE_EPOCH must be whole seconds') });
  });
});

describe('glose agreement', () => {
  it('ends quietly with exit code 0 when its reader stops early (`glose agreement | head`)', async () => {
    const r = await gloseIntoClosedPipe('agreement', '--from', bundle);
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });

  it('--json: identical claims agree perfectly; a kind one annotator never used gives kappa 0', async () => {
    const r = await glose('agreement', '--from', bundle, '--json');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { annotators: string[]; kinds: { kind: string; cohen: { a: string; b: string; kappa: number }[]; fleiss: number; alpha: number }[]; articles: { article: string }[] };
    expect(result.annotators).toEqual(['alice', 'bob']);
    const claim = result.kinds.find((k) => k.kind === 'claim')!;
    expect(claim).toMatchObject({ cohen: [{ a: 'alice', b: 'bob', kappa: 1 }], fleiss: 1, alpha: 1 });
    expect(result.kinds.find((k) => k.kind === 'rebuttal')!.cohen[0]!.kappa).toBe(0);
    expect(result.articles.map((a) => a.article)).toEqual(['a', 'b']);
  });

  it('prints a table for people', async () => {
    const r = await glose('agreement', '--from', bundle);
    expect(r.stdout).toMatch(/Cohen κ alice × bob:\s+1\.000/);
  });
});

describe('bad input fails with the file and the line, and a non-zero exit code', () => {
  it('broken JSON names the file and its line', async () => {
    const file = out('broken.jsonld');
    writeFileSync(file, '[\n {"type": "Annotation"},\n {oops}\n]');
    const r = await glose('import', file, '--into', out('other.zip'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:3: not valid JSON`);
    expect(existsSync(out('other.zip'))).toBe(false);
  });

  it('a bad record inside a bundle names the bundle, the file inside and the line', async () => {
    const files = unzipSync(readFileSync(bundle));
    const layer = strFromU8(files['articles/a/layers/bob.json']!).split('\n');
    layer[2] = layer[2]!.replace('"kind":"rebuttal"', '"kind":42');
    files['articles/a/layers/bob.json'] = strToU8(layer.join('\n'));
    const bad = out('bad.zip');
    writeFileSync(bad, zipSync(files));
    const r = await glose('export', '--from', bad, '--format', 'csv', '--out', out('bad.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}: articles/a/layers/bob.json:3: kind`);
  });

  it('an empty article, an unknown file type, an unknown format, a missing option', async () => {
    writeFileSync(out('empty.txt'), ' \n\n');
    const [empty, pdf, format, missing] = await Promise.all([
      glose('import', out('empty.txt'), '--into', out('e.zip')),
      glose('import', out('paper.pdf'), '--into', out('e.zip')),
      glose('export', '--from', bundle, '--format', 'docx', '--out', out('x')),
      glose('agreement'),
    ]);
    expect(empty).toMatchObject({ code: 1, stderr: `glose: ${out('empty.txt')}:1: the article is empty\n` });
    expect(pdf.stderr).toContain(`${out('paper.pdf')}: unsupported file type`);
    expect(format).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown format "docx"') });
    expect(missing).toMatchObject({ code: 1, stderr: 'glose: --from is required\n' });
  });

  it('an unknown command prints the usage and exits with 2; --help exits with 0', async () => {
    const [unknown, help] = await Promise.all([glose('frobnicate'), glose('--help')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"[\s\S]*export --from/);
    expect(help).toMatchObject({ code: 0, stderr: expect.stringContaining('agreement --from') });
  });
});

describe('progress', () => {
  it('draws a bar with the article total on a terminal, and nothing when stderr is not one', async () => {
    const terminal = await gloseOnTerminal('export', '--from', bundle, '--format', 'jsonl', '--out', out('t.jsonl'));
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toMatch(/\rexport jsonl \[#{20}\] 2\/2 articles/);
    const piped = await glose('export', '--from', bundle, '--format', 'jsonl', '--out', out('t.jsonl'));
    expect(piped).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});
