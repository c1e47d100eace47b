/**
 * A school's server for real: two `npm run server` processes on one PostgreSQL and one Redis
 * (throw-away instances, school-infra.ts). A class whose students are spread over the two
 * processes converges — seeded random adds and deletes, the same student writing through both
 * processes at once — with nothing lost or duplicated, in every replica and in the database; a
 * process killed with SIGKILL mid-burst loses no acknowledged write (it is in PostgreSQL before
 * any restart) and, restarted, the class converges again. Skips with a printed reason where
 * redis-server or PostgreSQL is not installed.
 */
import * as prng from 'lib0/prng';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../electron/server/pg-store';
import { layerDocName } from '../../shared/model/doc-names';
import { addAnnotation, deleteAnnotation } from '../../shared/model/layer';
import { Client, CORPUS, record, recordIds, seedArticles, storedRecordIds, token, waitFor, type OpenDoc } from './helpers';
import { schoolFixture } from './school-fixture';
import { schoolSkipReason, type Postgres } from './school-infra';
import type { ServerProcess } from './server-process';

const skipped = schoolSkipReason();
if (skipped) console.log(`school scale-out tests skipped: ${skipped}`);

const SEED = Number(process.env.GLOSE_SEED ?? Date.now() % 1_000_000);
const layer = (owner: string) => layerDocName(CORPUS, 'a1', owner);

interface Writer {
  user: string;
  open: OpenDoc;
  written: string[];
  acked: Set<string>;
}

/** Writers of their own layers on one process, each counting which of its records were acknowledged. */
async function ackedWriters(students: string[], client: () => Client): Promise<Writer[]> {
  const writers = await Promise.all(
    students.map(async (user) => ({ user, open: await client().openSynced(layer(user), token('student', user)), written: [] as string[], acked: new Set<string>() })),
  );
  await waitFor(() => writers.every((w) => !w.open.provider.hasUnsyncedChanges), 'initial acks');
  for (const w of writers) {
    // acks come back in send order, one per update (one record per update here); a reconnection
    // resets the provider's counter, so counting stops at the first disconnection
    let outstanding = 0;
    let connected = true;
    w.open.provider.on('disconnect', () => (connected = false));
    w.open.provider.on('close', () => (connected = false));
    w.open.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (connected && number < outstanding) for (const id of w.written.slice(w.acked.size, w.acked.size + outstanding - number)) w.acked.add(id);
      outstanding = number;
    });
  }
  return writers;
}

