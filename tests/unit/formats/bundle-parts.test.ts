/**
 * Version-2 bundles (issues 12 and 15): replies, votes, statuses, the private feedback (on marks,
 * on an article's work and on a whole work) and a web page's provenance with its saved page are
 * written and read back unchanged, and written again give the same bytes; a version-1 bundle
 * written by yesterday's code (a committed fixture) still reads; and one hostile bundle per new
 * part is refused with a clear error naming the part and a problem code the app translates.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleAssembler } from '../../../shared/formats/bundle-reader';
import { bundleWriter } from '../../../shared/formats/bundle-writer';
import type { BundleProblem } from '../../../shared/formats/bundle-parts';
import { runWriter } from '../../../shared/formats/run-writer';
import type { ArticleSnapshot, CorpusInfo } from '../../../shared/formats/types';
import { unzipSource } from '../../../shared/formats/unzip-source';
import { zipSink } from '../../../shared/formats/zip-sink';
import { sha256Hex } from '../../../shared/model/corpus';
import { CORPUS, EMOJI_TEXT, makeArticle, repoRoot } from './fixtures';

const now = (): Date => new Date('2025-10-01T12:00:00.000Z');
const app = { name: 'glose', version: '0.1.0' };
const teacher = { id: 'teacher', name: 'Mme Laurent', color: '#0072b2' };
const bob = { id: 'bob', name: 'Bob "Bobby" Ng', color: '#E69F00' };
const HTML = '<html><head><title>Café 😀</title></head><body><article><p>Le café est fort.</p></article></body></html>';

function fullArticle(): ArticleSnapshot {
  const a = makeArticle(3, 'emoji', 'Émoji', 'fr', EMOJI_TEXT, 4);
  const alice = a.layers.find((l) => l.owner === 'alice')!;
  const mark = alice.annotations[0]!.id;
  const bobs = a.layers.find((l) => l.owner === 'bob')!;
  bobs.replies = [{ id: 'r2', about: mark, text: 'Says who? =1+1', author: bob, created: '2025-09-02T10:30:00.000Z' }, { id: 'r1', about: mark, text: 'Source ?', author: bob, created: '2025-09-02T10:29:00.000Z' }];
  bobs.votes = [{ about: mark, value: 'disagree', author: bob, at: '2025-09-02T10:31:00.000Z' }];
  alice.statuses = [{ about: mark, status: 'resolved', author: alice.annotations[0]!.author, at: '2025-09-02T11:00:00.000Z' }];
  a.feedback = [{ student: 'alice', entries: [
    { id: 'f1', article: 'emoji', annotation: mark, text: 'Where is your evidence?', author: teacher, created: '2025-09-02T11:00:00.000Z' },
    { id: 'f2', article: 'emoji', text: 'Good reading of this one.', author: teacher, created: '2025-09-02T11:05:00.000Z' },
  ] }];
  const provenance = { url: 'https://news.example/cafe', finalUrl: 'https://news.example/cafe?amp', retrieved: '2025-09-01T08:00:00.000Z', contentType: 'text/html; charset=utf-8', bytes: Buffer.byteLength(HTML), sha256: sha256Hex(HTML) };
  a.source = { provenance, html: HTML };
  return a;
}

const corpus: CorpusInfo = {
  ...CORPUS,
  rubric: { claims: 3, rebuttals: 2, evidence: 1, questions: 0, replies: 1 },
  feedback: [{ student: 'alice', entries: [{ id: 'w1', text: 'A careful term’s work.', author: teacher, created: '2025-09-05T09:00:00.000Z' }] }],
};

function files(c: CorpusInfo, articles: ArticleSnapshot[]): Map<string, string> {
  return runWriter(bundleWriter({ corpus: c, app, now, pseudonymised: false }), articles);
}

function zip(entries: Iterable<[string, string]>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const sink = zipSink((c) => chunks.push(c), (e) => { throw e; });
  for (const [file, text] of entries) sink.add(file, text);
  sink.end();
  return Buffer.concat(chunks);
}

type Read = { ok: true; corpus: CorpusInfo; articles: ArticleSnapshot[] } | { ok: false; error: string; problem: BundleProblem | null };

function read(bytes: Uint8Array): Read {
  const assembler = bundleAssembler();
  const articles: ArticleSnapshot[] = [];
  let failure: string | null = null;
  const unzip = unzipSource((file, text) => {
    if (failure) return;
    const r = assembler.file(file, text);
    if (r.ok) articles.push(...r.value);
    else failure = r.error;
  }, (e) => (failure = e.message));
  unzip.push(bytes, true);
  if (failure) return { ok: false, error: failure, problem: assembler.problem() };
  const end = assembler.end();
  if (!end.ok) return { ok: false, error: end.error, problem: assembler.problem() };
  return { ok: true, corpus: assembler.corpus()!, articles: [...articles, ...end.value.articles] };
}

const readFiles = (map: Map<string, string>): Read => read(zip(map));

describe('a version-2 bundle carries the discussion, the feedback and the provenance', () => {
  const article = fullArticle();
  const written = files(corpus, [article]);

  it('writes each part where docs/formats.md says, in a fixed order', () => {
    expect([...written.keys()]).toEqual([
      'corpus.json', 'feedback/alice.json',
      'articles/emoji/article.json', 'articles/emoji/text.txt',
      'articles/emoji/layers/alice.json', 'articles/emoji/discussion/alice.json',
      'articles/emoji/layers/bob.json', 'articles/emoji/discussion/bob.json',
      'articles/emoji/layers/chloe.json', 'articles/emoji/layers/gold.json',
      'articles/emoji/feedback/alice.json', 'articles/emoji/source.json', 'articles/emoji/source.html',
      'manifest.json',
    ]);
    expect(JSON.parse(written.get('manifest.json')!).version).toBe(2);
    expect(written.get('articles/emoji/source.html')).toBe(HTML);
    expect(JSON.parse(written.get('articles/emoji/discussion/bob.json')!).replies.map((r: { id: string }) => r.id)).toEqual(['r1', 'r2']);
  });

  it('reads back everything, and writing what it read gives the same bytes', () => {
    const back = readFiles(written);
    if (!back.ok) throw new Error(back.error);
    const [a] = back.articles;
    expect(a!.layers.find((l) => l.owner === 'bob')!.replies!.map((r) => r.text)).toEqual(['Source ?', 'Says who? =1+1']);
    expect(a!.layers.find((l) => l.owner === 'bob')!.votes).toEqual(article.layers.find((l) => l.owner === 'bob')!.votes);
    expect(a!.layers.find((l) => l.owner === 'alice')!.statuses).toEqual(article.layers.find((l) => l.owner === 'alice')!.statuses);
    expect(a!.feedback).toEqual(article.feedback);
    expect(a!.source).toEqual(article.source);
    expect(back.corpus.feedback).toEqual(corpus.feedback);
    expect(back.corpus.rubric).toEqual(corpus.rubric);
    expect(zip(files(back.corpus, back.articles))).toEqual(zip(written));
  });

  it('reads a version-1 bundle written by the code of before (tests/fixtures/bundles/v1-bundle.zip)', () => {
    const back = read(readFileSync(path.join(repoRoot, 'tests/fixtures/bundles/v1-bundle.zip')));
    if (!back.ok) throw new Error(back.error);
    expect(back.articles.map((a) => a.article.id)).toEqual(['emoji']);
    expect(back.articles[0]!.layers.map((l) => [l.owner, l.annotations.length])).toEqual([['alice', 3], ['bob', 3], ['chloe', 3], ['gold', 2]]);
    expect(back.corpus.verdicts!.verdicts[0]!.rating).toBe('misleading');
    expect(back.articles[0]!.source).toBeUndefined();
  });
});

describe('a hostile part is refused with its file named, and nothing is read', () => {
  const good = files(corpus, [fullArticle()]);
  const changed = (file: string, text: string | null): Map<string, string> => {
    const out = new Map<string, string>();
    for (const [f, t] of good) if (f !== file) out.set(f, t);
      else if (text !== null) out.set(f, text);
    return out;
  };
  const refused = (map: Map<string, string>): { error: string; problem: BundleProblem | null } => {
    const r = readFiles(map);
    expect(r.ok).toBe(false);
    return r as { error: string; problem: BundleProblem | null };
  };

  it('a discussion with a forged vote value', () => {
    const bad = good.get('articles/emoji/discussion/bob.json')!.replace('"disagree"', '"maybe"');
    const r = refused(changed('articles/emoji/discussion/bob.json', bad));
    expect(r.problem).toMatchObject({ code: 'invalid', file: 'articles/emoji/discussion/bob.json' });
    expect(r.error).toMatch(/^articles\/emoji\/discussion\/bob\.json: does not have the expected shape \(votes\.0\.value/);
  });

  it('a discussion with an extra field, or for a layer the bundle does not hold', () => {
    const extra = good.get('articles/emoji/discussion/bob.json')!.replace('{"replies"', '{"script": "x", "replies"');
    expect(refused(changed('articles/emoji/discussion/bob.json', extra)).problem?.code).toBe('invalid');
    const orphan = changed('articles/emoji/layers/bob.json', null);
    expect(refused(orphan).problem).toMatchObject({ code: 'missingPart', detail: 'layers/bob.json' });
  });

  it('feedback smuggled into another article’s part, or a whole-work part with broken entries', () => {
    const stray = good.get('articles/emoji/feedback/alice.json')!.replace('"article":"emoji"', '"article":"other"');
    expect(refused(changed('articles/emoji/feedback/alice.json', stray)).problem).toMatchObject({ code: 'wrongArticle', detail: 'f1' });
    const work = refused(changed('feedback/alice.json', '[{"id": "w1", "text": "", "author": {}, "created": "yesterday"}]'));
    expect(work.problem).toMatchObject({ code: 'invalid', file: 'feedback/alice.json' });
  });

  it('a provenance with a javascript: address, or broken JSON', () => {
    const js = good.get('articles/emoji/source.json')!.replace('https://news.example/cafe"', 'javascript:alert(1)"');
    expect(refused(changed('articles/emoji/source.json', js)).problem).toMatchObject({ code: 'invalid', file: 'articles/emoji/source.json' });
    expect(refused(changed('articles/emoji/source.json', '{"url":')).error).toMatch(/^articles\/emoji\/source\.json:1: not valid JSON/);
  });

  it('a saved page that is not the one recorded, an oversized one, or one without its provenance', () => {
    expect(refused(changed('articles/emoji/source.html', HTML.replace('fort', 'faible'))).problem).toMatchObject({ code: 'hashMismatch', file: 'articles/emoji/source.html' });
    const big = `<p>${randomBytes(4 * 1024 * 1024).toString('base64')}</p>`; // incompressible: no zip bomb, just too big
    const r = refused(changed('articles/emoji/source.html', big));
    expect(r.problem?.code).toBe('tooLarge');
    expect(r.error).toBe('articles/emoji/source.html: is larger than 5 MB, the most a saved page may hold');
    expect(refused(changed('articles/emoji/source.json', null)).problem).toMatchObject({ code: 'missingPart', detail: 'source.json' });
    expect(refused(changed('articles/emoji/source.html', null)).problem).toMatchObject({ code: 'missingPart', detail: 'source.html' });
  });

  it('a version-1 manifest with version-2 parts', () => {
    const v1 = good.get('manifest.json')!.replace('"version": 2', '"version": 1');
    expect(refused(changed('manifest.json', v1)).problem).toMatchObject({ code: 'newerPart', file: 'feedback/alice.json' });
  });
});
