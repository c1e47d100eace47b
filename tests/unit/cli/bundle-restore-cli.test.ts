/**
 * The whole corpus goes through a bundle and back (issues 12, 13 and 15), with the real command
 * line on a class the real server hosted (class-database.ts: two students, a verdict, the class's
 * votes), to which a classmate's reply, vote and status, the teacher's private feedback (on a
 * mark and on the whole work), a gold claim, a rubric and a web page's provenance are added in
 * the stored documents: `glose export --format bundle --feedback` → `glose restore` into a fresh
 * data directory → export again gives the same bytes. A hostile bundle changes nothing, and the
 * rubric's scores come out the same from the database and from its bundle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocStore } from '../../../electron/server/storage';
import { databaseDir } from '../../../electron/server/sync-server';
import { writeRubric } from '../../../shared/assessment/rubric';
import { addReply, setStatus, setVote } from '../../../shared/model/discussion';
import { corpusDocName, feedbackDocName, layerDocName, sourceDocName } from '../../../shared/model/doc-names';
import { addFeedback } from '../../../shared/model/feedback';
import { addAnnotation } from '../../../shared/model/layer';
import { restorePageSource } from '../../../shared/model/page-source';
import { unzipSource } from '../../../shared/formats/unzip-source';
import { zipSink } from '../../../shared/formats/zip-sink';
import { sha256Hex } from '../../../shared/model/corpus';
import { readRoster } from '../../../shared/model/roster';
import { removeDir } from '../../server/helpers';
import { CLAIM_A, CLASS, classDatabase, note } from './class-database';
import { gloseWithEnv, tempDir } from './cli-helpers';

/** The files of a zip, each passed through `change`, zipped again. */
function rezipped(bytes: Uint8Array, change: (file: string, text: string) => string): Uint8Array {
  const chunks: Uint8Array[] = [];
  const sink = zipSink((c) => chunks.push(c), (e) => { throw e; });
  const unzip = unzipSource((file, text) => sink.add(file, change(file, text)), (e) => { throw e; });
  unzip.push(bytes, true);
  sink.end();
  return Buffer.concat(chunks);
}

const bob = { id: 'bob', name: 'Bob Ng', color: '#0072b2' };
const teacher = { id: 'teacher', name: 'Mme Laurent', color: '#0072b2' };
const HTML = '<html><body><article><h1>Spotify 🎵 and AI 🤖</h1><p>Spotify says its success came from AI.</p></article></body></html>';
const EPOCH = { SOURCE_DATE_EPOCH: '1759320000' };

/** Adds what `write` does to a fresh document to stored document `name`, as one more update. */
async function add(store: DocStore, name: string, write: (doc: Y.Doc, extra: Y.Doc) => void, extraName?: string): Promise<void> {
  const [doc, extra] = [new Y.Doc(), new Y.Doc()];
  write(doc, extra);
  for (const [n, d] of [[name, doc], ...(extraName ? [[extraName, extra] as const] : [])] as const) {
    await store.load(n);
    await store.append(n, Y.encodeStateAsUpdate(d));
  }
}

async function enrich(dataDir: string): Promise<void> {
  const store = await DocStore.open(databaseDir(dataDir), { fsync: false });
  try {
    await add(store, layerDocName(CLASS, 'a', 'bob'), (d) => {
      addReply(d, { id: 'r1', about: 'a1', text: 'Says who?', author: bob, created: '2025-09-02T10:30:00.000Z' });
      setVote(d, { about: 'a1', value: 'disagree', author: bob, at: '2025-09-02T10:31:00.000Z' });
      setStatus(d, { about: 'a3', status: 'resolved', author: bob, at: '2025-09-02T10:32:00.000Z' });
    });
    await add(store, feedbackDocName(CLASS, 'alice'), (d) => {
      addFeedback(d, { id: 'f1', article: 'a', annotation: 'a1', text: 'Where is your evidence?', author: teacher, created: '2025-09-02T11:00:00.000Z' });
      addFeedback(d, { id: 'f2', text: 'A careful reader all term.', author: teacher, created: '2025-09-05T11:00:00.000Z' });
    });
    await add(store, layerDocName(CLASS, 'a', 'gold'), (d) => addAnnotation(d, { ...note('g1', 'teacher', 'a', 'claim', CLAIM_A), author: teacher }));
    const provenance = { url: 'https://news.example/spotify', finalUrl: 'https://news.example/spotify', retrieved: '2025-09-01T08:00:00.000Z', contentType: 'text/html', bytes: Buffer.byteLength(HTML), sha256: sha256Hex(HTML) };
    await add(store, corpusDocName(CLASS), (d, page) => {
      writeRubric(d, { claims: 2, rebuttals: 2, evidence: 1, questions: 1, replies: 1 });
      restorePageSource(d, page, 'a', provenance, HTML);
    }, sourceDocName(CLASS, 'a'));
  } finally {
    await store.close();
  }
}

