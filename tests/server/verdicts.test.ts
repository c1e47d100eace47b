/**
 * Verdicts on claims against a real server, from a raw protocol client (no provider, no app
 * code on the sending side): the teacher's verdict lands in the corpus document only when it
 * passes the schema and names the teacher as author; a student's or the projector's verdict is
 * refused (they cannot write the corpus document); a student's vote is checked in their layer.
 * Whatever is refused is never relayed to another client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncServer } from '../../electron/server/sync-server';
import { readVerdicts, readVerdictVotes, VERDICT_VOTES_ROOT, VERDICTS_ROOT } from '../../shared/claims/verdict';
import { writeSetting } from '../../shared/model/class-settings';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import { Client, CORPUS, removeDir, startServer, tempDir, token, waitFor } from './helpers';
import { RawClient, updateFrame } from './raw-client';

const CORPUS_DOC = corpusDocName(CORPUS);
const author = (id: string) => ({ id, name: id, color: '#0072b2' });
const verdict = (by: string, extra: Record<string, unknown> = {}) => ({
  rating: 'misleading',
  justification: 'The figures show the opposite.',
  evidence: ['ev1'],
  author: author(by),
  at: '2026-01-01T10:00:00.000Z',
  ...extra,
});

function entryUpdate(root: string, key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap(root).set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

describe('verdicts at the server', () => {
  let dir: string;
  let server: SyncServer;
  let watcher: Client;
  let watched: Y.Doc;
  let studentLayer: Y.Doc;

  beforeAll(async () => {
    dir = tempDir();
    server = await startServer(dir);
    watcher = new Client(server.url);
    watched = (await watcher.openSynced(CORPUS_DOC, token('observer', 'projector'))).doc;
    studentLayer = (await watcher.openSynced(layerDocName(CORPUS, 'a1', 'ana'), token('teacher', 'prof'))).doc;
  });
  afterAll(async () => {
    watcher.destroy();
    await server.stop();
    removeDir(dir);
  });

  /** Sends one update of `name` as `role`/`user` and waits for the server's SyncStatus. */
  async function send(name: string, role: 'teacher' | 'student' | 'observer', user: string, update: Uint8Array): Promise<{ ack: string; codes: (string | undefined)[] }> {
    const raw = await RawClient.connect(server.url);
    try {
      expect(await raw.open(name, token(role, user))).not.toMatch(/^denied/);
      raw.send(updateFrame(name, update));
      await waitFor(() => raw.acks(name).length > 0, `the answer to ${user}'s update`);
      await new Promise((r) => setTimeout(r, 50)); // a notice, if any, follows the SyncStatus closely
      return { ack: raw.acks(name)[0]!, codes: raw.notices(name).map((n) => n.code) };
    } finally {
      raw.close();
    }
  }

  it('takes the teacher’s valid verdict and relays it', async () => {
    const answer = await send(CORPUS_DOC, 'teacher', 'prof', entryUpdate(VERDICTS_ROOT, 'm1', verdict('prof')));
    expect(answer.ack).toBe('ack');
    await waitFor(() => readVerdicts(watched).length === 1, 'the verdict at another client');
    expect(readVerdicts(watched)[0]).toMatchObject({ about: 'm1', rating: 'misleading', evidence: ['ev1'] });
  });

  it.each([
    ['an author other than the writer', verdict('someone-else')],
    ['a rating off the scale', verdict('prof', { rating: 'fake-news' })],
    ['an empty justification', verdict('prof', { justification: '   ' })],
    ['a field the schema does not have', verdict('prof', { score: 3 })],
    ['not an object', 'accurate'],
  ])('refuses a teacher’s verdict with %s, and relays nothing', async (_what, value) => {
    const answer = await send(CORPUS_DOC, 'teacher', 'prof', entryUpdate(VERDICTS_ROOT, 'm2', value));
    expect(answer).toEqual({ ack: 'nack', codes: ['invalid-record'] });
    expect(watched.getMap(VERDICTS_ROOT).has('m2')).toBe(false);
  });

  it('refuses a nested shared type inside a verdict entry', async () => {
    const doc = new Y.Doc();
    const inner = new Y.Map<unknown>();
    doc.getMap(VERDICTS_ROOT).set('m3', inner);
    inner.set('rating', 'false');
    const answer = await send(CORPUS_DOC, 'teacher', 'prof', Y.encodeStateAsUpdate(doc));
    expect(answer.codes).toEqual(['invalid-record']);
  });

  it.each([
    ['student', 'ana'],
    ['observer', 'projector'],
  ] as const)('refuses a verdict from a %s, who cannot write the corpus document', async (role, user) => {
    const answer = await send(CORPUS_DOC, role, user, entryUpdate(VERDICTS_ROOT, 'm4', verdict(user)));
    expect(answer).toEqual({ ack: 'nack', codes: ['forbidden-write'] });
    await new Promise((r) => setTimeout(r, 100));
    expect(watched.getMap(VERDICTS_ROOT).has('m4')).toBe(false);
  });

  it('checks a student’s vote in their own layer (the class vote open)', async () => {
    const teacher = new Client(server.url);
    const corpus = await teacher.openSynced(CORPUS_DOC, token('teacher', 'prof'));
    writeSetting(corpus.doc, 'verdictVote', true);
    await waitFor(() => !corpus.provider.hasUnsyncedChanges, 'the server acknowledging the teacher');
    const name = layerDocName(CORPUS, 'a1', 'ana');
    const vote = { rating: 'false', author: author('ana'), at: '2026-01-01T10:00:00.000Z' };
    expect((await send(name, 'student', 'ana', entryUpdate(VERDICT_VOTES_ROOT, 'bad', { ...vote, rating: 'maybe' }))).codes).toEqual(['invalid-record']);
    expect((await send(name, 'student', 'ana', entryUpdate(VERDICT_VOTES_ROOT, 'm1', vote))).ack).toBe('ack');
    await waitFor(() => readVerdictVotes(studentLayer).length === 1, 'the vote at another client');
    expect(readVerdictVotes(studentLayer)).toEqual([{ about: 'm1', ...vote }]);
    teacher.destroy();
  });
});
