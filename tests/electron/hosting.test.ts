/**
 * "Host a class" as the desktop app runs it (electron/main/hosting.ts), with the real class
 * server on loopback: a teacher token that the server accepts, students who can join with the
 * code it serves, the same class (corpus, codes) after a restart, and a clear failure (also
 * for a damaged class database, and a damaged session.json, which is left as it is).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classHost } from '../../electron/main/hosting';
import { memoryNetwork } from '../support/memory-dns-sd';

const dirs: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'glose-host-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('hosting a class from the app', () => {
  it('starts a class server with a working teacher token, and keeps the class across restarts', async () => {
    const userData = temp();
    const rendererDir = join(userData, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<title>Glose</title>');
    const net = memoryNetwork('127.0.0.1');
    const host = classHost({ userData, rendererDir, now: Date.now, host: '127.0.0.1', port: 0, discovery: () => net.transport });
    const first = await host.host({ title: 'Classe de 4e' });
    if ('error' in first) throw new Error(first.message);
    expect(first.addresses).toEqual([first.server]);
    // hosting again returns the same running class
    const again = await host.host({ title: 'Classe de 4e' });
    expect(again).toMatchObject({ server: first.server, corpus: first.corpus });

    const info = await (await fetch(`${first.server}/api/session`, { headers: { authorization: `Bearer ${first.token}` } })).json();
    expect(info).toMatchObject({ app: 'glose', corpus: first.corpus, title: 'Classe de 4e' });
    const joined = await fetch(`${first.server}/api/join`, { method: 'POST', body: JSON.stringify({ code: info.studentCode, name: 'Zoé', color: '#009E73' }) });
    expect(await joined.json()).toMatchObject({ role: 'student', corpus: first.corpus });
    expect(await (await fetch(`${first.server}/`)).text()).toContain('<title>Glose</title>');
    // the class is advertised on the network, and found by the app's own browsing
    expect(await host.discover()).toEqual([{ name: 'Classe de 4e', title: 'Classe de 4e', server: first.server }]);
    await host.stop();
    expect(net.services.size).toBe(0);

    const restarted = classHost({ userData, rendererDir, now: Date.now, host: '127.0.0.1', port: 0, discovery: () => memoryNetwork().transport });
    const second = await restarted.host({ title: 'Classe de 4e' });
    if ('error' in second) throw new Error(second.message);
    expect(second.corpus).toBe(first.corpus);
    const codes = await (await fetch(`${second.server}/api/session`, { headers: { authorization: `Bearer ${second.token}` } })).json();
    expect(codes.studentCode).toBe(info.studentCode);
    await restarted.stop();
  });

  it('reports a failure instead of throwing', async () => {
    const file = join(temp(), 'not-a-folder');
    writeFileSync(file, 'x');
    const result = await classHost({ userData: file, rendererDir: file, now: Date.now, host: '127.0.0.1', port: 0, discovery: () => memoryNetwork().transport }).host({ title: 'X' });
    expect(result).toMatchObject({ error: 'failed' });
  });

  it('refuses to host a class whose database is damaged, saying which folder and what is wrong', async () => {
    const userData = temp();
    const db = join(userData, 'class', 'db');
    mkdirSync(db, { recursive: true });
    writeFileSync(join(db, '000005.ldb'), 'a table whose CURRENT was not copied');
    const result = await classHost({ userData, rendererDir: userData, now: Date.now, host: '127.0.0.1', port: 0, discovery: () => memoryNetwork().transport }).host({ title: 'X' });
    expect(result).toMatchObject({ error: 'failed', message: expect.stringContaining(`${db}: the database is damaged: LevelDB's CURRENT file is missing`) });
  });

  it('refuses to host a class whose session.json is damaged, naming the file and leaving it as it is', async () => {
    const userData = temp();
    const file = join(userData, 'class', 'session.json');
    mkdirSync(join(userData, 'class'));
    for (const [kept, reason] of [
      ['{"corpus": "class-1b", "title": "1re B", "studentCo', /JSON/],
      ['{"corpus": "class-1b", "title": "1re B"}', /.+/], // parses, but is not a class session (no join codes)
    ] as const) {
      writeFileSync(file, kept);
      const result = await classHost({ userData, rendererDir: userData, now: Date.now, host: '127.0.0.1', port: 0, discovery: () => memoryNetwork().transport }).host({ title: 'X' });
      expect(result).toEqual({ error: 'damaged', file, message: expect.stringMatching(reason) });
      expect(readFileSync(file, 'utf8')).toBe(kept);
    }
  });
});
