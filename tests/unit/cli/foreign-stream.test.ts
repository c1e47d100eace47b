/**
 * `glose import` streaming one W3C file while it writes the bundle (foreign-stream.ts) places
 * exactly the records the general way places (resolve every item first, then group by
 * article): record for record in each article, the same articles left over as orphans, the
 * same bad items with their reasons in the same order, the same source counts and creators. It
 * streams Glose's own export (links inside an article and across articles included) without
 * starting again, and says "start again" (NotStreamable) on a file it cannot stream, never
 * giving another result: items out of order, a bundle in another order, a source that is not
 * ours, links out of their group, duplicated identifiers, in hand-made and random files.
 * Through `glose import` itself (its reading worker included), a file it gives up on midway or
 * at once is imported again the general way into the bundle a grouped file gives.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as glose } from '../../../electron/cli/commands/import';
import { resolveForeign } from '../../../electron/cli/commands/foreign-passes';
import { NotStreamable } from '../../../electron/cli/commands/foreign-groups';
import { groupsHere } from '../../../electron/cli/commands/foreign-groups-thread';
import { placedFrom, streamed, type Placed } from '../../../electron/cli/commands/foreign-stream';
import { bundleWriter } from '../../../shared/formats/bundle-writer';
import { runWriter } from '../../../shared/formats/run-writer';
import type { ArticleSnapshot } from '../../../shared/formats/types';
import { readW3cFile, w3cItemReader } from '../../../shared/formats/w3c-bytes';
import { w3cWriter } from '../../../shared/formats/w3c-export';
import { zipSink } from '../../../shared/formats/zip-sink';
import { prng } from '../../support/prng';
import { CORPUS, seedCorpus } from '../formats/fixtures';

const now = (): Date => new Date('2025-10-01T12:00:00.000Z');
const options = { corpus: CORPUS.id, tagset: CORPUS.tagset, kindMap: new Map<string, string>(), now };
const corpus = seedCorpus(6);
const bare = (ids: readonly string[]): ArticleSnapshot[] => ids.map((id) => ({ ...corpus.find((a) => a.article.id === id)!, layers: [] }));
const ids = corpus.map((a) => a.article.id);

const utf8 = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  return { bytes, text: (start?: number, end?: number) => bytes.toString('utf8', start, end) };
};
/** The export's items, one JSON text each, and the file made of a list of them. */
const exportItems = (articles: ArticleSnapshot[]): string[] => (JSON.parse(runWriter(w3cWriter({ corpus: CORPUS }), articles).get('')!) as { first: { items: unknown[] } }).first.items.map((i) => JSON.stringify(i));
const fileOf = (items: readonly string[]): string => `[${items.join(',\n')}]`;

/** What a way places when the bundle holds `bundle` in that order. */
async function drain(placed: Placed, bundle: readonly string[]) {
  const byArticle: (readonly [string, Awaited<ReturnType<Placed['recordsOf']>>])[] = [];
  for (const id of bundle) byArticle.push([id, await placed.recordsOf(id)]);
  const rest = await placed.rest();
  return { byArticle, rest, ...placed.result() };
}

async function general(text: string, bundle: readonly string[]) {
  const batch = readW3cFile(utf8(text), 'f.jsonld');
  if (!batch.ok) throw new Error(batch.error);
  const articles = async function* () {
    yield* bare(bundle);
  };
  return drain(placedFrom(await resolveForeign(batch.value, articles, options)), bundle);
}

async function streaming(text: string, bundle: readonly string[]) {
  const items = w3cItemReader(utf8(text), 'f.jsonld');
  if (!items) throw new Error('not read item by item');
  try {
    return await drain(streamed(groupsHere(items, options)), bundle);
  } catch (error) {
    if (error instanceof NotStreamable) return 'again' as const;
    throw error;
  }
}

/** The streamed result, which must be the general one when it is given. */
async function compare(text: string, bundle: readonly string[]): Promise<'same' | 'again'> {
  const s = await streaming(text, bundle);
  if (s === 'again') return s;
  expect(s).toEqual(await general(text, bundle));
  return 'same';
}

const items = exportItems(corpus);

