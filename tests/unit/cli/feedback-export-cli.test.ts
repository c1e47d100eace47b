/**
 * `glose export --from DATA_DIR` with the discussion (issue 12, item 7), on a class the real
 * server hosted: a classmate's reply and vote on a student's claim are exported with it; the
 * teacher's private feedback to that student only with --feedback, and pseudonymised with
 * --pseudonymise like every author.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer } from '../../../electron/server/sync-server';
import { addArticle } from '../../../shared/model/corpus';
import { addReply, setVote } from '../../../shared/model/discussion';
import { corpusDocName, feedbackDocName, layerDocName, textDocName } from '../../../shared/model/doc-names';
import { addFeedback } from '../../../shared/model/feedback';
import { addAnnotation } from '../../../shared/model/layer';
import { Client, removeDir, SECRET, token, waitFor } from '../../server/helpers';
import { CLAIM_A, note, TEXTS } from './class-database';
import { glose, tempDir } from './cli-helpers';

const CLASS = 'fbclass';
const bob = { id: 'bob', name: 'bob', color: '#e69f00' };
const teacher = { id: 'teacher', name: 'Ms T', color: '#0072b2' };

async function settled(client: Client): Promise<void> {
  await waitFor(() => client.docs.every((d) => !d.provider.hasUnsyncedChanges), 'the server acknowledging every write');
  client.destroy();
}

describe('export of replies, votes and feedback from a server data directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir: dir, secret: SECRET, session: { corpus: CLASS, title: 'Feedback class' } });
    try {
      const t = new Client(server.url);
      const corpus = await t.openSynced(corpusDocName(CLASS), token('teacher', 'teacher', CLASS));
      const text = await t.openSynced(textDocName(CLASS, 'a'), token('teacher', 'teacher', CLASS));
      addArticle(corpus.doc, text.doc, { id: 'a', title: 'Article a', language: 'en', source: 'a.txt', order: 0 }, TEXTS.a!);
      const feedback = await t.openSynced(feedbackDocName(CLASS, 'alice'), token('teacher', 'teacher', CLASS));
      addFeedback(feedback.doc, { id: 'f1', article: 'a', annotation: 'a1', text: 'Where is your evidence?', author: teacher, created: '2025-09-02T11:00:00.000Z' });
      await settled(t);
      const alice = new Client(server.url);
      addAnnotation((await alice.openSynced(layerDocName(CLASS, 'a', 'alice'), token('student', 'alice', CLASS))).doc, note('a1', 'alice', 'a', 'claim', CLAIM_A));
      await settled(alice);
      const b = new Client(server.url);
      const layer = await b.openSynced(layerDocName(CLASS, 'a', 'bob'), token('student', 'bob', CLASS));
      addReply(layer.doc, { id: 'r1', about: 'a1', text: 'Says who?', author: bob, created: '2025-09-02T10:30:00.000Z' });
      setVote(layer.doc, { about: 'a1', value: 'disagree', author: bob, at: '2025-09-02T10:31:00.000Z' });
      await settled(b);
    } finally {
      await server.stop();
    }
  }, 60_000);
  afterAll(() => removeDir(dir));

  const rows = async (...extra: string[]) => {
    const out = join(dir, `x${extra.length}.jsonl`);
    const run = await glose('export', '--from', dir, '--format', 'jsonl', '--out', out, ...extra);
    expect(run.code, run.stderr).toBe(0);
    return readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  };

  it('exports the classmate’s reply and vote with the claim, and no feedback without --feedback', async () => {
    const [claim, ...rest] = await rows();
    expect(rest).toEqual([]);
    expect(claim).toMatchObject({ id: 'a1', layer: 'alice', replies: 1, agree: 0, disagree: 1, thread: [{ id: 'r1', author_id: 'bob', text: 'Says who?' }] });
    expect(JSON.stringify(claim)).not.toContain('evidence');
  }, 60_000);

  it('--feedback adds the teacher’s feedback; --pseudonymise hides every id and name in it', async () => {
    const [claim] = await rows('--feedback');
    expect(claim!.feedback).toEqual([{ id: 'f1', author_id: 'teacher', author_name: 'Ms T', created: '2025-09-02T11:00:00.000Z', text: 'Where is your evidence?' }]);
    const [hidden] = await rows('--feedback', '--pseudonymise', 'a-salt-of-sixteen-chars');
    expect(JSON.stringify(hidden)).not.toMatch(/alice|bob|teacher|Ms T/);
    expect((hidden!.feedback as { text: string }[])[0]!.text).toBe('Where is your evidence?');
  }, 60_000);
});
