/**
 * `npm start`: runs the built app in Electron, or, where Electron cannot run here (its binary
 * cannot be downloaded, or it exits at once), says so in one line and serves the same renderer
 * on 127.0.0.1 instead. The binary is found the way node_modules/electron/index.js finds it, but
 * the download is bounded in time. `startApp` takes its steps as functions, so tests drive it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen, rendererServer } from './serve-renderer';

export const DEFAULT_PORT = 5317;
const DOWNLOAD_TIMEOUT_MS = 120_000;
const STARTUP_WINDOW_MS = 3_000;
const NETWORK_ERROR = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|ETIMEDOUT/;

export interface StartSteps {
  resolveBinary(): Promise<string>;
  launch(binary: string): Promise<{ exited: Promise<number> }>;
  serve(): Promise<string>;
  print(line: string): void;
}

export type StartOutcome = { shell: 'electron'; exited: Promise<number> } | { shell: 'browser'; url: string };

export async function startApp(steps: StartSteps): Promise<StartOutcome> {
  try {
    const binary = await steps.resolveBinary();
    return { shell: 'electron', ...(await steps.launch(binary)) };
  } catch (error) {
    const url = await steps.serve();
    const reason = error instanceof Error ? error.message : String(error);
    steps.print(`Electron could not be started here (${reason}). Serving the same app in your browser instead: ${url}`);
    return { shell: 'browser', url };
  }
}

/** The installed binary, as electron/index.js reads it from path.txt, or null. */
export function installedElectron(electronDir: string, env: NodeJS.ProcessEnv): string | null {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf-8') : undefined;
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative && join(electronDir, 'dist', relative);
  return binary && existsSync(binary) ? binary : null;
}

/** The installed binary, else the one electron/install.js downloads within `timeoutMs`. */
export async function resolveElectron(electronDir: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  const installed = installedElectron(electronDir, env);
  if (installed) return installed;
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => fail(new Error(`its installer could not run: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) done();
      else if (signal) fail(new Error(`its binary could not be downloaded within ${timeoutMs / 1000} s`));
      else if (NETWORK_ERROR.test(stderr)) fail(new Error('its binary could not be downloaded: no network'));
      else fail(new Error(`its binary could not be downloaded: ${stderr.trim().split('\n')[0] || `installer exit code ${code}`}`));
    });
  });
  const downloaded = installedElectron(electronDir, env);
  if (!downloaded) throw new Error('its download left no binary');
  return downloaded;
}

/**
 * Starts Electron and resolves once it has run for `windowMs` (or exited cleanly); rejects if it
 * cannot be spawned or fails within that window. Ctrl-C and SIGTERM are passed on to it.
 */
export function launchElectron(binary: string, args: string[], windowMs: number): Promise<{ exited: Promise<number> }> {
  return new Promise((started, failed) => {
    const child = spawn(binary, args, { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const exited = new Promise<number>((done) => {
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        process.off('SIGINT', forward).off('SIGTERM', forward);
        if (code === 0) started({ exited });
        else failed(new Error(`it exited at once with ${signal ? `signal ${signal}` : `code ${code}`}`));
        done(code ?? 1);
      });
    });
    child.on('error', (error) => failed(new Error(`its binary could not run: ${error.message}`)));
    process.on('SIGINT', forward).on('SIGTERM', forward);
    const timer = setTimeout(() => started({ exited }), windowMs);
  });
}

/** Serves dist/renderer on 127.0.0.1 at `firstPort` or the next free port. */
export async function serveFallback(root: string, firstPort = DEFAULT_PORT): Promise<{ url: string; server: Server }> {
  const server = rendererServer(root);
  for (let port = firstPort; ; port += 1) {
    try {
      return { url: `http://127.0.0.1:${await listen(server, port)}/`, server };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port >= firstPort + 50) throw error;
    }
  }
}

async function main(): Promise<void> {
  const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const outcome = await startApp({
    resolveBinary: async () => {
      const electronDir = dirname(createRequire(import.meta.url).resolve('electron'));
      return resolveElectron(electronDir, process.env, DOWNLOAD_TIMEOUT_MS);
    },
    launch: (binary) => launchElectron(binary, [appDir], STARTUP_WINDOW_MS),
    serve: async () => (await serveFallback(join(appDir, 'dist', 'renderer'))).url,
    print: (line) => console.log(line),
  });
  if (outcome.shell === 'electron') process.exitCode = await outcome.exited;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
