/**
 * `glose migrate` for real: a laptop's class (a LevelDB server process: articles, students'
 * records, a removed member) is copied into a throw-away PostgreSQL by the real command line, then
 * a school server process (PostgreSQL + Redis) serves it: every record, the same join code, the
 * removed member still refused. Migrating again duplicates nothing; migrating while the laptop's
 * server runs is refused with a clear message. Skips with a printed reason without redis-server or PostgreSQL.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../electron/server/pg-store';
import { layerDocName } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import { Client, CORPUS, record, recordIds, removeDir, seedArticles, tempDir, token, waitFor } from './helpers';
import { schoolSkipReason, startPostgres, startRedis, type Service } from './school-infra';
import { startServerProcess, stopServerProcess } from './server-process';
import { cliEntry } from '../support/cli-entry';

const skipped = schoolSkipReason();
if (skipped) console.log(`glose migrate tests skipped: ${skipped}`);

const run = promisify(execFile);
const migrate = (data: string, postgres: string) => run(process.execPath, [...cliEntry('glose'), 'migrate', '--data', data, '--postgres', postgres]);
const code = (stdout: string) => /type the code ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(stdout)![1]!;

describe.skipIf(skipped !== null)('glose migrate: a laptop class into a school server', () => {
  let redis: Service;
  let postgres: Service;
  const laptop = tempDir();
  const school = tempDir();
  const clients: Client[] = [];
  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all([redis?.stop(), postgres?.stop()]);
    removeDir(laptop);
    removeDir(school);
  });

  it('copies every record and the class session; a second run duplicates nothing', async () => {
    const host = await startServerProcess(laptop, { args: ['--corpus', CORPUS] });
    const http = `http://127.0.0.1:${host.port}`;
    await seedArticles(`ws://127.0.0.1:${host.port}`, ['a1']);
    const written: Record<string, string[]> = {};
    for (const user of ['ana', 'bob']) {
      const c = new Client(`ws://127.0.0.1:${host.port}`);
      clients.push(c);
      const open = await c.openSynced(layerDocName(CORPUS, 'a1', user), token('student', user));
      written[user] = Array.from({ length: 25 }, (_, i) => `${user}-${i}`);
      for (const [i, id] of written[user]!.entries()) addAnnotation(open.doc, record(id, user, i));
      await waitFor(() => !open.provider.hasUnsyncedChanges, `${user}'s records stored on the laptop`);
    }
    const removed = await fetch(`${http}/api/members/remove`, { method: 'POST', headers: { authorization: `Bearer ${token('teacher', 'tina')}`, 'content-type': 'application/json' }, body: JSON.stringify({ user: 'bob' }) });
    expect(removed.status).toBe(200);

    await expect(migrate(laptop, postgres.url)).rejects.toThrow(/in use by another process[^]*stop the server before migrating/);
    for (const c of clients.splice(0)) c.destroy();
    await stopServerProcess(host.child);

    const first = await migrate(laptop, postgres.url);
    expect(first.stdout).toMatch(/migrated \d+ documents from .* into PostgreSQL; the class session of c1 too/);
    await migrate(laptop, postgres.url);

    const store = await PgStore.open(postgres.url, 1);
    try {
      for (const user of ['ana', 'bob']) expect(await store.keyCount(layerDocName(CORPUS, 'a1', user))).toBe(1);
    } finally {
      await store.close();
    }

    const server = await startServerProcess(school, { args: ['--corpus', CORPUS, '--postgres', postgres.url, '--redis', redis.url] });
    try {
      expect(code(server.stdout())).toBe(code(host.stdout()));
      const teacher = new Client(`ws://127.0.0.1:${server.port}`);
      clients.push(teacher);
      for (const user of ['ana', 'bob']) {
        const view = await teacher.openSynced(layerDocName(CORPUS, 'a1', user), token('teacher', 'tina'));
        expect(recordIds(view.doc)).toEqual([...written[user]!].sort());
      }
      const bob = new Client(`ws://127.0.0.1:${server.port}`);
      clients.push(bob);
      expect((await bob.openSynced(layerDocName(CORPUS, 'a1', 'bob'), token('student', 'bob'))).denied).toMatch(/^member-removed/);
    } finally {
      await stopServerProcess(server.child);
    }
  }, 180_000);
});
