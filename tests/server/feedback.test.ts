/**
 * Private feedback to one student (issue 12, item 4), enforced by the server: the teacher's
 * comment reaches that student and nobody else — another student, the projector and a forged
 * token are refused the document — and every entry is checked: a student cannot write as the
 * teacher, change or delete the teacher's entry, mark the teacher's reading, or send an
 * oversized or malformed entry (raw protocol frames, as a hostile client would send them).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { access } from '../../electron/server/permissions';
import { mintToken } from '../../electron/server/tokens';
import { feedbackDocName } from '../../shared/model/doc-names';
import { addFeedback, feedbackMap, MAX_FEEDBACK_LENGTH, readFeedback, SEEN_ROOT, type FeedbackEntry } from '../../shared/model/feedback';
import { CORPUS, serverFor, token, waitFor } from './helpers';
import { MSG, RawClient, updateFrame } from './raw-client';

const ANA = feedbackDocName(CORPUS, 'ana');
const tina = { id: 'tina', name: 'Ms Tina', color: '#0072b2' };
const ana = { id: 'ana', name: 'Ana', color: '#009e73' };
const entry = (id: string, author: typeof tina, text = `text ${id}`): FeedbackEntry => ({ id, article: 'a1', annotation: 'm1', text, author, created: '2026-01-01T10:00:00.000Z' });

describe('feedback decision table', () => {
  it.each([
    [{ role: 'teacher', user: 'tina' }, 'write'],
    [{ role: 'student', user: 'ana' }, 'write'],
    [{ role: 'student', user: 'bob' }, 'deny'],
    [{ role: 'observer', user: 'wall' }, 'deny'],
  ] as const)('%o on ana’s feedback → %s', (claims, expected) => {
    expect(access({ ...claims, corpus: CORPUS }, ANA, { blind: false, articles: new Set(['a1']) })).toBe(expected);
  });
  it('a removed student loses their feedback too; another corpus is refused', () => {
    expect(access({ role: 'student', user: 'ana', corpus: CORPUS }, ANA, { blind: false, removed: new Set(['ana']) })).toBe('deny');
    expect(access({ role: 'teacher', user: 'tina', corpus: 'other' }, ANA)).toBe('deny');
  });
});

describe('feedback through a real server', () => {
  const live = serverFor('all');
  const { client } = live;
  const serverDoc = () => live.server.hocuspocusServer.hocuspocus.documents.get(ANA)!;


  it('reaches the student and the teachers, and no one else', async () => {
    const teacher = await client().openSynced(ANA, token('teacher', 'tina'));
    expect(teacher.denied).toBeNull();
    addFeedback(teacher.doc, entry('f1', tina, 'Good claim, but where is the evidence?'));
    const student = await client().openSynced(ANA, token('student', 'ana'));
    await waitFor(() => readFeedback(student.doc).length === 1, 'the feedback at the student');
    expect(readFeedback(student.doc)[0]!.text).toBe('Good claim, but where is the evidence?');
    const second = await client().openSynced(feedbackDocName(CORPUS, 'bob'), token('teacher', 'tom'));
    expect(second.denied).toBeNull();

    for (const [role, user, tokenValue] of [
      ['student', 'bob', token('student', 'bob')],
      ['observer', 'wall', token('observer', 'wall')],
      ['forged', 'ana', mintToken('not-the-secret-0123456789abcdef0123', { role: 'student', user: 'ana', corpus: CORPUS }, 3600, Date.now())],
      ['forged', 'tina', mintToken('not-the-secret-0123456789abcdef0123', { role: 'teacher', user: 'tina', corpus: CORPUS }, 3600, Date.now())],
    ] as const) {
      const raw = await RawClient.connect(live.server.url);
      const answer = await raw.open(ANA, tokenValue);
      expect(answer, `${role} ${user}`).toMatch(/^denied/);
      // nothing of the document was sent to it
      expect(raw.received.filter((r) => r.document === ANA && r.type === MSG.sync)).toHaveLength(0);
      raw.close();
    }
  });

  /** Sends, as `user`, the change `edit` makes to a copy of the server's document; resolves with the server's answer. */
  async function attempt(user: string, role: 'student' | 'teacher', edit: (doc: Y.Doc) => void): Promise<{ ack: string; code?: string }> {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(serverDoc()));
    const vector = Y.encodeStateVector(copy);
    edit(copy);
    const raw = await RawClient.connect(live.server.url);
    try {
      expect(await raw.open(ANA, token(role, user))).not.toMatch(/^denied/);
      raw.send(updateFrame(ANA, Y.encodeStateAsUpdate(copy, vector)));
      await waitFor(() => raw.acks(ANA).length > 0, 'the server’s answer');
      return { ack: raw.acks(ANA)[0]!, code: raw.notices(ANA)[0]?.code };
    } finally {
      raw.close();
    }
  }

  it('refuses a student writing as the teacher, editing or deleting the teacher’s entry, or bad entries', async () => {
    const before = JSON.stringify(serverDoc().toJSON());
    const refused: [string, (doc: Y.Doc) => void][] = [
      ['writes as the teacher', (doc) => addFeedback(doc, entry('f2', tina, 'Excellent work, 20/20'))],
      ['edits the teacher’s entry', (doc) => feedbackMap(doc).set('f1', { ...(feedbackMap(doc).get('f1') as object), text: 'Perfect' })],
      ['deletes the teacher’s entry', (doc) => feedbackMap(doc).delete('f1')],
      ['takes over the teacher’s entry', (doc) => feedbackMap(doc).set('f1', { ...(feedbackMap(doc).get('f1') as object), author: ana })],
      ['writes an oversized reply', (doc) => feedbackMap(doc).set('f3', { text: 'x'.repeat(MAX_FEEDBACK_LENGTH + 1), author: ana, created: '2026-01-01T10:00:00.000Z' })],
      ['writes an unknown field', (doc) => feedbackMap(doc).set('f3', { text: 'hi', author: ana, created: '2026-01-01T10:00:00.000Z', score: 20 })],
      ['writes a nested shared type', (doc) => feedbackMap(doc).set('f3', new Y.Map())],
      ['writes another root', (doc) => doc.getMap('grades').set('ana', 20)],
      ['marks the teacher’s reading', (doc) => doc.getMap(SEEN_ROOT).set('tina', { at: '2026-01-01T10:00:00.000Z' })],
    ];
    for (const [what, edit] of refused) {
      const answer = await attempt('ana', 'student', edit);
      expect(answer, what).toEqual({ ack: 'nack', code: 'invalid-record' });
    }
    expect(JSON.stringify(serverDoc().toJSON())).toBe(before);
  });

  it('accepts the student’s own reply and reading mark, and the teacher cannot write as the student', async () => {
    const reply = await attempt('ana', 'student', (doc) => {
      addFeedback(doc, { ...entry('r1', ana, 'I added a source.'), created: '2026-01-01T11:00:00.000Z' });
      doc.getMap(SEEN_ROOT).set('ana', { at: '2026-01-01T11:00:00.000Z' });
    });
    expect(reply).toEqual({ ack: 'ack', code: undefined });
    expect(readFeedback(serverDoc()).map((e) => [e.id, e.author.id])).toEqual([['f1', 'tina'], ['r1', 'ana']]);
    expect(await attempt('tina', 'teacher', (doc) => addFeedback(doc, entry('f9', ana)))).toEqual({ ack: 'nack', code: 'invalid-record' });
    expect(await attempt('tina', 'teacher', (doc) => feedbackMap(doc).delete('r1'))).toEqual({ ack: 'nack', code: 'invalid-record' });
    expect(readFeedback(serverDoc())).toHaveLength(2);
  });
});
