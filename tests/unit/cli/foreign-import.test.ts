/**
 * `glose import` with annotations from other tools, each a fixture written by hand from the
 * tool's documented format (tests/fixtures/foreign/): Hypothesis API rows and JSON-LD,
 * RecogitoJS, another W3C tool (sources mapped by file name, by a --source-map, or by a unique
 * quote), W3C JSON lines (.jsonl, and a .json file of lines), brat standoff and INCEpTION's WebAnno TSV 3. Every good item lands in the right
 * article and layer with its quote, kind, note and date; every bad one is listed with its
 * reason; nothing is refused whole.
 */
import { readFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/record';
import { repoRoot } from '../formats/fixtures';
import { glose, tempDir } from './cli-helpers';

const F = (name: string): string => path.join(repoRoot, 'tests/fixtures/foreign', name);

let dir = '';
let bundle = '';
let files: Record<string, Uint8Array> = {};
let stdout = '';

const layer = (article: string, owner: string): Annotation[] => JSON.parse(strFromU8(files[`articles/${article}/layers/${owner}.json`] ?? new Uint8Array())) as Annotation[];
const listed = (): { where?: string; reason: string }[] => JSON.parse(readFileSync(`${bundle}.orphans.json`, 'utf8')) as { where?: string; reason: string }[];

beforeAll(async () => {
  dir = tempDir();
  bundle = path.join(dir, 'corpus.zip');
  for (const t of ['000_alpha.txt', 'beta.txt']) copyFileSync(F(`texts/${t}`), path.join(dir, t));
  const texts = await glose('import', path.join(dir, '000_alpha.txt'), path.join(dir, 'beta.txt'), '--into', bundle);
  expect(texts.code, texts.stderr).toBe(0);
  const r = await glose('import', F('hypothesis-api.json'), F('hypothesis.jsonld'), F('recogito.jsonld'), F('other-tool.jsonld'), F('lines-tool.jsonl'), F('lines-as.json'), F('brat/dana/beta.ann'),
    F('annotation/beta.txt/erin.tsv'), '--source-map', F('source-map.json'), '--into', bundle);
  expect(r.code, r.stderr).toBe(0);
  stdout = r.stdout;
  files = unzipSync(readFileSync(bundle));
});

describe('annotations from other tools', () => {
  it('Hypothesis API rows: tags as the kind, text as the note, acct: user as a valid layer id, microseconds and offsets read', () => {
    const [a] = layer('000_alpha', 'Zoe_R');
    expect(a).toMatchObject({ kind: 'claim', note: 'Is this sourced?', author: { id: 'Zoe_R', name: 'Zoé R.' }, created: '2024-05-02T09:14:33.123Z', modified: '2024-05-02T09:20:00.654Z' });
    expect(a!.target.exact).toBe('Spotify says its success came from AI');
    const provenance = JSON.parse(readFileSync(`${bundle}.provenance.json`, 'utf8')) as { creators: Record<string, string>; sources: { source: string; article: string; by: string }[] };
    expect(provenance.creators.Zoe_R).toContain('acct:Zoé_R@hypothes.is');
  });

  it('Hypothesis JSON-LD: a comment body without purpose is kept as the note; the urn source matched by its file name', () => {
    expect(layer('beta', 'bob')).toMatchObject([{ kind: 'rebuttal', note: 'Not what the report says.', target: { exact: 'the AI Act will slow innovation in Europe' } }]);
  });

  it('RecogitoJS: no source, the creator on the body; placed by its quote when one article holds it, listed when two do', () => {
    expect(layer('beta', 'rainer')).toMatchObject([{ kind: 'evidence', note: 'Evidence, with a source.', author: { name: 'Rainer' }, created: '2024-05-04T12:00:00.000Z' }]);
    expect(listed()).toContainEqual({ where: expect.stringContaining('recogito.jsonld item 2'), reason: expect.stringContaining('its quote is in 2 articles (000_alpha, beta)') });
    expect(stdout).toContain('1 placed by their quote alone');
  });

  it('another W3C tool: file name in an https IRI, a --source-map entry, offsets and 24:00:00; a bad date and an unknown source are listed', () => {
    expect(layer('beta', 'carol')).toMatchObject([{ kind: 'claim', target: { exact: 'Meta claims' }, created: '2024-05-02T14:14:33.500Z' }]);
    expect(layer('000_alpha', 'carol')).toMatchObject([{ kind: 'question', note: 'Which critics?', created: '2024-05-03T00:00:00.000Z' }]);
    const reasons = listed().map((x) => `${x.where ?? ''}: ${x.reason}`);
    expect(reasons).toContainEqual(expect.stringMatching(/other-tool\.jsonld item 3 .*created "yesterday" is not an xsd:dateTime/));
    expect(reasons).toContainEqual(expect.stringMatching(/other-tool\.jsonld item 4 .*quote is in none \(source: https:\/\/elsewhere\.example\/unknown\.html\)/));
  });

  it('W3C JSON lines: each line placed by the file name in its source, bad lines listed by number; a .json file of lines read as lines', () => {
    expect(layer('beta', 'frank').map((a) => [a.kind, a.target.exact])).toEqual([['claim', 'Meta claims'], ['rebuttal', 'Regulators answer that the rules protect citizens']]);
    expect(layer('000_alpha', 'frank')).toMatchObject([{ kind: 'question', note: 'Marketing, really?', target: { exact: 'the success came from marketing' } }]);
    const reasons = listed().map((x) => `${x.where ?? ''}: ${x.reason}`);
    expect(reasons).toContainEqual(expect.stringMatching(/lines-tool\.jsonl:4: not a line of JSON/));
    expect(reasons).toContainEqual(expect.stringMatching(/lines-tool\.jsonl:5: not a W3C Annotation/));
    expect(reasons).toContainEqual(expect.stringMatching(/lines-tool\.jsonl:6 \(https:\/\/lines\.example\/anno\/5\): no TextQuoteSelector/));
    expect(layer('beta', 'gina')).toMatchObject([{ kind: 'evidence', target: { exact: 'the rules protect citizens' } }]);
    expect(layer('000_alpha', 'gina')).toMatchObject([{ kind: 'claim', target: { exact: 'Spotify says' } }]);
  });

  it('Hypothesis page notes, replies and unknown kinds are listed with their reason, with the --kind-map to use', () => {
    const reasons = listed().map((x) => `${x.where ?? ''}: ${x.reason}`);
    expect(reasons).toContainEqual(expect.stringMatching(/row 2 \(PageNote0001\): a page note/));
    expect(reasons).toContainEqual(expect.stringMatching(/row 3 \(Reply0000001\): a reply/));
    expect(reasons).toContainEqual(expect.stringMatching(/row 4 \(HotTake00001\): unknown kind "hot take" .*--kind-map "hot take=KIND"/));
  });

  it('brat standoff: spans, the relation and the note into the folder\'s layer; attributes and unknown types listed', () => {
    const dana = layer('beta', 'dana');
    expect(dana.map((a) => [a.kind, a.target.exact])).toEqual([['claim', 'the AI Act will slow innovation in Europe'], ['rebuttal', 'Regulators answer that the rules protect citizens']]);
    expect(dana[1]).toMatchObject({ note: 'Answer from\nthe regulators', links: [{ to: dana[0]!.id, rel: 'rebuts' }] });
    const reasons = listed().map((x) => `${x.where ?? ''}: ${x.reason}`);
    expect(reasons).toContainEqual(expect.stringMatching(/beta\.ann:5: brat A annotations/));
    expect(reasons).toContainEqual(expect.stringMatching(/beta\.ann:6: unknown kind "Organisation"/));
  });

  it('WebAnno TSV 3 (INCEpTION layout annotation/<document>/<user>.tsv): multi-token spans, stacked notes unescaped, the relation from governor to dependent', () => {
    const erin = layer('beta', 'erin');
    expect(erin.map((a) => [a.kind, a.target.exact, a.note])).toEqual([
      ['evidence', 'Meta', ''],
      ['claim', 'the AI Act will slow innovation in Europe', ''],
      ['rebuttal', 'Regulators answer that the rules protect citizens', 'Says who? Source_needed'],
    ]);
    expect(erin[2]!.links).toEqual([{ to: erin[1]!.id, rel: 'rebuts' }]);
  });

  it('--kind-map maps an unknown kind; importing the same files again skips every annotation as a duplicate', async () => {
    const r = await glose('import', F('hypothesis-api.json'), '--kind-map', 'hot take=disputed', '--into', bundle);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('duplicates skipped 1');
    files = unzipSync(readFileSync(bundle));
    expect(layer('000_alpha', 'bob')).toMatchObject([{ kind: 'disputed', target: { exact: 'Critics say the success came from marketing' } }]);
    const bad = await glose('import', F('hypothesis-api.json'), '--kind-map', 'hot take=nonsense', '--into', bundle);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('--kind-map hot take=nonsense: expected FROM=TO with TO one of claim') });
  });
});
