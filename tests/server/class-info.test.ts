import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { classInfoSchema } from '../../shared/protocol/class-info';
import type { SyncServer } from '../../electron/server/sync-server';
import { removeDir, startServer, tempDir } from './helpers';

let dir: string;
let server: SyncServer;
let http: string;

const ask = async () => {
  const response = await fetch(`${http}/api/class`);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

beforeEach(async () => {
  dir = tempDir();
  server = await startServer(join(dir, 'data'), { session: { corpus: 'klasse', title: '3e B' } });
  http = server.url.replace('ws://', 'http://');
});

afterEach(async () => {
  await server.stop();
  removeDir(dir);
});

describe('the class name for the joining page', () => {
  it('tells anyone the class name, and nothing secret', async () => {
    const { status, json } = await ask();
    expect(status).toBe(200);
    expect(classInfoSchema.parse(json)).toEqual({ app: 'glose', title: '3e B' });
    expect(Object.keys(json).sort()).toEqual(['app', 'title']);
    const text = JSON.stringify(json);
    for (const secret of [server.session!.studentCode, server.session!.observerCode, 'klasse']) expect(text).not.toContain(secret);
  });

  it('is limited per address: beyond 300 a minute the answer is 429, and joining still works', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 301; i++) statuses.push((await ask()).status);
    expect(statuses.slice(0, 300).every((s) => s === 200)).toBe(true);
    expect(statuses[300]).toBe(429);
    // the limit is the class-name endpoint's own: the right code is not slowed by it
    const joined = await fetch(`${http}/api/join`, { method: 'POST', body: JSON.stringify({ code: server.session!.studentCode, name: 'Inès', color: '#009E73' }) });
    expect(joined.status).toBe(200);
  });

  it('answers 204, no class, on a server that hosts none', async () => {
    const bare = await startServer(join(dir, 'bare'));
    const response = await fetch(`${bare.url.replace('ws://', 'http://')}/api/class`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    await bare.stop();
  });
});
