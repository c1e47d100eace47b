/**
 * The load generator, a process of its own (forked by sync-bench.ts with the tsx loader), so the
 * server's CPU and the generator's are measured apart and a reader sees which one saturated. It
 * gets its rooms over IPC, connects every member (cheap protocol students, LoadStudent, and a few
 * full clients, FullClient), says `ready`, then on `go` makes each member write one record a
 * second (phases spread over the second) and move its selection twice a second; after the
 * window and a drain it reports, per write, how many classmates received it and the slowest
 * arrival, for all receivers and for the full clients alone.
 */
import { FullClient } from './load-full-client';
import { LoadStudent, type StudentSpec, type System } from './load-student';

/** `urls`: the room's members are spread over these servers (one, or several processes sharing documents). */
export interface Room { urls: string[]; corpus: string; users: string[]; tokens: Record<string, string> }
export interface GeneratorInput { system: System; rooms: Room[]; fullPerRoom: number }
export interface Pace { durationMs: number; drainMs: number }
/** Per write: [id, receivers, slowest ms, slowest ms among full clients (-1: none received)]. */
export type Arrival = [string, number, number, number];
export type FromGenerator = { type: 'ready' } | { type: 'done'; written: number; arrivals: Arrival[]; acks: number };

const layer = (corpus: string, user: string) => `corpus/${corpus}/layer/a1/${user}`;

function members(input: GeneratorInput): { room: number; full: boolean; client: LoadStudent | FullClient }[] {
  return input.rooms.flatMap((room, r) =>
    room.users.map((user, i) => {
      const spec: StudentSpec = {
        system: input.system,
        url: room.urls[i % room.urls.length]!,
        user,
        token: room.tokens[user]!,
        text: `corpus/${room.corpus}/text/a1`,
        own: layer(room.corpus, user),
        others: room.users.filter((u) => u !== user).map((u) => layer(room.corpus, u)),
      };
      const full = i < input.fullPerRoom;
      return { room: r, full, client: full ? new FullClient(spec) : new LoadStudent(spec) };
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
  const timers: NodeJS.Timeout[] = [];
  all.forEach(({ client }, i) => {
    timers.push(setTimeout(() => timers.push(setInterval(() => client.write(), 1000)), (i * 1000) / all.length));
    timers.push(setInterval(() => client.select(), 500));
  });
  await new Promise((r) => setTimeout(r, pace.durationMs));
  timers.forEach((t) => clearInterval(t));
  await new Promise((r) => setTimeout(r, pace.drainMs));
  const slowest = new Map<string, [number, number, number]>();
  for (const { client, full } of all) {
    for (const [id, ms] of client.arrivals) {
      const s = slowest.get(id) ?? [0, 0, -1];
      slowest.set(id, [s[0] + 1, Math.max(s[1], ms), full ? Math.max(s[2], ms) : s[2]]);
    }
  }
  const written = all.flatMap(({ client }) => client.written);
  const acks = all.reduce((n, { client }) => n + (client instanceof LoadStudent ? client.acks : 0), 0);
  await send({ type: 'done', written: written.length, arrivals: written.map((id) => [id, ...(slowest.get(id) ?? [0, 0, -1])]), acks });
  all.forEach(({ client }) => client.close());
  process.exit(0);
}

process.once('message', (input) => {
  main(input as GeneratorInput).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