describe('bundle → fresh data directory → bundle, with everything a class made', () => {
  let dir: string;
  let work: string;
  const glose = (...args: string[]) => gloseWithEnv(EPOCH, ...args);
  const ok = async (...args: string[]) => {
    const run = await glose(...args);
    expect(run.code, run.stderr).toBe(0);
    return run;
  };
  beforeAll(async () => {
    dir = await classDatabase();
    await enrich(dir);
    work = tempDir();
  }, 90_000);
  afterAll(() => {
    removeDir(dir);
    removeDir(work);
  });

  it('carries every part, and the restored database exports the same bytes', async () => {
    const first = join(work, 'first.zip');
    await ok('export', '--from', dir, '--format', 'bundle', '--feedback', '--out', first);
    const listing = execFileSync('unzip', ['-Z1', first], { encoding: 'utf8' }).trim().split('\n');
    expect(listing).toEqual(expect.arrayContaining([
      'feedback/alice.json', 'articles/a/discussion/bob.json', 'articles/a/feedback/alice.json', 'articles/a/source.json', 'articles/a/source.html', 'articles/a/layers/gold.json',
    ]));
    const fresh = join(work, 'fresh');
    expect((await ok('restore', first, '--data', fresh)).stdout).toMatch(/^restored 2 articles into /);
    const again = join(work, 'again.zip');
    await ok('export', '--from', fresh, '--format', 'bundle', '--feedback', '--out', again);
    expect(sha256Hex(readFileSync(again).toString('latin1'))).toBe(sha256Hex(readFileSync(first).toString('latin1')));
    const copy = join(work, 'copy.zip'); // bundle → bundle keeps the private parts when asked to
    await ok('export', '--from', first, '--format', 'bundle', '--feedback', '--out', copy);
    expect(readFileSync(copy).equals(readFileSync(first))).toBe(true);
    const restoredAgain = await glose('restore', first, '--data', fresh);
    expect(restoredAgain.code).toBe(1);
    expect(restoredAgain.stderr).toMatch(/already holds a database/);
  }, 120_000);

  it('puts the layers’ authors back on the roster, so the app lists their work, and says in the terminal’s language that students join again', async () => {
    const first = join(work, 'first.zip');
    if (!existsSync(first)) await ok('export', '--from', dir, '--format', 'bundle', '--feedback', '--out', first);
    const english = await gloseWithEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' }, 'restore', first, '--data', join(work, 'roster-en'));
    expect(english.stdout).toContain('Roster: a bundle does not carry one');
    expect(english.stdout).toContain('The 2 authors of its layers are listed again');
    expect(english.stdout).toContain('Students join again with the new class code, as new members.');
    const french = await gloseWithEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_FR.UTF-8' }, 'restore', first, '--data', join(work, 'roster-fr'));
    expect(french.stdout).toContain('Liste de la classe\u202f: un paquet n’en contient pas');
    expect(french.stdout).toContain('Les élèves rejoignent de nouveau la classe avec le nouveau code');
    const store = await DocStore.open(databaseDir(join(work, 'roster-en')), { fsync: false });
    const corpus = new Y.Doc();
    try {
      Y.applyUpdate(corpus, (await store.read(corpusDocName(CLASS)))!);
    } finally {
      await store.close();
    }
    // the gold layer is the teacher's reference, not a member
    expect(Object.fromEntries(readRoster(corpus))).toEqual({ alice: { name: 'Alice Émond', color: '#0072b2', role: 'student' }, bob: { name: 'Bob Ng', color: '#0072b2', role: 'student' } });
  }, 120_000);

  it('without --feedback, the bundle has no private feedback; --pseudonymise hides every name in it', async () => {
    const plain = join(work, 'plain.zip');
    await ok('export', '--from', dir, '--format', 'bundle', '--out', plain);
    expect(execFileSync('unzip', ['-Z1', plain], { encoding: 'utf8' })).not.toMatch(/feedback/);
    const hidden = join(work, 'hidden.zip');
    await ok('export', '--from', dir, '--format', 'bundle', '--feedback', '--pseudonymise', 'a-salt-of-sixteen-chars', '--out', hidden);
    const all = execFileSync('unzip', ['-p', hidden], { encoding: 'utf8' });
    expect(all).toContain('A careful reader all term.');
    expect(all).not.toMatch(/alice|bob|Mme Laurent|Alice|Bob/);
  }, 120_000);

  it('a bundle with a forged part is refused and no database is made', async () => {
    const first = join(work, 'first.zip');
    if (!existsSync(first)) await ok('export', '--from', dir, '--format', 'bundle', '--feedback', '--out', first);
    const forged = join(work, 'forged.zip');
    // the saved page no longer matches the hash its provenance records
    writeFileSync(forged, rezipped(readFileSync(first), (file, text) => (file.endsWith('source.html') ? text.replace('from AI', 'from ME') : text)));
    const target = join(work, 'never');
    const run = await glose('restore', forged, '--data', target);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/articles\/a\/source\.html: does not match the size and SHA-256 recorded in source\.json/);
    expect(existsSync(join(target, 'db'))).toBe(false);
  }, 120_000);

  it('scores: the rubric per student, the same from the database and from its bundle', async () => {
    const fromDb = join(work, 'scores.csv');
    await ok('export', '--from', dir, '--format', 'scores', '--out', fromDb);
    const [header, ...rows] = readFileSync(fromDb, 'utf8').trimEnd().split('\r\n');
    expect(header).toBe('owner,name,total,claims,rebuttals,evidence,questions,replies,claims_found,claims_partial,claims_of,kappa,alpha,band,points');
    expect(rows.map((r) => r.split(',').slice(0, 11).join(','))).toEqual([
      'alice,Alice Émond,2,2,0,0,0,0,1,0,1',
      'bob,Bob Ng,3,2,0,0,0,1,1,0,1',
    ]);
    const plain = join(work, 'plain.zip');
    if (!existsSync(plain)) await ok('export', '--from', dir, '--format', 'bundle', '--out', plain);
    const fromBundle = join(work, 'scores-bundle.jsonl');
    await ok('export', '--from', plain, '--format', 'scores-jsonl', '--out', fromBundle);
    const lines = readFileSync(fromBundle, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { owner: string; total: number; points: { criterion: string; mark: string; reply?: string }[] });
    expect(lines.map((l) => [l.owner, l.total])).toEqual([['alice', 2], ['bob', 3]]);
    expect(lines[1]!.points).toContainEqual(expect.objectContaining({ criterion: 'replies', mark: 'a1', reply: 'r1' }));
  }, 120_000);
});
