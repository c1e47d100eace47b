/**
 * The teacher's class administration through a real server: removing a member closes their open
 * connections at once and refuses their tokens from then on (and their old token no longer renews
 * the identity); rotating the codes makes the old codes fail and the new ones work; an old token
 * from before the class existed does not renew an identity either.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layerDocName } from '../../shared/model/doc-names';
import { mintToken } from '../../electron/server/tokens';
import type { SyncServer } from '../../electron/server/sync-server';
import { Client, CORPUS, removeDir, SECRET, startServer, tempDir, token, waitFor } from './helpers';

let dir: string;
let server: SyncServer;
let http: string;
const clients: Client[] = [];

async function post(path: string, body: unknown, bearer?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) };
  const response = await fetch(`${http}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

beforeEach(async () => {
  dir = tempDir();
  server = await startServer(dir, { session: { corpus: CORPUS, title: 'Class' } });
  http = server.url.replace('ws://', 'http://');
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server.stop();
  removeDir(dir);
});

describe('class administration', () => {
  it('removes a member: open connections closed, tokens refused, identity not renewable', async () => {
    const joined = (await post('/api/join', { code: server.session!.studentCode, name: 'Léa', color: '#000000' })).json as { token: string; user: string };
    const student = new Client(server.url);
    clients.push(student);
    const own = await student.openSynced(layerDocName(CORPUS, 'a1', joined.user), joined.token);
    expect(own.denied).toBeNull();

    expect((await post('/api/members/remove', { user: joined.user }, token('student', 'other'))).status).toBe(403);
    expect((await post('/api/members/remove', { user: joined.user }, token('teacher', 'tina'))).status).toBe(200);
    await waitFor(() => !server.hocuspocusServer.hocuspocus.documents.get(layerDocName(CORPUS, 'a1', joined.user))?.getConnections().length, 'the connection closed');
    const again = new Client(server.url);
    clients.push(again);
    expect((await again.openSynced(layerDocName(CORPUS, 'a1', joined.user), joined.token)).denied).toMatch(/^member-removed/);

    const renewed = (await post('/api/join', { code: server.session!.studentCode, name: 'Léa', color: '#000000', previous: joined.token })).json;
    expect(renewed.user).not.toBe(joined.user);
  });

  it('rotates the codes: the old ones stop working, the new ones work', async () => {
    const old = server.session!.studentCode;
    const rotated = await post('/api/codes/rotate', {}, token('teacher', 'tina'));
    expect(rotated.status).toBe(200);
    expect(rotated.json.studentCode).not.toBe(old);
    expect((await post('/api/join', { code: old, name: 'X', color: '#000000' })).json).toEqual({ error: 'bad-code' });
    expect((await post('/api/join', { code: rotated.json.studentCode, name: 'X', color: '#000000' })).status).toBe(200);
  });

  it('does not renew an identity from a token that expired before the class existed', async () => {
    const ancient = mintToken(SECRET, { role: 'student', user: 'sOld', corpus: CORPUS }, 12 * 3600, Date.now() - 48 * 3600_000);
    const joined = (await post('/api/join', { code: server.session!.studentCode, name: 'Old', color: '#000000', previous: ancient })).json;
    expect(joined.user).not.toBe('sOld');
  });
});
