/**
 * Replies, votes and the private feedback in the research exports (issue 12, item 7), on a
 * hand-built corpus: JSONL fields and CSV columns per annotation, W3C replies and votes as
 * annotations targeting the annotation's IRI (still passing the W3C MUST assertions), the
 * feedback only when asked for, and pseudonymisation of every author and student.
 */
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportCorpus, type CorpusFormat } from '../../../shared/formats/export-corpus';
import type { ArticleSnapshot } from '../../../shared/formats/types';
import { targetFor } from '../../../shared/anchor/selectors';
import { codePointIndex } from '../../../shared/text/code-points';
import { sha256Hex } from '../../../shared/model/corpus';
import type { Annotation, Author } from '../../../shared/model/record';
import { CORPUS } from './fixtures';
import { failures, loadMusts } from './w3c-suite';

const TEXT = 'Spotify’s success came from AI. Others say its catalogue did it.';
const ana: Author = { id: 'ana', name: 'Ana Lima', color: '#009e73' };
const bob: Author = { id: 'bob', name: 'Bob Ng', color: '#e69f00' };
const tina: Author = { id: 'tina', name: 'Ms Tina', color: '#0072b2' };
const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

function mark(id: string, author: Author, start: number, end: number): Annotation {
  return { id, kind: 'claim', target: targetFor(codePointIndex(TEXT), start, end), note: '', author, created: at(0), modified: at(0), links: [], status: 'open' };
}

const ENTRY: ArticleSnapshot = {
  article: { id: 'a1', title: 'Spotify', language: 'en', source: 'test', hash: sha256Hex(TEXT), order: 0 },
  text: TEXT,
  layers: [
    { owner: 'ana', annotations: [mark('m1', ana, 0, 30)] },
    {
      owner: 'bob',
      annotations: [mark('m2', bob, 32, 63)],
      replies: [{ id: 'r2', about: 'm1', text: 'Which AI, though?', author: bob, created: at(5) }],
      votes: [{ about: 'm1', value: 'agree', author: bob, at: at(6) }],
    },
    {
      owner: 'tina',
      annotations: [],
      replies: [{ id: 'r1', about: 'm1', text: 'Good catch.', author: tina, created: at(2) }],
      votes: [{ about: 'm1', value: 'disagree', author: tina, at: at(3) }],
    },
  ],
  feedback: [
    {
      student: 'ana',
      entries: [
        { id: 'f2', article: 'a1', annotation: 'm1', text: 'I will add a source.', author: ana, created: at(9) },
        { id: 'f1', article: 'a1', annotation: 'm1', text: 'Where is your evidence?', author: tina, created: at(8) },
        { id: 'f3', article: 'a1', text: 'Good work on this article.', author: tina, created: at(8) },
      ],
    },
  ],
};

const base = { corpus: CORPUS, app: { name: 'glose', version: '0.1.0' }, now: () => new Date('2026-01-02T00:00:00Z') };

async function exported(format: CorpusFormat, extra: { feedback?: boolean; salt?: string } = {}): Promise<string> {
  return strFromU8((await exportCorpus([ENTRY], { ...base, format, ...extra })).data);
}

type Row = Record<string, unknown> & { id: string; thread: { id: string; text: string; author_id: string }[]; votes: { value: string; author_id: string }[]; feedback?: { id: string; text: string }[] };
const jsonl = async (extra = {}) => (await exported('jsonl', extra)).trimEnd().split('\n').map((l) => JSON.parse(l) as Row);

