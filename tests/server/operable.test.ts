/**
 * `npm run server` as an operator runs it, as a real process: /healthz and /readyz answer,
 * /metrics answers only the bearer of GLOSE_METRICS_TOKEN and counts what happened (a refused
 * token by its code, bytes received, bytes sent by kind, store latency); the JSON log records a join, a granted
 * document and a refused token without any token, join code or secret in it; and SIGTERM drains:
 * clients' sockets are closed with 1012 and a reason, the process exits 0, and a write
 * acknowledged before the signal is there after a restart.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addAnnotation } from '../../shared/model/layer';
import { Client, record, recordIds, removeDir, SECRET, seedArticles, tempDir, token, waitFor } from './helpers';
import { RawClient } from './raw-client';
import { startServerProcess, stopServerProcess } from './server-process';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const CORPUS = 'class'; // the corpus `npm run server` hosts by default
const layer = (user: string) => `corpus/${CORPUS}/layer/a1/${user}`;

/** The JSON lines of a log, each parsed (other lines, such as warnings, are left out). */
function logLines(text: string): Record<string, unknown>[] {
  return text.split('\n').flatMap((line) => {
    try {
      const parsed = JSON.parse(line) as unknown;
      return parsed && typeof parsed === 'object' ? [parsed as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

/** A token with one character of its signature changed. */
function forged(value: string): string {
  const i = value.length - 8;
  return value.slice(0, i) + (value[i] === 'A' ? 'B' : 'A') + value.slice(i + 1);
}

describe('an operable server process', () => {
  const dirs: string[] = [];
  const clients: Client[] = [];
  afterEach(() => {
    clients.splice(0).forEach((c) => c.destroy());
    dirs.splice(0).forEach(removeDir);
  });
  const dataDir = (): string => {
    const dir = tempDir('glose-ops-');
    dirs.push(dir);
    return join(dir, 'data');
  };
  const client = (url: string): Client => {
    const c = new Client(url);
    clients.push(c);
    return c;
  };
  /** Opens `name` and waits for its sync or refusal, with a margin for a loaded machine. */
  const opened = async (url: string, name: string, value: string) => {
    const open = client(url).open(name, value);
    await waitFor(() => open.provider.isSynced || open.denied !== null, `sync of ${name}`, 30_000);
    return open;
  };

  it('answers health and readiness, serves metrics to the metrics token only, and logs a join and a refusal without a secret', async () => {
    const server = await startServerProcess(dataDir(), { env: { GLOSE_METRICS_TOKEN: METRICS_TOKEN, GLOSE_LOG_LEVEL: 'debug' } });
    const http = `http://127.0.0.1:${server.port}`;
    const url = `ws://127.0.0.1:${server.port}`;
    const code = /type the code (\S+)/.exec(server.stdout())![1]!;
    const teacher = token('teacher', 'seeder', CORPUS);
    let joined = '';
    try {
      await seedArticles(url, ['a1'], CORPUS);
      expect(await (await fetch(`${http}/healthz`)).text()).toBe('ok\n');
      expect((await fetch(`${http}/readyz`)).status).toBe(200);
      expect((await fetch(`${http}/metrics`)).status).toBe(401);
      expect((await fetch(`${http}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);

      const answer = await fetch(`${http}/api/join`, { method: 'POST', body: JSON.stringify({ code, name: 'Inès', color: '#009E73' }) });
      const { token: studentToken, user } = (await answer.json()) as { token: string; user: string };
      joined = studentToken;
      const mine = await opened(url, layer(user), studentToken);
      const watching = await opened(url, layer(user), teacher);
      addAnnotation(mine.doc, record('r1', user));
      await waitFor(() => mine.provider.unsyncedChanges === 0, 'the write to be acknowledged', 30_000);
      await waitFor(() => recordIds(watching.doc).includes('r1'), 'the write relayed to the teacher', 30_000);
      const refused = await opened(url, layer(user), forged(studentToken));
      expect(refused.denied).toContain('token-bad-signature');

      const metrics = await (await fetch(`${http}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
      expect(metrics).toContain('glose_refusals_total{code="token-bad-signature"} 1');
      expect(Number(/^glose_connections (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
      expect(Number(/^glose_documents_open (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
      expect(Number(/^glose_bytes_received_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThan(0);
      expect(Number(/^glose_store_seconds_count\{op="append"\} (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
      expect(metrics).toContain('glose_http_responses_total{route="/api/join",status="200"} 1');
      // the fan-out: the write sent on to the teacher is one update, its acknowledgement a sync-status
      const sent = (what: string, kind: string) => Number(new RegExp(`^glose_${what}_sent_total\\{kind="${kind}"\\} (\\d+)`, 'm').exec(metrics)?.[1] ?? 0);
      expect(sent('messages', 'update')).toBeGreaterThanOrEqual(1);
      expect(sent('bytes', 'update')).toBeGreaterThan(100);
      expect(sent('messages', 'sync-status')).toBeGreaterThanOrEqual(1);
      expect(sent('messages', 'auth')).toBeGreaterThanOrEqual(3);
    } finally {
      clients.splice(0).forEach((c) => c.destroy());
      expect(await stopServerProcess(server.child)).toBe(0);
    }
    const log = logLines(server.stderr());
    expect(log.find((l) => l.msg === 'request' && l.path === '/api/join')).toMatchObject({ status: 200, method: 'POST' });
    expect(log.find((l) => l.msg === 'document granted' && l.role === 'student')).toMatchObject({ document: expect.stringContaining('/layer/a1/') });
    expect(log.find((l) => l.msg === 'document refused')).toMatchObject({ reason: 'token-bad-signature' });
    expect(log.find((l) => l.msg === 'drained: every document stored')).toBeDefined();
    const secrets = { joined, forged: forged(joined), signature: joined.split('.').at(-1)!, teacher, SECRET, METRICS_TOKEN, code, bareCode: code.replace('-', '') };
    for (const [name, secret] of Object.entries(secrets)) expect(server.stderr().includes(secret), `the log holds ${name}`).toBe(false);
  }, 120_000);

  it('drains on SIGTERM: sockets closed with 1012 and a reason, exit 0, an acknowledged write still there after a restart', async () => {
    const data = dataDir();
    const first = await startServerProcess(data);
    const url = `ws://127.0.0.1:${first.port}`;
    await seedArticles(url, ['a1'], CORPUS);
    const mine = await opened(url, layer('ana'), token('student', 'ana', CORPUS));
    addAnnotation(mine.doc, record('r1', 'ana'));
    await waitFor(() => mine.provider.unsyncedChanges === 0, 'the write to be acknowledged', 30_000);
    const watcher = await RawClient.connect(url);
    expect(await watcher.open(layer('ana'), token('teacher', 'teacher', CORPUS))).not.toContain('denied');

    expect(await stopServerProcess(first.child)).toBe(0);
    const closed = await watcher.closed;
    expect(closed.code).toBe(1012);
    expect(closed.reason).toContain('restarting');
    clients.splice(0).forEach((c) => c.destroy());

    const second = await startServerProcess(data);
    try {
      const reader = await opened(`ws://127.0.0.1:${second.port}`, layer('ana'), token('teacher', 'teacher', CORPUS));
      expect(recordIds(reader.doc)).toEqual(['r1']);
    } finally {
      clients.splice(0).forEach((c) => c.destroy());
      await stopServerProcess(second.child);
    }
  }, 180_000);
});
