/**
 * The teacher's dashboard figures, without a browser: each student's marks by kind, replies,
 * votes, links, last activity and idle flag from real layer documents; where marks, disputes and
 * questions concentrate in an article; and a class of 40 students with 30 marks each.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addReply, readDiscussion, setVote } from '../../../shared/model/discussion';
import { addAnnotation, readLayer } from '../../../shared/model/layer';
import type { Annotation } from '../../../shared/model/record';
import type { RosterEntry } from '../../../shared/model/roster';
import { articleHeat, hottest } from '../../../renderer/store/dashboard/article-heat';
import { studentActivity, type LayerData } from '../../../renderer/store/dashboard/student-activity';
import { author, recordAt } from './article-fixtures';

const NOW = Date.UTC(2026, 10, 29, 10, 30, 0);
const MIN = 60_000;
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();
const TEXT = 'Premier paragraphe : le chômage a baissé 😀 dit-il.\n\nDeuxième : les chiffres de l’INSEE disent le contraire.\nTroisième, sans marque.';

function layer(owner: string, article: string, build: (doc: Y.Doc) => void): LayerData {
  const doc = new Y.Doc();
  build(doc);
  return { owner, article, annotations: readLayer(doc).annotations, discussion: readDiscussion(doc) };
}

const mark = (id: string, owner: string, passage: string, kind: string, minutesAgo: number, text = TEXT): Annotation => ({
  ...recordAt(id, owner, passage, text, kind),
  created: at(minutesAgo * MIN),
  modified: at(minutesAgo * MIN),
});

const roster = (...entries: [string, RosterEntry['role']][]) => new Map(entries.map(([id, role]) => [id, { name: id.toUpperCase(), color: '#0072B2', role }]));

describe('student activity', () => {
  it('counts each student’s marks by kind, replies, votes and links, with their last work and their open article', () => {
    const layers = [
      layer('ana', 'a1', (d) => {
        addAnnotation(d, mark('ana-1', 'ana', 'le chômage a baissé', 'claim', 20));
        addAnnotation(d, { ...mark('ana-2', 'ana', 'les chiffres', 'disputed', 3), links: [{ to: 'ana-1', rel: 'rebuts' }] });
      }),
      layer('ana', 'a2', (d) => addAnnotation(d, mark('ana-3', 'ana', 'sans marque', 'claim', 10))),
      layer('ben', 'a1', (d) => {
        addReply(d, { id: 'r1', about: 'ana-1', text: 'Vraiment ?', author: author('ben'), created: at(12 * MIN) });
        setVote(d, { about: 'ana-1', value: 'disagree', author: author('ben'), at: at(6 * MIN) });
      }),
      layer('tom', 'a1', (d) => addAnnotation(d, mark('tom-1', 'tom', 'Premier', 'question', 1))),
      layer('zoe', 'a1', (d) => addAnnotation(d, mark('zoe-1', 'zoe', 'Premier', 'claim', -30))),
    ];
    const rows = studentActivity({
      roster: roster(['ana', 'student'], ['ben', 'student'], ['cyd', 'student'], ['zoe', 'student'], ['tom', 'teacher'], ['wall', 'observer']),
      layers,
      present: new Map([['ana', 'a1'], ['cyd', null]]),
      now: NOW,
      idleMs: 5 * MIN,
    });
    expect(rows.map((r) => r.id)).toEqual(['ana', 'ben', 'cyd', 'zoe']); // the teacher and the projector are not students
    const [ana, ben, cyd, zoe] = rows;
    expect(ana).toMatchObject({ marks: { claim: 2, disputed: 1 }, totalMarks: 3, links: 1, replies: 0, votes: 0, online: true, article: 'a1', lastActivity: NOW - 3 * MIN, idle: false });
    expect(ben).toMatchObject({ totalMarks: 0, replies: 1, votes: 1, online: false, article: null, lastActivity: NOW - 6 * MIN, idle: true });
    expect(cyd).toMatchObject({ totalMarks: 0, online: true, article: null, lastActivity: null, idle: true });
    // a clock ahead of the teacher's counts as now
    expect(zoe).toMatchObject({ lastActivity: NOW, idle: false });
  });

  it('flags idleness from the limit the teacher chose', () => {
    const layers = [layer('ana', 'a1', (d) => addAnnotation(d, mark('ana-1', 'ana', 'Premier', 'claim', 7)))];
    const idle = (minutes: number) => studentActivity({ roster: roster(['ana', 'student']), layers, present: new Map(), now: NOW, idleMs: minutes * MIN })[0]!.idle;
    expect(idle(5)).toBe(true);
    expect(idle(10)).toBe(false);
  });
});

describe('a team in the dashboard', () => {
  it('is one row with its members named: its layer and what its members did alone before it', () => {
    const layers = [
      layer('team-t1', 'a1', (d) => {
        addAnnotation(d, mark('t-1', 'ana', 'le chômage a baissé', 'claim', 2));
        addAnnotation(d, mark('t-2', 'ben', 'les chiffres', 'disputed', 1));
      }),
      layer('ana', 'a1', (d) => addAnnotation(d, mark('ana-1', 'ana', 'Premier', 'question', 30))),
      layer('cyd', 'a1', (d) => addAnnotation(d, mark('cyd-1', 'cyd', 'Premier', 'claim', 4))),
    ];
    const teams = new Map([['t1', { name: 'Les Renards', members: ['ana', 'ben', 'not-joined'] }]]);
    const rows = studentActivity({ roster: roster(['ana', 'student'], ['ben', 'student'], ['cyd', 'student']), layers, present: new Map([['ben', 'a1']]), now: NOW, idleMs: 5 * MIN, teams });
    expect(rows.map((r) => r.id)).toEqual(['cyd', 'team-t1']);
    expect(rows[1]).toMatchObject({ name: 'Les Renards', members: [{ id: 'ana', name: 'ANA' }, { id: 'ben', name: 'BEN' }], marks: { claim: 1, disputed: 1, question: 1 }, totalMarks: 3, online: true, article: 'a1', lastActivity: NOW - MIN });
    expect(rows[0]).toMatchObject({ totalMarks: 1, online: false });
    expect(rows[0]!.members).toBeUndefined();
  });
});

describe('article heat', () => {
  it('counts marks, disputes and questions per paragraph, in code points, a mark across paragraphs in each', () => {
    const annotations = [
      mark('m1', 'ana', 'le chômage a baissé 😀 dit-il', 'claim', 1),
      mark('m2', 'ben', 'baissé 😀 dit-il.\n\nDeuxième', 'disputed', 1),
      mark('m3', 'cyd', 'les chiffres', 'question', 1),
      { ...mark('m4', 'cyd', 'contraire', 'claim', 1), detached: true },
    ];
    const vote = layer('zoe', 'a1', (d) => setVote(d, { about: 'm1', value: 'disagree', author: author('zoe'), at: at(0) })).discussion;
    const rows = articleHeat(TEXT, annotations, [vote]);
    expect(rows.map(({ paragraph, marks, disputes, questions }) => [paragraph, marks, disputes, questions])).toEqual([
      [1, 2, 2, 0],
      [2, 2, 1, 1],
      [3, 0, 0, 0],
    ]);
    expect(rows[1]!.excerpt).toBe('Deuxième : les chiffres de l’INSEE disent le contraire.');
    expect(hottest(rows, 5).map((r) => r.paragraph)).toEqual([1, 2]);
  });

  it('cuts a long paragraph’s excerpt at a word', () => {
    const text = 'Un paragraphe bien plus long que soixante caractères pour voir où il sera coupé proprement.';
    expect(articleHeat(text, [], [])[0]!.excerpt).toBe('Un paragraphe bien plus long que soixante caractères pour…');
  });
});

describe('a class of 40 students with 30 marks each', () => {
  const KINDS = ['claim', 'disputed', 'rebuttal', 'evidence', 'question'];
  const ARTICLES = ['a1', 'a2', 'a3'];
  const words = TEXT.split(/(?<= )/);
  const passages = words.map((_, i) => words.slice(i, i + 2).join('').trim()).filter((p) => p && TEXT.includes(p));
  const students = Array.from({ length: 40 }, (_, i) => `s${String(i).padStart(2, '0')}`);
  const layers: LayerData[] = students.flatMap((s, si) =>
    ARTICLES.map((article, ai) =>
      layer(s, article, (d) => {
        for (let m = 0; m < 10; m++) {
          const n = si + ai * 10 + m;
          addAnnotation(d, mark(`${s}-${article}-${m}`, s, passages[n % passages.length]!, KINDS[n % KINDS.length]!, (n % 9) + 1));
        }
        setVote(d, { about: `s00-${article}-0`, value: si % 2 ? 'agree' : 'disagree', author: author(s), at: at(MIN) });
      }),
    ),
  );

  it('gives every student their 30 marks, and the article its 400 marks, quickly', () => {
    const started = performance.now();
    const rows = studentActivity({ roster: roster(...students.map((s) => [s, 'student'] as [string, 'student'])), layers, present: new Map(), now: NOW, idleMs: 5 * MIN });
    const a1 = layers.filter((l) => l.article === 'a1');
    const heat = articleHeat(TEXT, a1.flatMap((l) => l.annotations), a1.map((l) => l.discussion));
    const elapsed = performance.now() - started;
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      expect(row.totalMarks).toBe(30);
      expect(Object.values(row.marks).reduce((x, y) => x + y, 0)).toBe(30);
      expect(row.votes).toBe(3);
    }
    expect(rows.reduce((n, r) => n + (r.marks.question ?? 0), 0)).toBe(240); // one in five of 1,200
    expect(heat.reduce((n, r) => Math.max(n, r.marks), 0)).toBeGreaterThan(0);
    expect(heat.reduce((n, r) => n + r.questions, 0)).toBeGreaterThanOrEqual(80);
    // a refresh of the whole class takes milliseconds; the bound is wide for a loaded machine
    expect(elapsed).toBeLessThan(500);
  });
});
