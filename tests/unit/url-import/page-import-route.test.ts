/**
 * POST /api/import-url on the local renderer server (the browser fallback of `npm start`): only
 * the server's own pages may use it. Another site the user visits (a cross-site Origin, no
 * Origin, a form's content type) or a rebound DNS name (a Host that is not loopback) is
 * refused before anything is fetched; the app's own request gets the same answer as the IPC.
 */
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererServer } from '../../../electron/cli/serve-renderer';
import { pageServer, type PageServer } from '../../support/page-server';
import { tempDir } from '../cli/cli-helpers';

let site: PageServer;
let server: ReturnType<typeof rendererServer>;
let port: number;
beforeAll(async () => {
  site = await pageServer();
  server = rendererServer(tempDir());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await site.close();
  await new Promise((done) => server.close(done));
});

function post(headers: Record<string, string>, body: string): Promise<{ status: number; json: unknown }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/import-url', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('POST /api/import-url', () => {
  const json = () => JSON.stringify({ url: site.url('/pages/seed-004.html') });
  const own = () => ({ origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, 'content-type': 'application/json' });

  it('answers the server\'s own page with the article and its provenance', async () => {
    const { status, json: body } = await post(own(), json());
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: { url: site.url('/pages/seed-004.html'), title: 'Meta and Spotify attack European laws that limit them in a plea for open source AI' } });
  });

  it.each([
    ['another site', { origin: 'https://evil.example' }, 403],
    ['no Origin', { origin: '' }, 403],
    ['a rebound DNS name', { host: `evil.example:${port}`, origin: `http://evil.example:${port}` }, 403],
    ['a form', { 'content-type': 'text/plain' }, 415],
  ])('refuses %s', async (_what, change, code) => {
    const headers: Record<string, string> = { ...own(), ...change };
    if (headers.origin === '') delete headers.origin;
    expect((await post(headers, json())).status).toBe(code);
  });

  it('refuses a body that is too large or not { url }', async () => {
    expect((await post(own(), JSON.stringify({ url: 'x'.repeat(9000) }))).status).toBe(413);
    expect((await post(own(), '{"address":"https://example.com"}')).status).toBe(400);
  });

  it('answers a refused page with its reason', async () => {
    const { json: body } = await post(own(), JSON.stringify({ url: 'file:///etc/passwd' }));
    expect(body).toEqual({ failure: { code: 'scheme' } });
  });
});
