/**
 * The class's rules hold across the processes of a school's server (two `npm run server`
 * processes on one throw-away PostgreSQL and Redis): a token from a join on one process opens
 * documents on the other; codes rotated on one are refused on the other; a member removed on one
 * is cut off on the other at once; blind mode switched on through one closes students' views of
 * others' layers on the other and hides students' presence relayed between processes; wrong join
 * codes are counted for both together; a raw-protocol student writing through both processes at
 * once gets the write-rate quota once, as through one; what one process refuses (a record that fails the schema, a
 * presence of the wrong shape) never reaches the other through Redis, and a forged name in presence arrives as the sender's; the roster quota holds under concurrent joins on both (two
 * in-process servers, for a small quota). Skips with a printed reason without redis-server or PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer } from '../../electron/server/sync-server';
import { setBlind } from '../../shared/model/class-settings';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import { addAnnotation, annotationsMap } from '../../shared/model/layer';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { readRoster } from '../../shared/model/roster';
import { CORPUS, record, recordIds, removeDir, SECRET, seedArticles, tempDir, token, waitFor, type OpenDoc } from './helpers';
import { awarenessFrame, RawClient, updateFrame } from './raw-client';
import { schoolFixture } from './school-fixture';
import { schoolSkipReason } from './school-infra';
import type { ServerProcess } from './server-process';

const skipped = schoolSkipReason();
if (skipped) console.log(`school rules tests skipped: ${skipped}`);

type Answer = { status: number; json: Record<string, unknown> };

async function post(base: string, path: string, body: unknown, bearer?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) };
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const join = (base: string, code: string, name = 'Léa') => post(base, '/api/join', { code, name, color: '#0072b2' });

// a student's burst of 30 writes, refilled at one write every 20 s: a test sees the burst alone
const WRITES = { writeBurst: 30, writesPerSecond: 0.05 };

describe.skipIf(skipped !== null)('class rules across two server processes', () => {
  const school = schoolFixture();
  const { http } = school;
  const client = (p: ServerProcess | string) => school.client(p);
  let a: ServerProcess;
  let b: ServerProcess;
  const printedCode = (p: ServerProcess) => /type the code ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(p.stdout())![1]!;

  beforeAll(async () => {
    await school.up();
    const env = { GLOSE_QUOTAS: JSON.stringify(WRITES) };
    [a, b] = [await school.start(0, env), await school.start(0, env)];
    await seedArticles(school.url(a), ['a1']);
  }, 90_000);
  afterAll(() => school.down());

  it('one class, one code: a token from a join on one process opens documents on the other', async () => {
    expect(printedCode(a)).toBe(printedCode(b));
    const joined = await join(http(a), printedCode(a));
    expect(joined.status).toBe(200);
    const own = await client(b).openSynced(layerDocName(CORPUS, 'a1', joined.json.user as string), joined.json.token as string);
    expect(own.denied).toBeNull();
    const forged = (joined.json.token as string).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await client(b).openSynced(layerDocName(CORPUS, 'a1', joined.json.user as string), forged)).denied).toMatch(/^token-bad-signature/);
  });

  it('codes rotated on one process are refused on the other, and the new ones work there', async () => {
    const old = printedCode(a);
    const rotated = await post(http(a), '/api/codes/rotate', {}, token('teacher', 'tina'));
    expect(rotated.status).toBe(200);
    expect((await join(http(b), old)).json).toEqual({ error: 'bad-code' });
    expect((await join(http(b), rotated.json.studentCode as string)).status).toBe(200);
  });

  it('a member removed on one process is cut off on the other at once', async () => {
    const session = await fetch(`${http(b)}/api/session`, { headers: { authorization: `Bearer ${token('teacher', 'tina')}` } });
    const code = ((await session.json()) as { studentCode: string }).studentCode;
    const joined = (await join(http(b), code, 'Tom')).json as { token: string; user: string };
    const name = layerDocName(CORPUS, 'a1', joined.user);
    const open = await client(b).openSynced(name, joined.token);
    expect(open.denied).toBeNull();
    expect((await post(http(a), '/api/members/remove', { user: joined.user }, token('teacher', 'tina'))).status).toBe(200);
    await waitFor(() => open.stateless.some((s) => s.includes('member-removed')), 'the removed member told on the other process');
    expect((await client(b).openSynced(name, joined.token)).denied).toMatch(/^member-removed/);
  });

  it('blind mode switched on through one process closes and hides on the other, presence included', async () => {
    const teacher = await client(a).openSynced(corpusDocName(CORPUS), token('teacher', 'tina'));
    const aliceLayer = layerDocName(CORPUS, 'a1', 'alice');
    const own = await client(a).openSynced(aliceLayer, token('student', 'alice'));
    addAnnotation(own.doc, record('r-alice', 'alice'));
    const watching = await client(b).openSynced(aliceLayer, token('student', 'bob'));
    await waitFor(() => recordIds(watching.doc).includes('r-alice'), 'Bob, on the other process, sees Alice before blind');
    const [alice, bob] = await Promise.all([
      client(a).openSynced(corpusDocName(CORPUS), token('student', 'alice')),
      client(b).openSynced(corpusDocName(CORPUS), token('student', 'bob')),
    ]);
    const users = (open: OpenDoc) => [...open.provider.awareness!.getStates().values()].map((s) => (s as { user?: { id?: string } }).user?.id).filter(Boolean).sort();
    setBlind(teacher.doc, true);
    await waitFor(() => !teacher.provider.hasUnsyncedChanges, 'blind acknowledged');
    await new Promise((r) => setTimeout(r, 200)); // Redis relays the setting to the other process
    expect((await client(b).openSynced(aliceLayer, token('student', 'bob'))).denied).toMatch(/^forbidden-read/);
    addAnnotation(own.doc, record('r-alice-2', 'alice'));
    await waitFor(() => !own.provider.hasUnsyncedChanges, "Alice's second record acknowledged");
    await new Promise((r) => setTimeout(r, 300));
    expect(recordIds(watching.doc)).not.toContain('r-alice-2');
    for (const [open, n] of [[teacher, 1], [alice, 2], [bob, 3]] as const) open.provider.awareness!.setLocalState({ article: 'a1', selection: { start: n, end: n + 1 } });
    await waitFor(() => users(teacher).join() === 'alice,bob', 'both students at the teacher, one through Redis');
    await waitFor(() => users(bob).join() === 'tina', 'the teacher at Bob, through Redis');
    await new Promise((r) => setTimeout(r, 300));
    expect(users(alice)).toEqual(['tina']);
    expect(users(bob)).toEqual(['tina']);
    setBlind(teacher.doc, false);
  });

  it('wrong join codes are counted for both processes together', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) answers.push((await join(http(i % 2 === 0 ? a : b), 'WRONG1')).status);
    // the rotation test spent one wrong code (the old one) from this address: 20 in all
    expect(answers.filter((s) => s === 403)).toHaveLength(19);
    expect(answers.at(-1)).toBe(429);
    expect((await join(http(b), 'WRONG1')).status).toBe(429);
    expect((await join(http(a), 'WRONG1')).status).toBe(429);
  });

  it('a student writing through both processes at once gets the write-rate quota once, as through one', async () => {
    /** `user` sends `n` record writes at once, spread over one raw socket on each of `processes`: writes accepted, seconds taken. */
    async function burst(user: string, processes: ServerProcess[], n: number): Promise<{ accepted: number; seconds: number }> {
      const name = layerDocName(CORPUS, 'a1', user);
      const sockets = await Promise.all(processes.map((p) => RawClient.connect(school.url(p))));
      for (const s of sockets) expect(await s.open(name, token('student', user))).not.toMatch(/^denied/);
      const started = Date.now();
      for (let i = 0; i < n; i++) {
        const doc = new Y.Doc();
        addAnnotation(doc, record(`${user}-${i}`, user));
        sockets[i % sockets.length]!.send(updateFrame(name, Y.encodeStateAsUpdate(doc)));
      }
      const answers = () => sockets.flatMap((s) => s.acks(name));
      await waitFor(() => answers().length === n, `${user}'s ${n} writes answered`, 60_000);
      const seconds = (Date.now() - started) / 1000;
      sockets.forEach((s) => s.close());
      return { accepted: answers().filter((answer) => answer === 'ack').length, seconds };
    }
    const alone = await burst('one-way', [a], 3 * WRITES.writeBurst);
    const spread = await burst('two-ways', [a, b], 3 * WRITES.writeBurst);
    console.log(`write-rate quota across processes: through one ${JSON.stringify(alone)}, through two ${JSON.stringify(spread)}`);
    // counted per process, the spread student would get a burst on each: 60
    for (const { accepted, seconds } of [alone, spread]) {
      expect(accepted).toBeGreaterThanOrEqual(WRITES.writeBurst);
      expect(accepted).toBeLessThanOrEqual(WRITES.writeBurst + Math.ceil(WRITES.writesPerSecond * seconds));
    }
  }, 120_000);

  it('a raw-protocol student on one process gets nothing refused through Redis to the other: a bad record, a forged or malformed presence', async () => {
    const layer = layerDocName(CORPUS, 'a1', 'mallory');
    const mallory = await RawClient.connect(school.url(a));
    expect(await mallory.open(layer, token('student', 'mallory'))).not.toMatch(/^denied/);
    expect(await mallory.open(corpusDocName(CORPUS), token('student', 'mallory'))).not.toMatch(/^denied/);
    const reading = await client(b).openSynced(layer, token('student', 'bob'));
    const bob = await client(b).openSynced(corpusDocName(CORPUS), token('student', 'bob'));
    const write = (fill: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc();
      fill(doc);
      mallory.send(updateFrame(layer, Y.encodeStateAsUpdate(doc)));
    };
    // a record that fails the schema is refused on her process, so Redis never carries it
    write((doc) => annotationsMap(doc).set('bad', new Y.Map<unknown>([['kind', 42]])));
    await waitFor(() => mallory.acks(layer).includes('nack'), 'the bad record refused');
    write((doc) => addAnnotation(doc, record('m-ok', 'mallory')));
    await waitFor(() => recordIds(reading.doc).includes('m-ok'), 'her valid record, through Redis, at Bob');
    expect(recordIds(reading.doc)).toEqual(['m-ok']);
    // her presence names the teacher: it reaches the other process under her own name
    const presence = new Awareness(new Y.Doc());
    const sendPresence = (state: Record<string, unknown>) => {
      presence.setLocalState(state);
      mallory.send(awarenessFrame(corpusDocName(CORPUS), encodeAwarenessUpdate(presence, [presence.clientID])));
    };
    sendPresence({ user: { id: 'tina', name: 'Teacher', color: '#000000' }, article: 'a1', selection: { start: 1, end: 2 } });
    const hers = () => bob.provider.awareness!.getStates().get(presence.clientID) as Record<string, { id?: string; name?: string }> | undefined;
    await waitFor(() => hers() !== undefined, 'her presence at Bob, through Redis');
    expect(hers()!.user!.id).toBe('mallory');
    expect(hers()!.user!.name).not.toBe('Teacher');
    // a presence of the wrong shape is refused before it reaches her document, so before Redis
    sendPresence({ article: 'a1', evil: 'x'.repeat(100) });
    await new Promise((r) => setTimeout(r, 300)); // two presence windows and a Redis trip
    expect(hers()).not.toHaveProperty('evil');
    mallory.close();
  });

  it('the roster quota holds under concurrent joins on both processes', async () => {
    const made = [tempDir(), tempDir()];
    const shared = { postgres: school.postgres!.url, redis: school.redis!.url, prefix: 'roster-test' };
    const servers = await Promise.all(made.map((dataDir) => startSyncServer({ port: 0, dataDir, secret: SECRET, session: { corpus: 'c9', title: 'Full' }, quotas: { maxRoster: 3 }, school: shared })));
    try {
      const code = servers[0]!.session!.studentCode;
      expect(servers[1]!.session!.studentCode).toBe(code);
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => join(servers[i % 2]!.url.replace('ws://', 'http://'), code, `S${i}`)));
      expect(answers.filter((r) => r.status === 200)).toHaveLength(3);
      expect(answers.filter((r) => r.status === 403).map((r) => r.json.error)).toEqual(Array(9).fill('class-full'));
      const corpus = await client(servers[1]!.url).openSynced(corpusDocName('c9'), token('teacher', 'tina', 'c9'));
      await waitFor(() => readRoster(corpus.doc).size === 3, 'three members in the roster');
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      for (const dir of made) removeDir(dir);
    }
  });
});
