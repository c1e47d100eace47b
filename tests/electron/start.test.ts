/**
 * `npm start` (electron/cli/start.ts): the decision between Electron and the browser fallback
 * with injected steps, the fallback's real HTTP server, and the real binary lookup, download
 * and launch against stand-in electron folders and binaries (shell scripts).
 */
import { chmod, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { installedElectron, launchElectron, resolveElectron, serveFallback, startApp } from '../../electron/cli/start';

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function tempDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'glose-start-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
    if (name.endsWith('.sh') || name.startsWith('dist/')) await chmod(join(dir, name), 0o755);
  }
  return dir;
}

const rendererDir = () => tempDir({ 'index.html': '<!doctype html><title>Glose</title><div id="root"></div>' });

describe('startApp', () => {
  it('falls back to the browser when the binary cannot be had: one line, and the URL serves the page', async () => {
    const root = await rendererDir();
    const printed: string[] = [];
    const launch = vi.fn();
    const outcome = await startApp({
      resolveBinary: async () => { throw new Error('its binary could not be downloaded: no network'); },
      launch,
      serve: async () => {
        const { url, server } = await serveFallback(root, 0);
        servers.push(server);
        return url;
      },
      print: (line) => printed.push(line),
    });
    expect(launch).not.toHaveBeenCalled();
    expect(outcome.shell).toBe('browser');
    const url = outcome.shell === 'browser' ? outcome.url : '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(printed).toEqual([`Electron could not be started here (its binary could not be downloaded: no network). Serving the same app in your browser instead: ${url}`]);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Glose</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('falls back when Electron exits at once, and runs Electron (printing nothing) when it starts', async () => {
    const failing = { resolveBinary: async () => '/bin/electron', launch: async () => { throw new Error('it exited at once with code 1'); }, serve: async () => 'http://127.0.0.1:5317/', print: vi.fn() };
    await expect(startApp(failing)).resolves.toEqual({ shell: 'browser', url: 'http://127.0.0.1:5317/' });
    expect(failing.print).toHaveBeenCalledWith(expect.stringContaining('(it exited at once with code 1)'));

    const exited = Promise.resolve(0);
    const working = { resolveBinary: async () => '/bin/electron', launch: vi.fn(async () => ({ exited })), serve: vi.fn(), print: vi.fn() };
    await expect(startApp(working)).resolves.toEqual({ shell: 'electron', exited });
    expect(working.launch).toHaveBeenCalledWith('/bin/electron');
    expect(working.serve).not.toHaveBeenCalled();
    expect(working.print).not.toHaveBeenCalled();
  });
});

describe('serveFallback', () => {
  it('takes the next port when the first one is busy', async () => {
    const root = await rendererDir();
    const first = await serveFallback(root, 0);
    servers.push(first.server);
    const busy = Number(new URL(first.url).port);
    const second = await serveFallback(root, busy);
    servers.push(second.server);
    expect(Number(new URL(second.url).port)).toBeGreaterThan(busy);
    expect((await fetch(second.url)).status).toBe(200);
  });
});

describe('finding the Electron binary', () => {
  it('uses the binary named by path.txt when it exists, as electron/index.js does', async () => {
    const dir = await tempDir({ 'path.txt': 'electron', 'dist/electron': '#!/bin/sh\n' });
    expect(installedElectron(dir, {})).toBe(join(dir, 'dist', 'electron'));
    await expect(resolveElectron(dir, {}, 1000)).resolves.toBe(join(dir, 'dist', 'electron'));
    expect(installedElectron(await tempDir({ 'path.txt': 'electron' }), {})).toBeNull();
  });

  it('reports a download that fails for want of network as "no network"', async () => {
    const dir = await tempDir({ 'install.js': "console.error('TypeError: fetch failed'); process.exit(1);" });
    await expect(resolveElectron(dir, {}, 10_000)).rejects.toThrow('its binary could not be downloaded: no network');
  });

  it('gives up on a download that hangs, within the time limit', async () => {
    const dir = await tempDir({ 'install.js': 'setInterval(() => {}, 1000);' });
    const began = Date.now();
    await expect(resolveElectron(dir, {}, 500)).rejects.toThrow('its binary could not be downloaded within 0.5 s');
    expect(Date.now() - began).toBeLessThan(5_000);
  });

  it('uses the binary a successful download leaves', async () => {
    const dir = await tempDir({ 'install.js': "const fs = require('fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron');" });
    await writeFile(join(dir, 'package.json'), '{"type":"commonjs"}');
    await expect(resolveElectron(dir, {}, 10_000)).resolves.toBe(join(dir, 'dist', 'electron'));
  });
});

describe('launching Electron', () => {
  it('fails when the binary exits at once or cannot run', async () => {
    const dir = await tempDir({ 'crash.sh': '#!/bin/sh\nexit 3\n' });
    await expect(launchElectron(join(dir, 'crash.sh'), [], 2_000)).rejects.toThrow('it exited at once with code 3');
    await expect(launchElectron(join(dir, 'missing'), [], 2_000)).rejects.toThrow(/its binary could not run: .*ENOENT/);
  });

  it('hands over a running binary and forwards its exit code', async () => {
    const dir = await tempDir({ 'app.sh': '#!/bin/sh\nsleep 0.5\nexit 7\n' });
    const { exited } = await launchElectron(join(dir, 'app.sh'), [], 100);
    await expect(exited).resolves.toBe(7);
  });
});
