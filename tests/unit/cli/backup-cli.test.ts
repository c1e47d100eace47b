/**
 * `glose backup` and `glose restore` through the real command line on a real class database:
 * a backup taken with the server stopped restores into a new data directory that exports
 * byte for byte the same; a backup taken through the running server (`--server`) while a
 * student keeps writing holds every write acknowledged before it started; a backup that
 * is cut short, edited or aimed at an existing database restores nothing; and with
 * `--identities-from` the class goes on with the same people: a student's pass from before the
 * backup writes to their own layer on the restored server, a removed member and a pass of another
 * class are still refused.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classSessionSchema, saveSession, sessionFile } from '../../../electron/server/class-session';
import { resolveSecret } from '../../../electron/server/secret';
import { databaseDir, startSyncServer } from '../../../electron/server/sync-server';
import { mintToken } from '../../../electron/server/tokens';
import { layerDocName } from '../../../shared/model/doc-names';
import { addAnnotation } from '../../../shared/model/layer';
import { reasonCode } from '../../../shared/protocol/reasons';
import { Client, recordIds, SECRET, startServer, token, waitFor } from '../../server/helpers';
import { CLAIM_A, CLASS, classDatabase, note, TITLE } from './class-database';
import { glose, gloseWithEnv, tempDir } from './cli-helpers';

let data = '';
let dir = '';
const at = (name: string): string => path.join(dir, name);

async function exported(from: string, name: string): Promise<string> {
  const r = await glose('export', '--from', from, '--format', 'jsonl', '--out', at(name));
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(at(name), 'utf8');
}

beforeAll(async () => {
  data = await classDatabase();
  dir = tempDir();
}, 60_000);
afterAll(() => [data, dir].forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('glose backup and restore, server stopped', () => {
  it('restores into a new data directory a database that exports the same', async () => {
    const b = await glose('backup', '--data', data, '--out', at('class.glose-backup'));
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/^backed up \d+ documents to /);
    expect(statSync(at('class.glose-backup')).mode & 0o777).toBe(0o600);
    const r = await gloseWithEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' }, 'restore', at('class.glose-backup'), '--data', at('restored'));
    expect(r.code, r.stderr).toBe(0);
    // the roster is in the corpus document; the signing secret is not, and the command says what that means
    expect(r.stdout).toMatch(/Roster: restored with the class \(\d+ members?\)\. A backup does not hold the signing secret, so students join again with the new class code, as new members/);
    expect(await exported(at('restored'), 'restored.jsonl')).toBe(await exported(data, 'original.jsonl'));
  });

  it('restores nothing from a backup cut short or edited, and never over an existing database', async () => {
    const file = at('class.glose-backup');
    const cut = at('cut.glose-backup');
    const whole = readFileSync(file, 'utf8');
    writeFileSync(cut, whole.slice(0, whole.lastIndexOf('\n', whole.length - 2) + 1)); // without its end line
    const edited = at('edited.glose-backup');
    writeFileSync(edited, readFileSync(file, 'utf8').replace('"name":"corpus/class1/layer/a/alice"', '"name":"corpus/class1/layer/a/mallory"'));
    const [c, e, over] = await Promise.all([
      glose('restore', cut, '--data', at('from-cut')),
      glose('restore', edited, '--data', at('from-edited')),
      glose('restore', file, '--data', data),
    ]);
    expect([c.code, e.code, over.code]).toEqual([1, 1, 1]);
    expect(c.stderr).toMatch(/the backup is incomplete \(no end line after line \d+\): it was cut short/);
    expect(e.stderr).toMatch(/edited\.glose-backup:\d+: the checksum does not match/);
    expect(over.stderr).toContain(`${databaseDir(data)} already holds a database`);
    expect([existsSync(at('from-cut')), existsSync(at('from-edited'))]).toEqual([false, false]);
  });
});

describe('glose backup --server while the class is running', () => {
  it('copies every acknowledged write, while a student keeps writing', async () => {
    writeFileSync(path.join(data, 'secret'), SECRET, { mode: 0o600 });
    const server = await startServer(data, { session: { corpus: CLASS, title: TITLE } });
    const student = new Client(server.url);
    try {
      const locked = await glose('backup', '--data', data, '--out', at('locked.glose-backup'));
      expect(locked.stderr).toContain('in use by another process (a running Glose server, or another glose command): back it up through the server with --server');
      const layer = await student.openSynced(layerDocName(CLASS, 'a', 'zoe'), token('student', 'zoe', CLASS));
      for (let i = 0; i < 20; i++) addAnnotation(layer.doc, note(`z${i}`, 'zoe', 'a', 'claim', CLAIM_A));
      await waitFor(() => !layer.provider.hasUnsyncedChanges, 'the acknowledgements');
      let more = 0;
      const writer = setInterval(() => addAnnotation(layer.doc, note(`later${more++}`, 'zoe', 'a', 'claim', CLAIM_A)), 5);
      const b = await glose('backup', '--data', data, '--server', `http://127.0.0.1:${server.port}`, '--corpus', CLASS, '--out', at('live.glose-backup'));
      clearInterval(writer);
      expect(b.code, b.stderr).toBe(0);
      const r = await glose('restore', at('live.glose-backup'), '--data', at('live'));
      expect(r.code, r.stderr).toBe(0);
      const ids = (await exported(at('live'), 'live.jsonl')).trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
      for (let i = 0; i < 20; i++) expect(ids).toContain(`z${i}`);
      const wrong = await glose('backup', '--data', at('live'), '--server', `http://127.0.0.1:${server.port}`, '--corpus', CLASS, '--out', at('x.glose-backup'));
      expect(wrong.stderr).toContain('the server refused the backup (HTTP 403)');
    } finally {
      student.destroy();
      await server.stop();
    }
  }, 60_000);
});

describe('glose restore --identities-from: the class goes on with the same people', () => {
  it('a pass from before the backup writes to its own layer after the restore; a removed member and another class stay refused', async () => {
    writeFileSync(path.join(data, 'secret'), SECRET, { mode: 0o600 });
    const session = { ...classSessionSchema.parse(JSON.parse(readFileSync(sessionFile(data), 'utf8'))), removed: ['mallory'] };
    saveSession(data, session);
    const alice = token('student', 'alice', CLASS); // the pass Alice's app holds, from before the backup
    const b = await glose('backup', '--data', data, '--out', at('kept.glose-backup'));
    expect(b.code, b.stderr).toBe(0);
    const r = await gloseWithEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' }, 'restore', at('kept.glose-backup'), '--data', at('kept'), '--identities-from', data);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("students' passes open their own work again, the join codes are the same, and the members you removed stay refused");
    expect(statSync(path.join(at('kept'), 'secret')).mode & 0o777).toBe(0o600);
    // the restored directory's server, its secret found as `npm run server` finds it
    const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir: at('kept'), secret: resolveSecret(at('kept'), {}), session: { corpus: CLASS, title: TITLE } });
    const client = new Client(server.url);
    try {
      expect(server.session).toMatchObject({ studentCode: session.studentCode, observerCode: session.observerCode, removed: ['mallory'] });
      const layer = await client.openSynced(layerDocName(CLASS, 'a', 'alice'), alice);
      expect(layer.denied).toBeNull();
      expect(recordIds(layer.doc)).toEqual(expect.arrayContaining(['a1', 'a2']));
      addAnnotation(layer.doc, note('after-restore', 'alice', 'a', 'claim', CLAIM_A));
      await waitFor(() => !layer.provider.hasUnsyncedChanges, 'the acknowledgement');
      const other = mintToken('the-secret-of-another-class-0123456789', { role: 'student', user: 'alice', corpus: CLASS }, 3600, Date.now());
      const [removed, stranger] = await Promise.all([
        client.openSynced(layerDocName(CLASS, 'a', 'mallory'), token('student', 'mallory', CLASS)),
        client.openSynced(layerDocName(CLASS, 'b', 'alice'), other),
      ]);
      expect([reasonCode(removed.denied ?? ''), reasonCode(stranger.denied ?? '')]).toEqual(['member-removed', 'token-bad-signature']);
    } finally {
      client.destroy();
      await server.stop();
    }
    const e = await glose('export', '--from', at('kept'), '--corpus', CLASS, '--format', 'jsonl', '--out', at('kept.jsonl'));
    expect(e.code, e.stderr).toBe(0);
    expect(readFileSync(at('kept.jsonl'), 'utf8')).toContain('"id":"after-restore"');
  }, 60_000);

  it('restores nothing with the identities of another class, or from a folder that holds none', async () => {
    const elsewhere = at('another-class');
    mkdirSync(elsewhere);
    saveSession(elsewhere, { ...classSessionSchema.parse(JSON.parse(readFileSync(sessionFile(data), 'utf8'))), corpus: 'another' });
    const [other, empty] = await Promise.all([
      glose('restore', at('kept.glose-backup'), '--data', at('with-other'), '--identities-from', elsewhere),
      glose('restore', at('kept.glose-backup'), '--data', at('with-none'), '--identities-from', at('no-such-dir')),
    ]);
    expect([other.code, empty.code]).toEqual([1, 1]);
    expect(other.stderr).toContain('is for corpus "another", which this backup does not hold: nothing was restored');
    expect(empty.stderr).toContain('holds neither a signing secret (secret) nor a class session (session.json)');
    expect([existsSync(at('with-other')), existsSync(at('with-none'))]).toEqual([false, false]);
  });
});
