/**
 * Bad input from a raw WebSocket client: garbage, truncated frames, a truncated Yjs update
 * inside a well-formed frame, garbage awareness, unknown message types, text frames and an
 * oversized frame. The server closes only the offending connection (or ignores the frame)
 * and keeps serving a well-behaved client on the same server, whose writes still land.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { SyncServer } from '../../electron/server/sync-server';
import { addAnnotation } from '../../shared/model/layer';
import { Client, CORPUS, record, recordIds, removeDir, startServer, tempDir, token, waitFor } from './helpers';
import { authFrame, frame, updateFrame } from './raw-client';

const MAX = 64 * 1024;
const layer = (owner: string) => `corpus/${CORPUS}/layer/a1/${owner}`;

function validUpdate(id: string, user: string): Uint8Array {
  const doc = new Y.Doc();
  addAnnotation(doc, record(id, user));
  return Y.encodeStateAsUpdate(doc);
}

interface Raw {
  ws: WebSocket;
  messages: number;
  closed: Promise<{ code: number; reason: string }>;
}

async function raw(url: string): Promise<Raw> {
  const ws = new WebSocket(url);
  const r: Raw = {
    ws,
    messages: 0,
    closed: new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
  };
  ws.on('message', () => r.messages++);
  ws.on('error', () => undefined);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return r;
}

/** Opens `name` read-write over a raw socket and waits for the server's answer. */
async function rawAuthenticated(url: string, user: string): Promise<Raw> {
  const r = await raw(url);
  r.ws.send(authFrame(layer(user), token('student', user)));
  await waitFor(() => r.messages > 0, 'authentication answer');
  return r;
}

describe('bad input', () => {
  let dir: string;
  let server: SyncServer;
  let healthy: Client;
  let watcher: Client;
  let round = 0;

  /** The well-behaved client still writes and another peer still receives. */
  async function stillServing(): Promise<void> {
    const id = `healthy-${round++}`;
    addAnnotation(healthy.docs[0]!.doc, record(id, 'ana'));
    await waitFor(() => recordIds(watcher.docs[0]!.doc).includes(id), `${id} at the watcher`);
  }

  beforeAll(async () => {
    dir = tempDir();
    server = await startServer(dir, { maxMessageBytes: MAX });
    healthy = new Client(server.url);
    watcher = new Client(server.url);
    await healthy.openSynced(layer('ana'), token('student', 'ana'));
    await watcher.openSynced(layer('ana'), token('observer', 'wall'));
  });
  afterAll(async () => {
    healthy.destroy();
    watcher.destroy();
    await server.stop();
    removeDir(dir);
  });

  it('random garbage before authentication closes that socket only', async () => {
    const r = await raw(server.url);
    r.ws.send(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect((await r.closed).code).toBeGreaterThanOrEqual(4000);
    await stillServing();
  });

  it('a frame cut in the middle of its update closes that socket with malformed-message', async () => {
    const r = await rawAuthenticated(server.url, 'bob');
    const whole = updateFrame(layer('bob'), validUpdate('cut-frame', 'bob'));
    r.ws.send(whole.slice(0, whole.length - 7));
    expect(await r.closed).toMatchObject({ code: 4400, reason: expect.stringMatching(/^malformed-message/) });
    await stillServing();
    expect(recordIds(server.hocuspocusServer.hocuspocus.documents.get(layer('bob')) ?? new Y.Doc())).not.toContain('cut-frame');
  });

  it('a well-formed frame carrying a truncated Yjs update is refused with invalid-update and never stored', async () => {
    const r = await rawAuthenticated(server.url, 'carl');
    const update = validUpdate('truncated', 'carl');
    let notices = 0;
    r.ws.on('message', (data: Buffer) => (notices += data.includes('invalid-update') ? 1 : 0));
    r.ws.send(updateFrame(layer('carl'), update.slice(0, Math.floor(update.length / 2))));
    await waitFor(() => notices > 0, 'the invalid-update notice');
    await stillServing();
    const reader = new Client(server.url);
    const view = await reader.openSynced(layer('carl'), token('observer', 'wall'));
    expect(recordIds(view.doc)).toEqual([]);
    reader.destroy();
    r.ws.close();
  });

  it('garbage awareness, unknown message types and text frames do not bring the server down', async () => {
    const r = await rawAuthenticated(server.url, 'dina');
    const name = layer('dina');
    r.ws.send(frame((e) => (encoding.writeVarString(e, name), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, Uint8Array.from([9, 9, 9])))));
    r.ws.send(frame((e) => (encoding.writeVarString(e, name), encoding.writeVarUint(e, 77))));
    r.ws.send('hello');
    await stillServing();
    const fine = await rawAuthenticated(server.url, 'emil');
    fine.ws.send(updateFrame(layer('emil'), validUpdate('emil-1', 'emil')));
    const reader = new Client(server.url);
    const view = await reader.openSynced(layer('emil'), token('observer', 'wall'));
    await waitFor(() => recordIds(view.doc).includes('emil-1'), 'emil-1 at a reader');
    reader.destroy();
    fine.ws.close();
    r.ws.close();
  });

  it('an oversized frame closes that socket with 1009 and nothing of it is applied', async () => {
    const r = await rawAuthenticated(server.url, 'fred');
    const doc = new Y.Doc();
    addAnnotation(doc, { ...record('huge', 'fred'), note: 'x'.repeat(20_000) });
    doc.getMap('annotations').set('pad', 'y'.repeat(MAX));
    r.ws.send(updateFrame(layer('fred'), Y.encodeStateAsUpdate(doc)));
    expect((await r.closed).code).toBe(1009);
    await stillServing();
    expect(server.hocuspocusServer.hocuspocus.documents.get(layer('fred'))?.getMap('annotations').has('huge') ?? false).toBe(false);
  });

  it('an unknown document name is refused with its reason and the socket stays usable', async () => {
    const r = await raw(server.url);
    r.ws.send(authFrame('../../etc/passwd', token('teacher', 'tina')));
    await waitFor(() => r.messages > 0, 'refusal');
    r.ws.send(authFrame(layer('gina'), token('student', 'gina')));
    await waitFor(() => r.messages > 1, 'second answer');
    r.ws.send(updateFrame(layer('gina'), validUpdate('gina-1', 'gina')));
    const reader = new Client(server.url);
    const view = await reader.openSynced(layer('gina'), token('observer', 'wall'));
    await waitFor(() => recordIds(view.doc).includes('gina-1'), 'gina-1 at a reader');
    reader.destroy();
    r.ws.close();
    await stillServing();
  });
});
