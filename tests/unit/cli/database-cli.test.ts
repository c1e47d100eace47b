/**
 * `--from DATA_DIR`: export and agreement read a class server's database (built here by the
 * real server and real providers, then stopped) one article at a time, as they read a bundle:
 * every format holds what the students wrote, quotes at their code-point offsets, authors and
 * links; `--corpus` chooses among several corpora; the database is only read; and a database
 * a server holds, or a folder that is not one, fails with a message and exit code 1.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocStore } from '../../../electron/server/storage';
import { databaseDir } from '../../../electron/server/sync-server';
import { CLAIM_A, CLAIM_B, CLASS, MARKETING, TEXTS, TITLE, VERDICT, WRITTEN, addCorpusDirectly, classDatabase } from './class-database';
import { glose, gloseOnTerminal, tempDir, type Run } from './cli-helpers';

let data = '';
let two = '';
let carol = '';
let dir = '';
const out = (name: string) => path.join(dir, name);
/** LevelDB admits one process at a time, so commands on one database run one after the other. */
async function inTurn(...commands: string[][]): Promise<Run[]> {
  const runs: Run[] = [];
  for (const args of commands) runs.push(await glose(...args));
  return runs;
}
const codePoints = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

beforeAll(async () => {
  data = await classDatabase();
  dir = tempDir();
  two = out('two-corpora');
  cpSync(data, two, { recursive: true });
  carol = await addCorpusDirectly(two, 'other');
}, 20_000);

interface W3cItem {
  motivation: string;
  creator?: { id: string; name: string };
  target: string | { source: string; selector: { type: string; start?: number; end?: number; exact?: string }[] };
  body: unknown[];
}

