/**
 * What a school test holds: a throw-away Redis and PostgreSQL (school-infra.ts), `npm run server`
 * processes on them (corpus c1, each with its own data directory) and clients of those processes;
 * `down()` stops and removes all of it.
 */
import type { ChildProcess } from 'node:child_process';
import { Client, CORPUS, removeDir, tempDir } from './helpers';
import { startPostgres, startRedis, type Postgres, type Service } from './school-infra';
import { startServerProcess, type ServerProcess } from './server-process';

export function schoolFixture() {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const clients: Client[] = [];
  const fixture = {
    redis: null as Service | null,
    postgres: null as Postgres | null,
    async up(): Promise<void> {
      [fixture.redis, fixture.postgres] = await Promise.all([startRedis(), startPostgres()]);
    },
    /** A server process on the school's PostgreSQL and Redis (`port`: to come back on a killed one's; `env`: e.g. GLOSE_QUOTAS). */
    async start(port = 0, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
      const dir = tempDir();
      dirs.push(dir);
      const started = await startServerProcess(dir, { port, env, args: ['--corpus', CORPUS, '--postgres', fixture.postgres!.url, '--redis', fixture.redis!.url] });
      children.push(started.child);
      return started;
    },
    url: (p: ServerProcess) => `ws://127.0.0.1:${p.port}`,
    http: (p: ServerProcess) => `http://127.0.0.1:${p.port}`,
    client(p: ServerProcess | string): Client {
      const c = new Client(typeof p === 'string' ? p : fixture.url(p));
      clients.push(c);
      return c;
    },
    closeClients(): void {
      for (const c of clients.splice(0)) c.destroy();
    },
    async down(): Promise<void> {
      fixture.closeClients();
      for (const child of children) child.kill('SIGKILL');
      await Promise.all([fixture.redis?.stop(), fixture.postgres?.stop()]);
      for (const dir of dirs) removeDir(dir);
    },
  };
  return fixture;
}
