/**
 * Behind a school's reverse proxy: wrong join codes are counted per student, not per proxy, when
 * the operator names the proxy — and a student cannot escape the limit by writing the header
 * themselves. A real server on a real port, and a real forwarding proxy (Node's http, appending
 * X-Forwarded-For as nginx's $proxy_add_x_forwarded_for does) in front of it.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, trustedProxySet } from '../../electron/server/client-address';
import type { SyncServer } from '../../electron/server/sync-server';
import { removeDir, startServer, tempDir } from './helpers';

/** A forwarding proxy that says each request comes from `from` (as if from that student's laptop). */
async function proxyTo(target: string): Promise<{ url: string; close: () => void }> {
  const proxy: Server = createServer((inbound, outbound) => {
    const forwarded = [inbound.headers['x-forwarded-for'], inbound.headers['x-test-from']].filter(Boolean).join(', ');
    const upstream = httpRequest(`${target}${inbound.url}`, { method: inbound.method, headers: { ...inbound.headers, 'x-forwarded-for': forwarded } }, (answer) => {
      outbound.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outbound);
    });
    inbound.pipe(upstream);
  });
  await new Promise<void>((ready) => proxy.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, close: () => proxy.close() };
}

let dir: string;
const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  removeDir(dir);
});

async function setUp(trustedProxies: string[]): Promise<{ server: SyncServer; proxy: string }> {
  dir = tempDir();
  const server = await startServer(join(dir, 'data'), { session: { corpus: 'c1', title: '3e B' }, trustedProxies });
  const proxy = await proxyTo(server.url.replace('ws://', 'http://'));
  closers.push(proxy.close, () => server.stop());
  return { server, proxy: proxy.url };
}

const guess = async (proxy: string, from: string, code: string, spoofed?: string) => {
  const headers: Record<string, string> = { 'x-test-from': from, ...(spoofed ? { 'x-forwarded-for': spoofed } : {}) };
  return (await fetch(`${proxy}/api/join`, { method: 'POST', headers, body: JSON.stringify({ code, name: 'Léa', color: '#0072B2' }) })).status;
};

describe('a class server behind a reverse proxy', () => {
  it('with the proxy trusted, one student guessing codes is locked out and the others still join', async () => {
    const { server, proxy } = await setUp(['127.0.0.1']);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push(await guess(proxy, '10.0.0.7', 'ZZZZZZ'));
    expect(statuses.at(-1)).toBe(429);
    expect(await guess(proxy, '10.0.0.8', server.session!.studentCode)).toBe(200);
    // writing the header yourself changes nothing: the proxy appends the real address, which is read first
    expect(await guess(proxy, '10.0.0.7', 'ZZZZZZ', '192.0.2.1')).toBe(429);
  });

  it('without it, the header is ignored and the limit is the proxy’s (the old behaviour, now only when nobody is trusted)', async () => {
    const { server, proxy } = await setUp([]);
    for (let i = 0; i < 21; i++) await guess(proxy, '10.0.0.7', 'ZZZZZZ');
    expect(await guess(proxy, '10.0.0.8', server.session!.studentCode)).toBe(429);
  });

  it('refuses to start with a trusted proxy that is not an address', async () => {
    expect(() => trustedProxySet(['nginx.local'])).toThrow(/not an IP address: nginx.local/);
  });

  it('reads the chain from the right and never a malformed entry', () => {
    const from = (peer: string, xff?: string) => clientAddress({ socket: { remoteAddress: peer }, headers: xff ? { 'x-forwarded-for': xff } : {} } as never, new Set(['127.0.0.1', '10.1.1.1']));
    expect(from('127.0.0.1', '203.0.113.9, 10.0.0.7, 10.1.1.1')).toBe('10.0.0.7');
    expect(from('::ffff:127.0.0.1', '10.0.0.7')).toBe('10.0.0.7');
    expect(from('127.0.0.1', 'garbage, 10.0.0.7')).toBe('10.0.0.7');
    expect(from('127.0.0.1', '10.0.0.7, garbage')).toBe('127.0.0.1');
    expect(from('127.0.0.1')).toBe('127.0.0.1');
    expect(from('198.51.100.4', '10.0.0.7')).toBe('198.51.100.4');
  });
});
