/**
 * The real `npm run server` entry (`node --import tsx electron/cli/server.ts`, under vitest its
 * bundle: tests/support/cli-entry.ts) as a child
 * process on loopback: started with extra arguments and optionally under `umask 000` or inside
 * a command such as `ip netns exec NS` (`wrap`), with extra environment variables (`env`), it
 * resolves once the server has printed its address and join code (stdout kept), or rejects
 * with what it printed when it exits first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cliEntry } from '../support/cli-entry';
import { SECRET } from './helpers';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Everything printed on stdout so far. */
  stdout: () => string;
  /** Everything printed on stderr so far (the JSON log lines among them). */
  stderr: () => string;
}

export interface ServerExit {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ENTRY = cliEntry('server');

function spawnServer(dataDir: string, args: string[], umask000: boolean, wrap: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const argv = [...ENTRY, '--data', dataDir, '--secret', SECRET, ...args];
  const command = umask000 ? ['sh', '-c', 'umask 000 && exec "$0" "$@"', process.execPath, ...argv] : [process.execPath, ...argv];
  const [file, ...rest] = [...wrap, ...command];
  return spawn(file!, rest, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
}

export function startServerProcess(dataDir: string, options: { args?: string[]; umask000?: boolean; port?: number; wrap?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<ServerProcess> {
  const args = [...(options.args ?? []), '--port', String(options.port ?? 0)];
  const child = spawnServer(dataDir, args, options.umask000 ?? false, options.wrap ?? [], options.env ?? {});
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on ws:\/\/[^\s]+:(\d+)[^]*students open .*\n/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), stdout: () => out, stderr: () => err });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}: ${out}${err}`), { exit: { code, stdout: out, stderr: err } }));
    });
  });
}

/** Runs the server expecting it to stop by itself (a refused start); resolves with how it ended. */
export async function failedServerStart(dataDir: string, args: string[] = []): Promise<ServerExit> {
  try {
    const started = await startServerProcess(dataDir, { args });
    started.child.kill('SIGKILL');
    throw new Error(`the server started on ${dataDir}`);
  } catch (error) {
    const exit = (error as { exit?: ServerExit }).exit;
    if (!exit) throw error;
    return exit;
  }
}

/** SIGTERM, and resolves once the child has closed its database and exited. */
export function stopServerProcess(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}
