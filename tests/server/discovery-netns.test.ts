/**
 * LAN discovery for real, inside a network namespace this test makes (a veth pair on TEST-NET
 * addresses, multicast routed on it), so nothing reaches the machine's real network
 * (ARCHITECTURE.md §8): `npm run server -- --advertise` is listed by a browsing app with its
 * address, corpus and title, and a server without --advertise is not. Needs root and iproute2
 * (CI has both); elsewhere it skips with a printed reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, stopServerProcess } from './server-process';

const NS = `glose-mdns-${process.pid}`;
const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });

function makeNamespace(): string | null {
  if (process.getuid?.() !== 0) return 'not root: network namespaces need root';
  try {
    ip('netns', 'add', NS);
    ip('-n', NS, 'link', 'set', 'lo', 'up');
    ip('-n', NS, 'link', 'add', 'veth-a', 'type', 'veth', 'peer', 'name', 'veth-b');
    ip('-n', NS, 'addr', 'add', '192.0.2.1/24', 'dev', 'veth-a');
    ip('-n', NS, 'addr', 'add', '192.0.2.2/24', 'dev', 'veth-b');
    for (const dev of ['veth-a', 'veth-b']) ip('-n', NS, 'link', 'set', dev, 'multicast', 'on', 'up');
    ip('-n', NS, 'route', 'add', '224.0.0.0/4', 'dev', 'veth-a');
    return null;
  } catch (error) {
    return `no network namespace here (${(error as Error).message.split('\n')[0]})`;
  }
}

const skipped = makeNamespace();
if (skipped) console.log(`LAN discovery test in a network namespace skipped: ${skipped}`);
const data = mkdtempSync(join(tmpdir(), 'glose-mdns-'));

function browse(ms: number): { title: string; corpus: string; url: string }[] {
  const out = execFileSync('ip', ['netns', 'exec', NS, process.execPath, '--import', 'tsx', 'tests/support/browse-classes.ts', String(ms)], { encoding: 'utf8', timeout: ms + 15_000 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { title: string; corpus: string; url: string }[];
}

describe.skipIf(skipped !== null)('LAN discovery in a network namespace', () => {
  afterAll(() => {
    rmSync(data, { recursive: true, force: true });
    if (!skipped) ip('netns', 'del', NS);
  });

  it('a server started with --advertise is found by a browsing app, with its address, corpus and title', async () => {
    const server = await startServerProcess(join(data, 'a'), { args: ['--host', '0.0.0.0', '--advertise', '--title', '3e B', '--corpus', 'class3b'], wrap: ['ip', 'netns', 'exec', NS] });
    try {
      const found = browse(8_000);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ title: '3e B', corpus: 'class3b' });
      expect(found[0]!.url).toMatch(new RegExp(`^ws://192\\.0\\.2\\.[12]:${server.port}$`));
    } finally {
      await stopServerProcess(server.child);
    }
  });

  it('a server without --advertise is not listed', async () => {
    const server = await startServerProcess(join(data, 'b'), { args: ['--host', '0.0.0.0', '--title', 'Hidden'], wrap: ['ip', 'netns', 'exec', NS] });
    try {
      expect(browse(3_000)).toEqual([]);
    } finally {
      await stopServerProcess(server.child);
    }
  });
});