/** Each writer adds a record every tick; `kill` runs once, mid-burst, after some acknowledgements. */
async function burst(writers: Writer[], kill: () => Promise<void> | void): Promise<Set<string>[]> {
  let acked: Set<string>[] | null = null;
  for (let tick = 0; tick < 120; tick++) {
    for (const w of writers) {
      const id = `${w.user}-${tick}`;
      w.written.push(id);
      addAnnotation(w.open.doc, record(id, w.user, tick));
    }
    if (!acked && tick >= 30 && (writers.some((w) => w.acked.size > 0) || tick === 90)) {
      await kill();
      acked = writers.map((w) => new Set(w.acked));
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  expect(acked!.reduce((n, s) => n + s.size, 0)).toBeGreaterThan(0);
  expect(writers.every((w, i) => acked![i]!.size < w.written.length)).toBe(true);
  return acked!;
}

const storedIds = async (postgres: string, name: string): Promise<string[]> => storedRecordIds(await PgStore.open(postgres, 1), name);

describe.skipIf(skipped !== null)('a class over two server processes (Redis + PostgreSQL)', () => {
  const school = schoolFixture();
  const { url } = school;
  const client = (url: string) => school.client(url);
  let postgres: Postgres;
  let seeded = false;
  /** Two processes; the corpus lists article a1 (each test may run alone). */
  const startPair = async (): Promise<[ServerProcess, ServerProcess]> => {
    const pair: [ServerProcess, ServerProcess] = [await school.start(), await school.start()];
    if (!seeded) await seedArticles(url(pair[0]), ['a1']);
    seeded = true;
    return pair;
  };

  beforeAll(async () => {
    await school.up();
    postgres = school.postgres!;
  }, 60_000);
  afterAll(() => school.down());

  it('converges: students on both processes, one of them on both at once, nothing lost or duplicated', async () => {
    console.log(`school convergence seed: ${SEED} (replay with GLOSE_SEED=${SEED})`);
    const gen = prng.create(SEED);
    const [a, b] = await startPair();
    // carl writes through a socket to each process at once (two laptops, or a reconnection elsewhere)
    const spread: [string, ServerProcess[]][] = [['ana', [a]], ['bob', [b]], ['carl', [a, b]], ['dina', [b]]];
    const students = spread.map(([user]) => user);
    const writers = await Promise.all(
      spread.flatMap(([user, processes]) => processes.map(async (p) => ({ user, open: await client(url(p)).openSynced(layer(user), token('student', user)) }))),
    );
    expect(writers.every((w) => w.open.denied === null)).toBe(true);
    const alive = new Map<string, Set<string>>(students.map((s) => [s, new Set()]));
    for (let step = 0; step < 300; step++) {
      const w = writers[prng.uint32(gen, 0, writers.length - 1)]!;
      const mine = [...recordIds(w.open.doc)];
      if (mine.length > 0 && prng.bool(gen) && prng.bool(gen)) {
        const id = mine[prng.uint32(gen, 0, mine.length - 1)]!;
        deleteAnnotation(w.open.doc, id);
        alive.get(w.user)!.delete(id);
      } else {
        const id = `${w.user}-${step}`;
        addAnnotation(w.open.doc, record(id, w.user, step));
        alive.get(w.user)!.add(id);
      }
      if (prng.uint32(gen, 0, 9) === 0) await new Promise((r) => setTimeout(r, prng.uint32(gen, 1, 20)));
    }
    // a teacher on each process sees every layer as the writers left it
    for (const p of [a, b]) {
      const teacher = client(url(p));
      for (const user of students) {
        const view = await teacher.openSynced(layer(user), token('teacher', 'tina'));
        const expected = [...alive.get(user)!].sort();
        await waitFor(() => JSON.stringify(recordIds(view.doc)) === JSON.stringify(expected), `${user}'s layer at port ${p.port} (seed ${SEED})`, 20_000);
      }
    }
    for (const w of writers) {
      const expected = [...alive.get(w.user)!].sort();
      await waitFor(() => JSON.stringify(recordIds(w.open.doc)) === JSON.stringify(expected), `${w.user}'s own replica (seed ${SEED})`, 20_000);
      await waitFor(() => !w.open.provider.hasUnsyncedChanges, `${w.user}'s acknowledgements`, 20_000);
    }
    for (const user of students) expect(await storedIds(postgres.url, layer(user)), `${user} in PostgreSQL (seed ${SEED})`).toEqual([...alive.get(user)!].sort());
  }, 180_000);

  it('kill -9 of one process mid-burst loses nothing acknowledged; restarted, the class converges', async () => {
    school.closeClients();
    const [a, b] = await startPair();
    const writers = await ackedWriters(['eve', 'finn', 'gus'], () => client(url(a)));
    const ackedAtKill = await burst(writers, async () => {
      a.child.kill('SIGKILL');
      await new Promise<void>((r) => (a.child.exitCode !== null || a.child.signalCode !== null ? r() : a.child.once('exit', () => r())));
    });
    for (const [i, w] of writers.entries()) {
      const stored = new Set(await storedIds(postgres.url, layer(w.user)));
      expect([...ackedAtKill[i]!].filter((id) => !stored.has(id)), `acknowledged but not in PostgreSQL for ${w.user}`).toEqual([]);
    }
    // the other process serves the class meanwhile; the killed one comes back on its port
    await school.start(a.port);
    const teacher = client(url(b));
    for (const w of writers) {
      const view = await teacher.openSynced(layer(w.user), token('teacher', 'tina'));
      const expected = [...w.written].sort();
      await waitFor(() => recordIds(view.doc).length >= expected.length, `all of ${w.user}'s records through the other process`, 30_000);
      expect(recordIds(view.doc)).toEqual(expected);
      expect(recordIds(w.open.doc)).toEqual(expected);
    }
    for (const w of writers) await waitFor(() => !w.open.provider.hasUnsyncedChanges, `${w.user}'s acknowledgements`, 20_000);
    for (const w of writers) expect(await storedIds(postgres.url, layer(w.user))).toEqual([...w.written].sort());
  }, 180_000);

  it('kill -9 of PostgreSQL mid-burst loses nothing acknowledged; once it is back, every write is stored', async () => {
    school.closeClients();
    const [a, b] = await startPair();
    const writers = await ackedWriters(['hana', 'ivo'], () => client(url(a)));
    const ackedAtKill = await burst(writers, () => postgres.kill9());
    await new Promise((r) => setTimeout(r, 500)); // writes refused meanwhile stay with their clients
    await postgres.start();
    for (const [i, w] of writers.entries()) {
      const stored = new Set(await storedIds(postgres.url, layer(w.user)));
      expect([...ackedAtKill[i]!].filter((id) => !stored.has(id)), `acknowledged but not in PostgreSQL for ${w.user}`).toEqual([]);
    }
    const teacher = client(url(b));
    for (const w of writers) {
      const view = await teacher.openSynced(layer(w.user), token('teacher', 'tina'));
      await waitFor(() => recordIds(view.doc).length >= w.written.length, `all of ${w.user}'s records through the other process`, 30_000);
      expect(recordIds(view.doc)).toEqual([...w.written].sort());
    }
    for (const w of writers) await waitFor(() => !w.open.provider.hasUnsyncedChanges, `${w.user}'s acknowledgements`, 30_000);
    for (const w of writers) expect(await storedIds(postgres.url, layer(w.user))).toEqual([...w.written].sort());
  }, 180_000);
});
