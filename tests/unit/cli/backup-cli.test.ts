/**
 * `glose backup` and `glose restore` through the real command line on a real class database:
 * a backup taken with the server stopped restores into a new data directory that exports
 * byte for byte the same; a backup taken through the running server (`--server`) while a
 * student keeps writing holds every write acknowledged before it started; and a backup that
 * is cut short, edited or aimed at an existing database restores nothing.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseDir } from '../../../electron/server/sync-server';
import { layerDocName } from '../../../shared/model/doc-names';
import { addAnnotation } from '../../../shared/model/layer';
import { Client, SECRET, startServer, token, waitFor } from '../../server/helpers';
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
