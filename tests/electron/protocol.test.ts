/**
 * The app:// protocol handler (electron/main/protocol.ts) over a real folder on disk: it serves
 * index.html with its content type and the CSP, and no encoding of `..` reaches outside the folder.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

const electron = vi.hoisted(() => ({
  app: { enableSandbox: vi.fn(), on: vi.fn() },
  shell: { openExternal: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const { appFileHandler, registerAppScheme } = await import('../../electron/main/protocol');

let base: string;
let handler: (request: Request) => Promise<Response>;
const reads: string[] = [];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'glose-protocol-'));
  await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><title>Glose</title>');
  await writeFile(join(base, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer folder');
  const { readFile } = await import('node:fs/promises');
  handler = appFileHandler(join(base, 'renderer'), (file) => {
    reads.push(file);
    return readFile(file);
  });
});

describe('app:// protocol', () => {
  it('registers app as a standard privileged scheme, not a secure one (class servers speak ws:// and http://)', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, supportFetchAPI: true } },
    ]);
  });

  it('serves index.html with its type and the Content-Security-Policy', async () => {
    for (const url of ['app://glose/index.html', 'app://glose/']) {
      const response = await handler(new Request(url));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Glose</title>');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    const script = await handler(new Request('app://glose/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses ../ traversal however it is spelled, without reading outside the folder', async () => {
    const attempts = [
      'app://glose/..%2Fsecret.txt',
      'app://glose/%2e%2e%2fsecret.txt',
      'app://glose/assets/..%2F..%2Fsecret.txt',
      'app://glose/..%5Csecret.txt',
      'app://glose/%E0%A4%A',
      'app://other-host/index.html',
    ];
    reads.length = 0;
    for (const url of attempts) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(403);
      expect(await response.text()).not.toContain('outside the renderer folder');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(reads).toEqual([]);
  });

  it('answers 404, with the CSP, for a file that does not exist', async () => {
    const response = await handler(new Request('app://glose/nothing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