describe('export --from a server data directory', () => {
  it('w3c: the class title, every record with its quote at its code-point offsets, its author, and the link', async () => {
    const r = await glose('export', '--from', data, '--format', 'w3c', '--out', out('x.jsonld'));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(readFileSync(out('x.jsonld'), 'utf8')) as { label: string; total: number; first: { items: W3cItem[] } };
    expect(doc.label).toBe(TITLE);
    const written = Object.values(WRITTEN).flatMap((byArticle) => Object.values(byArticle).flat());
    expect(doc.total).toBe(written.length + 1);
    const quotes = doc.first.items.filter((i) => i.motivation === 'classifying').map((i) => {
      const target = i.target as Exclude<W3cItem['target'], string>;
      const position = target.selector.find((s) => s.type === 'TextPositionSelector')!;
      const text = TEXTS[target.source.split('/').at(-1)!]!;
      return [i.creator!.name, codePoints(text, position.start!, position.end!), target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact];
    });
    expect(quotes).toEqual([
      ['Alice Émond', CLAIM_A, CLAIM_A], ['Alice Émond', MARKETING, MARKETING], ['Bob Ng', CLAIM_A, CLAIM_A],
      ['Alice Émond', CLAIM_B, CLAIM_B], ['Bob Ng', CLAIM_B, CLAIM_B],
    ]);
    const link = doc.first.items.find((i) => i.motivation === 'linking')!;
    expect(link.target).toBe(`urn:glose:${CLASS}/articles/a/annotations/a2`);
    expect(link.body[0]).toBe(`urn:glose:${CLASS}/articles/a/annotations/a1`);
  });

  it('jsonl and csv: one line or row per record, with layer, kind, author and links; a terminal sees the article total', async () => {
    const [j, c] = await inTurn(['export', '--from', data, '--format', 'jsonl', '--out', out('x.jsonl')], ['export', '--from', data, '--format', 'csv', '--out', out('x.csv')]);
    const t = await gloseOnTerminal('export', '--from', data, '--format', 'jsonl', '--out', out('t.jsonl'));
    expect([j.code, c.code, t.code]).toEqual([0, 0, 0]);
    const lines = readFileSync(out('x.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.map((l) => [l.article, l.layer, l.id, l.kind, l.author_name, l.links])).toEqual([
      ['a', 'alice', 'a1', 'claim', 'Alice Émond', ''], ['a', 'alice', 'a2', 'disputed', 'Alice Émond', 'rebuts:a1'],
      ['a', 'bob', 'a3', 'claim', 'Bob Ng', ''], ['b', 'alice', 'b1', 'claim', 'Alice Émond', ''], ['b', 'bob', 'b2', 'claim', 'Bob Ng', ''],
    ]);
    expect(readFileSync(out('x.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(6);
    expect(t.stdout).toMatch(/\rexport jsonl \[#{20}\] 2\/2 articles/);
  });

  it('brat, conll and aif: spans in code points, the relation, one document per article and layer', async () => {
    const runs = await inTurn(
      ['export', '--from', data, '--format', 'brat', '--out', out('brat')],
      ['export', '--from', data, '--format', 'conll', '--out', out('x.conll')],
      ['export', '--from', data, '--format', 'aif', '--out', out('aif')],
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const start = [...TEXTS.a!.slice(0, TEXTS.a!.indexOf(CLAIM_A))].length;
    expect(start).toBeLessThan(TEXTS.a!.indexOf(CLAIM_A));
    const ann = readFileSync(out('brat/alice/a.ann'), 'utf8');
    expect(ann).toContain(`T1\tclaim ${start} ${start + CLAIM_A.length}\t${CLAIM_A}`);
    expect(ann).toMatch(/^R1\trebuts Arg1:T2 Arg2:T1$/m);
    expect(readFileSync(out('brat/bob/b.txt'), 'utf8')).toBe(TEXTS.b);
    expect(readFileSync(out('x.conll'), 'utf8').match(/^#begin document/gm)).toHaveLength(4);
    const graph = JSON.parse(readFileSync(out('aif/a/alice.json'), 'utf8')) as { nodes: { type: string; text: string }[] };
    expect(graph.nodes.filter((n) => n.type === 'I').map((n) => n.text)).toEqual([CLAIM_A, MARKETING]);
    expect(graph.nodes.filter((n) => n.type === 'CA')).toHaveLength(1);
  });

  it('claimreview: the teacher’s verdict on a1, and the class’s vote on each claim of article b', async () => {
    const [run] = await inTurn(['export', '--from', data, '--format', 'claimreview', '--out', out('x.jsonld')]);
    expect(run!.code).toBe(0);
    const graph = (JSON.parse(readFileSync(out('x.jsonld'), 'utf8')) as { '@graph': { claimReviewed: string; reviewRating: { alternateName: string }; author: { name: string } }[] })['@graph'];
    expect(graph.map((r) => [r.claimReviewed, r.reviewRating.alternateName, r.author.name])).toEqual([
      [CLAIM_A, 'misleading', VERDICT.author.name],
      [CLAIM_B, 'false', TITLE],
      [CLAIM_B, 'false', TITLE],
    ]);
  });

  it('gives the same W3C export as a bundle exported from it, and takes DIR/db itself', async () => {
    expect((await glose('export', '--from', databaseDir(data), '--format', 'bundle', '--out', out('db.zip'))).code).toBe(0);
    const [direct, viaBundle] = await Promise.all([
      glose('export', '--from', data, '--format', 'w3c', '--out', out('direct.jsonld')),
      glose('export', '--from', out('db.zip'), '--format', 'w3c', '--out', out('via-bundle.jsonld')),
    ]); // one database, one bundle: they run side by side
    expect([direct.code, viaBundle.code]).toEqual([0, 0]);
    expect(readFileSync(out('via-bundle.jsonld'), 'utf8')).toBe(readFileSync(out('direct.jsonld'), 'utf8'));
  });
});

describe('agreement --from a server data directory', () => {
  it('--json: alice and bob marked the same claims; only alice used "disputed"', async () => {
    const r = await glose('agreement', '--from', data, '--json');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { annotators: string[]; kinds: { kind: string; cohen: { kappa: number }[]; fleiss: number }[]; articles: { article: string }[] };
    expect(result.annotators).toEqual(['alice', 'bob']);
    expect(result.kinds.find((k) => k.kind === 'claim')).toMatchObject({ cohen: [{ kappa: 1 }], fleiss: 1 });
    expect(result.kinds.find((k) => k.kind === 'disputed')!.cohen[0]!.kappa).toBe(0);
    expect(result.articles.map((a) => a.article)).toEqual(['a', 'b']);
  });
});

describe('several corpora: --corpus', () => {
  it('without --corpus lists them and exits 1; an unknown one too; the chosen one is exported, a bad record reported and skipped', async () => {
    const [none, unknown, chosen, agreement] = await inTurn(
      ['export', '--from', two, '--format', 'jsonl', '--out', out('none.jsonl')],
      ['agreement', '--from', two, '--corpus', 'nope'],
      ['export', '--from', two, '--corpus', 'other', '--format', 'jsonl', '--out', out('other.jsonl')],
      ['agreement', '--from', two, '--corpus', CLASS, '--json'],
    );
    expect(none).toMatchObject({ code: 1, stderr: `glose: ${databaseDir(two)}: the database holds several corpora (${CLASS}, other): choose one with --corpus\n` });
    expect(unknown).toMatchObject({ code: 1, stderr: `glose: ${databaseDir(two)}: no corpus "nope" in the database (corpora: ${CLASS}, other)\n` });
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.stderr).toMatch(new RegExp(`^glose: ${databaseDir(two)}: ${carol}: record broken skipped \\(`));
    const lines = readFileSync(out('other.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.map((l) => [l.layer, l.id, l.exact])).toEqual([['carol', 'c1', CLAIM_A]]);
    expect(JSON.parse(agreement.stdout)).toMatchObject({ annotators: ['alice', 'bob'] });
  });

  it('only reads: the run of updates it merged is still two keys', async () => {
    const store = await DocStore.open(databaseDir(two), { fsync: false });
    try {
      expect(await store.keyCount(carol)).toBe(2);
    } finally {
      await store.close();
    }
  });
});

describe('what --from cannot read fails with a message and exit code 1', () => {
  it('a database another process holds: stop the server', async () => {
    const store = await DocStore.open(databaseDir(data), { fsync: false });
    try {
      const [exported, agreed] = await Promise.all([
        glose('export', '--from', data, '--format', 'csv', '--out', out('locked.csv')),
        glose('agreement', '--from', data),
      ]);
      for (const r of [exported, agreed]) {
        expect(r).toMatchObject({ code: 1, stdout: '' });
        expect(r.stderr).toBe(`glose: ${databaseDir(data)}: the database is in use by another process (a running Glose server, or another glose command): stop the server or run the command on a copy of its data directory\n`);
      }
    } finally {
      await store.close();
    }
  });

  it('a database whose CURRENT is missing is reported as damaged, and left as it is', async () => {
    const copy = out('damaged');
    cpSync(data, copy, { recursive: true });
    rmSync(path.join(databaseDir(copy), 'CURRENT'));
    const before = readdirSync(databaseDir(copy)).sort();
    const r = await glose('export', '--from', copy, '--format', 'csv', '--out', out('d.csv'));
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining(`glose: ${databaseDir(copy)}: the database is damaged: LevelDB's CURRENT file is missing`) });
    expect(readdirSync(databaseDir(copy)).sort()).toEqual(before);
  });

  it('a folder with no database in it; --corpus with a bundle', async () => {
    const empty = out('empty');
    mkdirSync(empty);
    const [folder, bundle] = await Promise.all([
      glose('export', '--from', empty, '--format', 'csv', '--out', out('e.csv')),
      glose('agreement', '--from', out('corpus.zip'), '--corpus', CLASS),
    ]);
    expect(folder).toMatchObject({ code: 1, stderr: `glose: ${empty}: neither a bundle (.zip) nor a server data directory (no database in ${path.join(empty, 'db')})\n` });
    expect(bundle).toMatchObject({ code: 1, stderr: expect.stringContaining('--corpus chooses among the corpora of a server data directory') });
  });
});
