/**
 * A page keeps every document it opened on its one socket, and the argument map and the teacher's
 * dashboard open every member's layer on every article. With the default quotas, one student's
 * socket opens a class of 40 on 8 articles whole — the corpus, 8 texts and 8 × 41 layers (with the
 * teacher's) — where the old cap of 300 refused the map and the dashboard of such a class; and
 * the cap still holds, further down, against a socket that opens invented names.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { quotasSchema } from '../../electron/server/quotas';
import type { SyncServer } from '../../electron/server/sync-server';
import { corpusDocName } from '../../shared/model/doc-names';
import { CORPUS, removeDir, startServer, tempDir, token } from './helpers';
import { RawClient } from './raw-client';

const ARTICLES = Array.from({ length: 8 }, (_, i) => `art${i}`);
const MEMBERS = [...Array.from({ length: 40 }, (_, i) => `s${i}`), 'teacher'];

let dir: string;
let server: SyncServer;
beforeAll(async () => {
  dir = tempDir();
  server = await startServer(dir, {}, ARTICLES);
});
afterAll(async () => {
  await server.stop();
  removeDir(dir);
});

/** Opens `names` on `r`, a hundred at a time; the answers in order. */
async function openAll(r: RawClient, names: string[], t: string): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < names.length; i += 100) answers.push(...(await Promise.all(names.slice(i, i + 100).map((n) => r.open(n, t)))));
  return answers;
}

it('one socket opens a whole class of 40 on 8 articles; the per-socket cap refuses beyond it', async () => {
  const cap = quotasSchema.parse({}).documentsPerConnection;
  const r = await RawClient.connect(server.url);
  const t = token('student', 's0');
  const names = [corpusDocName(CORPUS), ...ARTICLES.map((a) => `corpus/${CORPUS}/text/${a}`), ...ARTICLES.flatMap((a) => MEMBERS.map((m) => `corpus/${CORPUS}/layer/${a}/${m}`))];
  expect(names).toHaveLength(337);
  const answers = await openAll(r, names, t);
  expect(answers.filter((a) => a.startsWith('denied'))).toEqual([]);
  // up to the cap, then refused
  const more = Array.from({ length: cap - names.length + 3 }, (_, i) => `corpus/${CORPUS}/layer/art0/extra${i}`);
  const beyond = await openAll(r, more, t);
  expect(beyond.filter((a) => a.startsWith('denied: quota-documents'))).toHaveLength(3);
  r.close();
}, 120_000);