describe('replies and votes in JSONL and CSV', () => {
  it('JSONL: counts, the replies in time order with their authors, the votes; no feedback unless asked', async () => {
    const rows = await jsonl();
    const m1 = rows.find((r) => r.id === 'm1')!;
    expect(m1).toMatchObject({ replies: 2, agree: 1, disagree: 1 });
    expect(m1.thread.map((r) => [r.id, r.author_id, r.text])).toEqual([['r1', 'tina', 'Good catch.'], ['r2', 'bob', 'Which AI, though?']]);
    expect(m1.votes.map((v) => [v.author_id, v.value])).toEqual([['tina', 'disagree'], ['bob', 'agree']]);
    expect(rows.find((r) => r.id === 'm2')).toMatchObject({ replies: 0, agree: 0, disagree: 0, thread: [], votes: [] });
    expect(rows.every((r) => !('feedback' in r))).toBe(true);
    expect(await exported('jsonl')).not.toContain('evidence');
  });

  it('JSONL with feedback: the thread on the student’s mark only, teacher and student, in time order', async () => {
    const rows = await jsonl({ feedback: true });
    expect(rows.find((r) => r.id === 'm1')!.feedback!.map((f) => [f.id, f.text])).toEqual([['f1', 'Where is your evidence?'], ['f2', 'I will add a source.']]);
    expect(rows.find((r) => r.id === 'm2')!.feedback).toEqual([]);
  });

  it('CSV: count columns and the lists as JSON cells; the feedback column only when asked', async () => {
    const plain = (await exported('csv')).split('\r\n');
    expect(plain[0]).toMatch(/,links,replies,agree,disagree,thread,votes$/);
    expect(plain.join('\n')).not.toContain('evidence');
    const withFeedback = await exported('csv', { feedback: true });
    expect(withFeedback.split('\r\n')[0]).toMatch(/,thread,votes,feedback$/);
    expect(withFeedback).toContain('""text"":""Where is your evidence?""');
    expect(withFeedback).toContain(',2,1,1,');
  });

  it('pseudonymised: no author or student id or name is left, and each person keeps one pseudonym', async () => {
    const salt = 'a-salt-of-sixteen-chars';
    for (const format of ['jsonl', 'csv', 'w3c'] as const) {
      const out = await exported(format, { feedback: true, salt });
      for (const secret of ['ana', 'bob', 'tina', 'Ana Lima', 'Bob Ng', 'Ms Tina']) expect(out, `${format}: ${secret}`).not.toMatch(new RegExp(`\\b${secret}\\b`));
    }
    const rows = await jsonl({ feedback: true, salt });
    const m1 = rows.find((r) => r.thread.length > 0)!;
    const bobAlias = rows.find((r) => r.thread.length === 0)!.layer;
    expect(m1.thread[1]!.author_id).toBe(bobAlias);
    expect(m1.feedback).toHaveLength(2);
  });
});

describe('replies, votes and feedback in the W3C export', () => {
  const items = async (feedback: boolean) =>
    (JSON.parse(await exported('w3c', { feedback })) as { total: number; first: { items: Record<string, unknown>[] } }).first.items;
  const m1 = 'urn:glose:sample/articles/a1/annotations/m1';

  it('writes each reply as a `replying` annotation and each vote as an `assessing` one, targeting the annotation', async () => {
    const list = await items(false);
    const replies = list.filter((i) => i.motivation === 'replying');
    expect(replies.map((r) => [r.id, r.target, (r.body as { value: string }[])[0]!.value])).toEqual([
      ['urn:glose:sample/articles/a1/replies/r1', m1, 'Good catch.'],
      ['urn:glose:sample/articles/a1/replies/r2', m1, 'Which AI, though?'],
    ]);
    expect(list.filter((i) => i.motivation === 'assessing').map((v) => [(v.body as { value: string }[])[0]!.value, v.target])).toEqual([['disagree', m1], ['agree', m1]]);
    expect(JSON.stringify(list)).not.toContain('evidence');
  });

  it('with feedback: the teacher’s as `assessing`, the student’s answer as `replying`, both marked for the student', async () => {
    const feedback = (await items(true)).filter((i) => i['glose:feedbackFor'] !== undefined);
    expect(feedback.map((f) => [f.motivation, f['glose:feedbackFor'], f.target])).toEqual([['assessing', 'ana', m1], ['replying', 'ana', m1]]);
  });

  it('every reply, vote and feedback item passes every MUST assertion of the W3C suite', async () => {
    const musts = loadMusts();
    const list = await items(true);
    expect(list).toHaveLength(2 + 2 + 2 + 2);
    expect(list.map((item) => ({ id: item.id, failed: failures(musts.annotation, item) })).filter((r) => r.failed.length > 0)).toEqual([]);
  });
});
