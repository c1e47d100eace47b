/**
 * `npm run server` as a person runs it, from the point of view of a lost laptop and a projected
 * terminal: even under `umask 000` every file it leaves in the data directory is 0600 and every
 * directory 0700; the teacher token is printed in full only with --show-teacher-link; a
 * damaged database stops it with exit code 1 and a message naming the directory; and a data
 * directory that keeps another corpus's class (a restored class started with another --corpus)
 * stops it too, naming that class, until --new-class replaces it on purpose.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classSessionSchema, sessionFile } from '../../electron/server/class-session';
import { databaseDir } from '../../electron/server/sync-server';
import { addAnnotation } from '../../shared/model/layer';
import { Client, record, removeDir, seedArticles, tempDir, token, waitFor } from './helpers';
import { failedServerStart, startServerProcess, stopServerProcess } from './server-process';

/** Every path under `dir` (itself included) with its permission bits, as `path mode`. */
function modes(dir: string): string[] {
  const lines = [`${dir} ${(statSync(dir).mode & 0o777).toString(8)}`];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    lines.push(...(entry.isDirectory() ? modes(path) : [`${path} ${(statSync(path).mode & 0o777).toString(8)}`]));
  }
  return lines;
}

describe('npm run server', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeDir));
  const dataDir = (): string => {
    const dir = join(tempDir('glose-process-'), 'data');
    dirs.push(join(dir, '..'));
    return dir;
  };

  it('keeps its files 0600 and directories 0700 under umask 000, while running and after a stop', async () => {
    const data = dataDir();
    const server = await startServerProcess(data, { umask000: true });
    const client = new Client(`ws://127.0.0.1:${server.port}`);
    try {
      await seedArticles(`ws://127.0.0.1:${server.port}`, ['a1'], 'class'); // students open layers of listed articles only
      const open = client.open('corpus/class/layer/a1/ana', token('student', 'ana', 'class'));
      await waitFor(() => open.provider.isSynced, 'the layer to sync', 10_000);
      addAnnotation(open.doc, record('r1', 'ana')); // the server stores only valid records
      await waitFor(() => open.provider.unsyncedChanges === 0, 'the write to be acknowledged', 10_000);
      const running = modes(data);
      expect(running.filter((line) => !/ (600|700)$/.test(line))).toEqual([]);
    } finally {
      client.destroy();
      expect(await stopServerProcess(server.child)).toBe(0);
    }
    const stopped = modes(data);
    expect(stopped.length).toBeGreaterThan(5);
    expect(stopped.filter((line) => !/ (600|700)$/.test(line))).toEqual([]);
  });

  it('hides the teacher token and link unless --show-teacher-link is given', async () => {
    const data = dataDir();
    const quiet = await startServerProcess(data);
    await stopServerProcess(quiet.child);
    const teacherToken = /teacher token \([^)]*\): (\S+)/.exec(quiet.stdout())![1]!;
    expect(teacherToken).toMatch(/^.{6}….{4}$/);
    expect(quiet.stdout()).toContain('--show-teacher-link');
    expect(quiet.stdout()).not.toContain('#/join?token=');

    const shown = await startServerProcess(data, { args: ['--show-teacher-link'] });
    await stopServerProcess(shown.child);
    const full = /teacher token \([^)]*\): (\S+)/.exec(shown.stdout())![1]!;
    expect(full.length).toBeGreaterThan(40);
    expect(full.startsWith(teacherToken.slice(0, 6))).toBe(true);
  });

  it('exits 1 on a damaged database, naming the directory and the problem', async () => {
    const data = dataDir();
    const first = await startServerProcess(data);
    expect(await stopServerProcess(first.child)).toBe(0);
    rmSync(join(databaseDir(data), 'CURRENT'));
    const exit = await failedServerStart(data);
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain(`${databaseDir(data)}: the database is damaged: LevelDB's CURRENT file is missing`);
  });

  it('refuses to start another corpus on a directory that keeps a class, naming it, until --new-class', async () => {
    const data = dataDir();
    const first = await startServerProcess(data, { args: ['--corpus', 'class1b', '--title', '1re B'] });
    expect(await stopServerProcess(first.child)).toBe(0);
    const kept = readFileSync(sessionFile(data), 'utf8');
    const exit = await failedServerStart(data, ['--corpus', 'class2a']);
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain(`glose server: ${sessionFile(data)} holds the class "1re B" of corpus "class1b"`);
    expect(exit.stderr).toContain('start it with --corpus class1b, or start a new class of "class2a" on purpose with --new-class');
    expect(readFileSync(sessionFile(data), 'utf8')).toBe(kept); // the class's codes and removed members are still there
    const again = await startServerProcess(data, { args: ['--corpus', 'class1b'] });
    expect(await stopServerProcess(again.child)).toBe(0);
    expect(readFileSync(sessionFile(data), 'utf8')).toBe(kept);

    const fresh = await startServerProcess(data, { args: ['--corpus', 'class2a', '--new-class'] });
    expect(await stopServerProcess(fresh.child)).toBe(0);
    const before = classSessionSchema.parse(JSON.parse(kept));
    const now = classSessionSchema.parse(JSON.parse(readFileSync(sessionFile(data), 'utf8')));
    expect(now.corpus).toBe('class2a');
    expect(now.studentCode).not.toBe(before.studentCode);
    expect(fresh.stdout()).toContain(`type the code ${now.studentCode.slice(0, 3)}-${now.studentCode.slice(3)}`);
  });

  it('refuses to start on a damaged session file, naming it', async () => {
    const data = dataDir();
    const first = await startServerProcess(data);
    expect(await stopServerProcess(first.child)).toBe(0);
    writeFileSync(sessionFile(data), '{"corpus": "class", "studentCo');
    const exit = await failedServerStart(data);
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain(`${sessionFile(data)} is damaged (`);
  });
});