describe('streaming one W3C file into the bundle', () => {
  it('streams Glose’s own export, links inside and across articles included, as the general way places it', async () => {
    expect(items.length).toBeGreaterThan(100);
    expect(items.filter((i) => i.includes('"linking"')).length).toBeGreaterThan(5);
    expect(await compare(fileOf(items), ids)).toBe('same');
    const g = await general(fileOf(items), ids);
    expect(g.records).toBeGreaterThan(100);
    expect(g.byArticle.some(([, r]) => r.some((x) => x.record.links.some((l) => l.article)))).toBe(true); // the link across articles
  });

  it('gives the same orphans, bad items and reasons: articles missing from the bundle, items that are not annotations, unknown kinds', async () => {
    const mixed = [...items];
    mixed.splice(3, 0, '{"type":"Note","id":"urn:x:note"}', '42');
    const kind = mixed.findIndex((i) => i.includes('"classifying"'));
    mixed[kind] = mixed[kind]!.replace(/"purpose":"classifying","value":"[^"]+"/, '"purpose":"classifying","value":"no-such-kind"');
    // the bundle lacks the last two articles of the file: their records are left over
    expect(await compare(fileOf(mixed), ids.slice(0, -2))).toBe('same');
    const g = await general(fileOf(mixed), ids.slice(0, -2));
    expect(g.rest.length).toBeGreaterThan(0);
    expect(g.bad.map((b) => b.reason).join('\n')).toMatch(/not a W3C Annotation[\s\S]*unknown kind "no-such-kind"/);
  });

  it('says "start again" rather than give another result when the file is not grouped like the bundle', async () => {
    const moved = [...items.slice(40), ...items.slice(0, 40)]; // the first article's group split in two
    expect(await compare(fileOf(moved), ids)).toBe('again');
    expect(await compare(fileOf(items), [...ids].reverse())).toBe('again');
    const foreign = items.map((i) => i.replace(/"source":"[^"]+"/, '"source":"a.txt"'));
    expect(await compare(fileOf(foreign), ids)).toBe('again');
    // an item of an article not in the bundle between two groups: the next article is written before its group is reached
    expect(await compare(fileOf([items[0]!, items.at(-1)!, ...items.slice(1, -1)]), ids.slice(0, -1))).toBe('again');
  });

  it('says "start again" when a link across articles names a record its IRI misplaces (the general way finds it by identifier)', async () => {
    const to = (JSON.parse(items.find((i) => i.includes('"linking"') && i.includes(`/articles/${ids[1]}/annotations/`))!) as { body: string[] }).body[0]!;
    const claimed = to.replace(`/articles/${ids[1]}/`, `/articles/${ids[3]}/`); // the IRI says article 3, its target says article 1
    const file = fileOf(items.map((i) => i.replaceAll(`"${to}"`, `"${claimed}"`)));
    expect(file).toContain(claimed);
    expect(await compare(file, ids)).toBe('again');
    const g = await general(file, ids);
    expect(g.byArticle[0]![1].flatMap((r) => r.record.links).some((l) => l.article === ids[1])).toBe(true);
  });

  it('on random files (groups moved, items swapped or duplicated, links cut, articles left out) streams only what it places the same', async () => {
    const rand = prng(20251205);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const seen = { same: 0, again: 0 };
    for (let round = 0; round < 60; round++) {
      const file = [...items];
      for (let k = Math.floor(rand() * 3); k > 0; k--) {
        const i = Math.floor(rand() * file.length);
        const j = Math.floor(rand() * file.length);
        const change = pick(['swap', 'duplicate', 'drop', 'link-out'] as const);
        if (change === 'swap') [file[i], file[j]] = [file[j]!, file[i]!];
        if (change === 'duplicate') file.splice(j, 0, file[i]!);
        if (change === 'drop') file.splice(i, 1);
        if (change === 'link-out') file[i] = file[i]!.replace(/"target":"([^"]+)"/, `"target":"${JSON.parse(pick(items)).id as string}"`);
      }
      const bundle = rand() < 0.3 ? ids.filter(() => rand() < 0.8) : ids;
      seen[await compare(fileOf(file), bundle)]++;
    }
    expect(seen.same).toBeGreaterThan(5);
    expect(seen.again).toBeGreaterThan(5);
  });
});

describe('glose import of one W3C file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'glose-stream-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bundleOf = (file: string): void => {
    const chunks: Uint8Array[] = [];
    const sink = zipSink((c) => chunks.push(c), (e) => { throw e; });
    for (const [name, text] of runWriter(bundleWriter({ corpus: CORPUS, app: { name: 'glose', version: 'test' }, now, pseudonymised: false }), bare(ids))) sink.add(name, text);
    sink.end();
    writeFileSync(file, Buffer.concat(chunks));
  };
  const importing = async (name: string, annotations: readonly string[]) => {
    const json = path.join(dir, `${name}.jsonld`);
    const into = path.join(dir, `${name}.zip`);
    writeFileSync(json, fileOf(annotations));
    bundleOf(into);
    const said = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.stubEnv('SOURCE_DATE_EPOCH', '1764892800'); // the manifest's date, else now
    try {
      await glose([json, '--into', into]);
      return { bundle: readFileSync(into), said: said.mock.calls.map((c) => c.join(' ')) };
    } finally {
      said.mockRestore();
      vi.unstubAllEnvs();
    }
  };

  it('starts again the general way after writing part of the bundle, and gives the bundle a grouped file gives', async () => {
    const of = (article: string) => items.filter((i) => (JSON.parse(i) as { id: string }).id.includes(`/articles/${article}/`));
    const [first, second] = [of(ids[0]!), of(ids[1]!)];
    expect(first.length + second.length).toBeGreaterThan(20);
    const rest = items.filter((i) => !first.includes(i) && !second.includes(i));
    // the file gives article 2 before article 1: the stream writes article 1 empty, then meets its group
    const swapped = await importing('swapped', [...second, ...first, ...rest]);
    const grouped = await importing('grouped', items);
    expect(Buffer.compare(swapped.bundle, grouped.bundle)).toBe(0);
    expect(swapped.said).toEqual(grouped.said);
    expect(grouped.said[0]).toMatch(/^6 articles; annotations anchored exactly \d+/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(dir, 'grouped.zip.provenance.json'))).toBe(true);
    // sources by file name: the reader (in its worker) gives up at the first item, and the general way matches them
    const named = await importing('named', items.map((i) => i.replace(/"source":"[^"]*\/articles\/([^"/]+)"/, '"source":"https://elsewhere.example/texts/$1.txt"')));
    expect(Buffer.compare(named.bundle, grouped.bundle)).toBe(0);
    expect(readFileSync(path.join(dir, 'named.zip.provenance.json'), 'utf8')).toContain('"by": "file name"');
  });
});
