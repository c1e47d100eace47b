/**
 * The load generator, a process of its own (forked by sync-bench.ts with the tsx loader), so the
 * server's CPU and the generator's are measured apart and a reader sees which one saturated. It
 * gets its rooms over IPC, connects every member (cheap protocol students, LoadStudent, and a few
 * full clients, FullClient), says `ready`, then on `go` makes each member write one record a
 * second and move its selection twice a second, on average, through a warm-up and then the window: each wait is drawn between half and
 * one and a half of the period from the member's own seeded random source, so a class is not
 * synchronised (its members' timers never all fire on the same tick) and every run, on Glose or
 * on the relay, gets the same pace. After the window and a drain it reports, per write, when it
 * was made, how many classmates received it and the slowest arrival, for all receivers and for
 * the full clients alone, with when the window began (writes before it are the warm-up's) and its
 * own event-loop delay, GC pauses and stalls over the window (loop-probe.ts).
 */
import { prng } from '../support/prng';
import { FullClient } from './load-full-client';
import { LoadStudent, type StudentSpec, type System } from './load-student';
import { cpuProfiles, startProbe, type ProbeReport } from './loop-probe';

/** `urls`: the room's members are spread over these servers (one, or several processes sharing documents). */
export interface Room { urls: string[]; corpus: string; users: string[]; tokens: Record<string, string> }
export interface GeneratorInput { system: System; rooms: Room[]; fullPerRoom: number }
/** `warmupMs`: the same pace before the window, its writes reported apart (both processes compile their paths then). */
export interface Pace { warmupMs: number; durationMs: number; drainMs: number }
/**
 * Per write: [id, receivers, slowest ms, slowest ms among full clients (-1: none received), written
 * at (ms since the epoch), slowest ms among receivers on the writer's own server, slowest ms among
 * receivers on other servers (-1: none; one server has no others)].
 */
export type Arrival = [string, number, number, number, number, number, number];
export type FromGenerator = { type: 'ready' } | { type: 'done'; written: number; arrivals: Arrival[]; acks: number; windowStart: number; probe: ProbeReport };

/** The seed of the members' pace: the same for every run and every system. */
const PACE_SEED = 14;

const layer = (corpus: string, user: string) => `corpus/${corpus}/layer/a1/${user}`;

/** `server`: the index in its room's `urls` of the server the member is connected to. */
function members(input: GeneratorInput): { room: number; user: string; server: number; full: boolean; client: LoadStudent | FullClient }[] {
  return input.rooms.flatMap((room, r) =>
    room.users.map((user, i) => {
      const server = i % room.urls.length;
      const spec: StudentSpec = {
        system: input.system,
        url: room.urls[server]!,
        user,
        token: room.tokens[user]!,
        corpus: `corpus/${room.corpus}`,
        article: 'a1',
        text: `corpus/${room.corpus}/text/a1`,
        own: layer(room.corpus, user),
        others: room.users.filter((u) => u !== user).map((u) => layer(room.corpus, u)),
      };
      const full = i < input.fullPerRoom;
      return { room: r, user, server, full, client: full ? new FullClient(spec) : new LoadStudent(spec) };
    }),
  );
}

/** Resolves once the message is handed to the parent: exiting earlier can drop a large one. */
function send(message: FromGenerator): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));
}

async function main(input: GeneratorInput): Promise<void> {
  const all = members(input);
  await Promise.all(all.map((m) => m.client.whenReady()));
  await send({ type: 'ready' });
  const pace = await new Promise<Pace>((resolve) => process.once('message', (m) => resolve(m as Pace)));
  let running = true;
  /** Calls `act` every `period` ms on average, each wait drawn from `random`, until the window ends. */
  const every = (random: () => number, period: number, act: () => void, wait = random() * period): void =>
    void setTimeout(() => running && (act(), every(random, period, act, period * (0.5 + random()))), wait);
  all.forEach(({ client }, i) => {
    every(prng(PACE_SEED * 100_003 + 2 * i), 1000, () => client.write());
    every(prng(PACE_SEED * 100_003 + 2 * i + 1), 500, () => client.select());
  });
  await new Promise((r) => setTimeout(r, pace.warmupMs));
  const windowStart = Date.now();
  const probe = startProbe();
  // with GLOSE_PROBE_CPU, the generator's window is profiled as the servers' are (loop-probe.ts)
  const profile = process.env.GLOSE_PROBE_CPU ? cpuProfiles(process.env.GLOSE_PROBE_CPU) : null;
  await new Promise((r) => setTimeout(r, pace.durationMs));
  running = false;
  await new Promise((r) => setTimeout(r, pace.drainMs));
  const serverOf = new Map(all.map((m) => [m.user, m.server]));
  /** [receivers, slowest, slowest full client, slowest on the writer's server, slowest on others] */
  const slowest = new Map<string, [number, number, number, number, number]>();
  for (const { client, full, server } of all) {
    for (const [id, ms] of client.arrivals) {
      const s = slowest.get(id) ?? [0, 0, -1, -1, -1];
      const own = serverOf.get(id.slice(0, id.lastIndexOf('.'))) === server;
      slowest.set(id, [s[0] + 1, Math.max(s[1], ms), full ? Math.max(s[2], ms) : s[2], own ? Math.max(s[3], ms) : s[3], own ? s[4] : Math.max(s[4], ms)]);
    }
  }
  const written = all.flatMap(({ client }) => client.written);
  const acks = all.reduce((n, { client }) => n + (client instanceof LoadStudent ? client.acks : 0), 0);
  const arrivals: Arrival[] = written.map(([id, at]) => {
    const [receivers, ms, full, own, other] = slowest.get(id) ?? [0, 0, -1, -1, -1];
    return [id, receivers, ms, full, at, own, other];
  });
  const report = probe.report();
  if (profile) await new Promise<void>((resolve) => profile(report, resolve));
  await send({ type: 'done', written: written.length, arrivals, acks, windowStart, probe: report });
  // the members stay connected until the bench has read the servers' probes, then it kills this process
}

process.once('disconnect', () => process.exit(0)); // the bench is gone

process.once('message', (input) => {
  main(input as GeneratorInput).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
