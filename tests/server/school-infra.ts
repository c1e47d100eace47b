/**
 * Throw-away Redis and PostgreSQL for the school (scale-out) tests: Debian's `redis-server` and
 * PostgreSQL 15 (`initdb` + `pg_ctl` from /usr/lib/postgresql/15/bin), each on a free loopback
 * port in a temporary directory, stopped and removed after. PostgreSQL refuses to run as root, so
 * as root the cluster belongs to the `postgres` account (Debian's package creates it) and its
 * commands run through `runuser`. `schoolSkipReason()` says why the tests cannot run here, or null.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_BIN = '/usr/lib/postgresql/15/bin';

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function postgresUid(): { uid: number; gid: number } | null {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

const asRoot = process.getuid?.() === 0;

/** Why Redis or PostgreSQL cannot be started here, or null when both can. */
export function schoolSkipReason(): string | null {
  if (!onPath('redis-server')) return 'redis-server is not installed (Debian: apt-get install redis-server)';
  if (!existsSync(join(PG_BIN, 'initdb'))) return `PostgreSQL 15 is not installed (${PG_BIN}/initdb is missing; Debian: apt-get install postgresql)`;
  if (asRoot && !postgresUid()) return 'running as root and there is no postgres account to run PostgreSQL as';
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<void> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${out}`)), 20_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}: ${out}`));
    });
  });
}

export interface Service {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), 'glose-redis-'));
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForLine(child, /Ready to accept connections/, 'redis-server');
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function pgCommand(command: string, args: string[]): void {
  const file = join(PG_BIN, command);
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' });
  else execFileSync(file, args, { stdio: 'pipe' });
}

export interface Postgres extends Service {
  /** SIGKILL to the postmaster (its backends follow it out); `start()` brings it back through crash recovery. */
  kill9(): Promise<void>;
  start(): Promise<void>;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A new PostgreSQL cluster with a `glose` superuser (trust on loopback) and a `glose` database. */
export async function startPostgres(): Promise<Postgres> {
  const dir = mkdtempSync(join(tmpdir(), 'glose-pg-'));
  const owner = asRoot ? postgresUid() : null;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  pgCommand('initdb', ['-D', data, '-U', 'glose', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const start = () => pgCommand('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
  start();
  pgCommand('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'glose', 'glose']);
  return {
    url: `postgres://glose@127.0.0.1:${port}/glose`,
    async kill9() {
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      while (alive(pid)) await new Promise((r) => setTimeout(r, 20));
    },
    async start() {
      // the killed postmaster's backends leave shortly after it; until then a new one refuses to start
      for (let attempt = 0; ; attempt++) {
        try {
          return start();
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    },
    async stop() {
      try {
        pgCommand('pg_ctl', ['-D', data, '-m', 'fast', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
