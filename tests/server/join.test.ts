import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import { MEMBER_COLORS } from '../../shared/model/member-colors';
import { readRoster } from '../../shared/model/roster';
import { normalizeCode, displayCode } from '../../electron/server/class-session';
import type { SyncServer } from '../../electron/server/sync-server';
import { Client, CORPUS, record, recordIds, removeDir, startServer, tempDir, token, waitFor } from './helpers';

let dir: string;
let server: SyncServer;
let http: string;

async function joinClass(body: unknown): Promise<{ status: number; json: Record<string, string> }> {
  const response = await fetch(`${http}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, string> };
}

beforeEach(async () => {
  dir = tempDir();
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Glose</title>');
  server = await startServer(join(dir, 'data'), { session: { corpus: CORPUS, title: 'Classe de 3e B' }, rendererDir: renderer });
  http = server.url.replace('ws://', 'http://');
});

afterEach(async () => {
  await server.stop();
  removeDir(dir);
});

describe('joining a class', () => {
  it('gives a student a token for their own layer and records them in the roster', async () => {
    const code = displayCode(server.session!.studentCode).toLowerCase().replace('-', ' ');
    const { status, json } = await joinClass({ code, name: 'Inès', color: '#009E73' });
    expect(status).toBe(200);
    expect(json).toMatchObject({ role: 'student', corpus: CORPUS, title: 'Classe de 3e B' });

    const teacher = new Client(server.url);
    const corpus = await teacher.openSynced(corpusDocName(CORPUS), token('teacher', 'teacher'));
    await waitFor(() => readRoster(corpus.doc).has(json.user!), 'the roster entry');
    expect(readRoster(corpus.doc).get(json.user!)).toEqual({ name: 'Inès', color: '#009E73', role: 'student' });

    const student = new Client(server.url);
    const own = await student.openSynced(layerDocName(CORPUS, '000', json.user!), json.token!);
    expect(own.denied).toBeNull();
    addAnnotation(own.doc, record('r1', json.user!));
    const seen = await teacher.openSynced(layerDocName(CORPUS, '000', json.user!), token('teacher', 'teacher'));
    await waitFor(() => recordIds(seen.doc).includes('r1'), 'the student record at the teacher');
    const other = await student.openSynced(layerDocName(CORPUS, '000', 'someone-else'), json.token!);
    expect(other.scope).toBe('readonly');
    teacher.destroy();
    student.destroy();
  });

  it('keeps a returning student their identity, and gives the observer code a read-only role', async () => {
    const first = await joinClass({ code: server.session!.studentCode, name: 'Léo', color: '#D55E00' });
    const again = await joinClass({ code: server.session!.studentCode, name: 'Léo B.', color: '#D55E00', previous: first.json.token });
    expect(again.json.user).toBe(first.json.user);
    const stranger = await joinClass({ code: server.session!.studentCode, name: 'Léo', color: '#D55E00' });
    expect(stranger.json.user).not.toBe(first.json.user);
    const projector = await joinClass({ code: server.session!.observerCode, name: 'Projecteur', color: '#000000' });
    expect(projector.json.role).toBe('observer');
  });

  it('gives each member a distinct colour of the palette while there are colours left, and a returning member theirs', async () => {
    const code = server.session!.studentCode;
    const colors: string[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { json } = await joinClass({ code, name: `Élève ${i}`, color: '#0072B2' });
      colors.push(json.color!);
      tokens.push(json.token!);
    }
    // everyone asked for the same blue: the first 7 get the 7 colours, the 8th shares one
    expect(new Set(colors.slice(0, 7)).size).toBe(7);
    expect(colors.every((c) => (MEMBER_COLORS as readonly string[]).includes(c))).toBe(true);
    const again = await joinClass({ code, name: 'Élève 3', color: '#000000', previous: tokens[3] });
    expect(again.json.color).toBe(colors[3]);
    const teacher = new Client(server.url);
    const corpus = await teacher.openSynced(corpusDocName(CORPUS), token('teacher', 'teacher'));
    await waitFor(() => readRoster(corpus.doc).size === 8, 'the roster');
    expect([...readRoster(corpus.doc).values()].map((e) => e.color).sort()).toEqual([...colors].sort());
    teacher.destroy();
  });

  it('refuses a wrong code, malformed bodies, and too many wrong guesses', async () => {
    expect((await joinClass({ code: 'AAAAAA', name: 'X', color: '#000000' })).json).toEqual({ error: 'bad-code' });
    expect((await joinClass({ code: server.session!.studentCode, name: '', color: '#000000' })).status).toBe(400);
    const raw = await fetch(`${http}/api/join`, { method: 'POST', body: '{not json' });
    expect(raw.status).toBe(400);
    const huge = await fetch(`${http}/api/join`, { method: 'POST', body: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    let last = 0;
    for (let i = 0; i < 25; i++) last = (await joinClass({ code: 'BBBBBB', name: 'X', color: '#000000' })).status;
    expect(last).toBe(429);
    // the right code is refused too while the address is locked out
    expect((await joinClass({ code: server.session!.studentCode, name: 'X', color: '#000000' })).status).toBe(429);
  });

  it('serves the app itself and the class information over HTTP', async () => {
    const page = await fetch(`${http}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Glose</title>');
    expect(await (await fetch(`${http}/api/session`)).json()).toEqual({ app: 'glose', corpus: CORPUS, title: 'Classe de 3e B' });
    expect((await fetch(`${http}/..%2f..%2fetc/passwd`)).status).toBe(403);
    // only the teacher is told the join codes
    const asTeacher = await fetch(`${http}/api/session`, { headers: { authorization: `Bearer ${token('teacher', 'teacher')}` } });
    expect(await asTeacher.json()).toMatchObject({ studentCode: server.session!.studentCode, observerCode: server.session!.observerCode, addresses: [http] });
    const asStudent = await fetch(`${http}/api/session`, { headers: { authorization: `Bearer ${token('student', 's1')}` } });
    expect(await asStudent.json()).not.toHaveProperty('studentCode');
  });

  it('counts wrong codes before it evaluates the next: 300 concurrent guesses, exactly 20 evaluated as wrong, the rest refused unread', async () => {
    const guesses = Array.from({ length: 300 }, (_, i) => joinClass({ code: i === 150 ? server.session!.studentCode : `Z${String(i).padStart(5, '0')}`, name: 'X', color: '#000000' }));
    const answers = await Promise.all(guesses);
    const wrong = answers.filter((a, i) => i !== 150 && a.status === 403).length;
    expect(wrong).toBe(20);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(279);
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(1);
  });

  it('caps the roster: a new member beyond the quota is refused with class-full, a returning one is not', async () => {
    await server.stop();
    server = await startServer(join(dir, 'data2'), { session: { corpus: CORPUS, title: 'Small' }, quotas: { maxRoster: 2 } });
    http = server.url.replace('ws://', 'http://');
    const code = server.session!.studentCode;
    const first = await joinClass({ code, name: 'A', color: '#000000' });
    expect((await joinClass({ code, name: 'B', color: '#000000' })).status).toBe(200);
    expect(await joinClass({ code, name: 'C', color: '#000000' })).toEqual({ status: 403, json: { error: 'class-full' } });
    expect((await joinClass({ code, name: 'A again', color: '#000000', previous: first.json.token })).status).toBe(200);
  });

  it('normalises codes as people type them', () => {
    expect(normalizeCode(' abc-d2f ')).toBe('ABCD2F');
    expect(displayCode('ABCD2F')).toBe('ABC-D2F');
  });
});
