import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bandOf } from '../../../shared/assessment/gold-agreement';
import { DEFAULT_RUBRIC, readRubric, rubricSchema, studentScores, writeRubric, type ArticleWork } from '../../../shared/assessment/rubric';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { mark } from './marks';

// 100 code points of words: "w0 w1 w2 …", so tokens exist under every mark
const TEXT = Array.from({ length: 34 }, (_, i) => `w${i % 10}`).join(' ').slice(0, 100);
const reply = (id: string, about: string) => ({ id, about, text: 'oui', author: { id: 'x', name: 'X', color: '#000000' }, created: '2026-01-01T00:00:00.000Z' });

const gold = [
  mark('gc1', 'claim', 0, 20, [], 'The author’s thesis.'),
  mark('gc2', 'claim', 40, 60),
  mark('gr', 'rebuttal', 70, 90, [{ to: 'gc1', rel: 'rebuts' }]),
];

const work: ArticleWork = {
  article: 'a1',
  text: TEXT,
  gold,
  students: [
    {
      owner: 'nina',
      annotations: [
        mark('n1', 'claim', 0, 18), // match of gc1
        mark('n2', 'disputed', 40, 60), // partial of gc2 (another kind)
        mark('n3', 'rebuttal', 72, 90, [{ to: 'n1', rel: 'rebuts' }]), // gold link found
        mark('n4', 'evidence', 25, 35, [{ to: 'n1', rel: 'supports' }]),
        mark('n5', 'evidence', 92, 99), // evidence linked to nothing: no point
        mark('n6', 'question', 62, 68),
      ],
      replies: [reply('rep1', 'o1')],
    },
    { owner: 'omar', annotations: [mark('o1', 'claim', 40, 60)], replies: [] },
  ],
};

describe('the rubric (docs/assessment.md)', () => {
  it('gives each student points with the mark that earned each one', () => {
    const [nina, omar] = studentScores([work], DEFAULT_RUBRIC, DEFAULT_TAGSET);
    expect(nina!.points).toEqual([
      { criterion: 'claims', points: 2, article: 'a1', mark: 'n1', partial: false },
      { criterion: 'claims', points: 1, article: 'a1', mark: 'n2', partial: true },
      { criterion: 'rebuttals', points: 2, article: 'a1', mark: 'n3' },
      { criterion: 'evidence', points: 1, article: 'a1', mark: 'n4' },
      { criterion: 'questions', points: 1, article: 'a1', mark: 'n6' },
      { criterion: 'replies', points: 1, article: 'a1', mark: 'o1', reply: 'rep1' },
    ]);
    expect(nina!.byCriterion).toEqual({ claims: 3, rebuttals: 2, evidence: 1, questions: 1, replies: 1 });
    expect(nina!.total).toBe(8);
    expect(nina!.claims).toEqual({ found: 1, partial: 1, of: 2 });
    expect(omar).toMatchObject({ owner: 'omar', total: 2, claims: { found: 1, partial: 0, of: 2 } });
  });

  it('follows the teacher’s weights, and a weight of 0 gives no point at all', () => {
    const [nina] = studentScores([work], { claims: 10, rebuttals: 0, evidence: 0, questions: 3, replies: 0 }, DEFAULT_TAGSET);
    expect(nina!.byCriterion).toEqual({ claims: 15, rebuttals: 0, evidence: 0, questions: 3, replies: 0 });
    expect(nina!.points.map((p) => p.criterion)).toEqual(['claims', 'claims', 'questions']);
  });

  it('counts no gold points on an article without a gold layer, and a student with no work scores 0', () => {
    const scores = studentScores([{ ...work, gold: [] }, { article: 'a2', text: TEXT, gold, students: [{ owner: 'lea', annotations: [], replies: [] }] }], DEFAULT_RUBRIC, DEFAULT_TAGSET);
    const nina = scores.find((s) => s.owner === 'nina')!;
    expect(nina.byCriterion.claims).toBe(0);
    expect(nina.byCriterion.rebuttals).toBe(0);
    expect(nina.claims).toEqual({ found: 0, partial: 0, of: 2 }); // a2's two gold claims, not marked by nina
    expect(scores.find((s) => s.owner === 'lea')).toMatchObject({ total: 0, points: [] });
  });

  it('measures agreement with the gold: the same marks agree fully, other marks less', () => {
    const copy = { owner: 'copy', annotations: gold.map((g) => ({ ...g, id: `${g.id}-c`, links: [] })), replies: [] };
    const scores = studentScores([{ ...work, students: [...work.students, copy] }], DEFAULT_RUBRIC, DEFAULT_TAGSET);
    const by = new Map(scores.map((s) => [s.owner, s.agreement]));
    expect(by.get('copy')).toEqual({ kappa: 1, alpha: 1, band: 'same' });
    expect(by.get('nina')!.kappa!).toBeLessThan(1);
    expect(by.get('omar')!.kappa!).toBeLessThan(by.get('nina')!.kappa!);
    expect(by.get('omar')!.band).not.toBe('same');
  });

  it('puts κ into words by Landis and Koch’s bands', () => {
    expect([0.85, 0.7, 0.5, 0.3, 0.1, -0.2, null].map(bandOf)).toEqual(['same', 'mostly', 'partly', 'little', 'different', 'different', 'unknown']);
  });

  it('stores the weights in the corpus document and refuses a wrong shape', () => {
    const doc = new Y.Doc();
    expect(readRubric(doc)).toEqual(DEFAULT_RUBRIC);
    writeRubric(doc, { ...DEFAULT_RUBRIC, claims: 5 });
    expect(readRubric(doc).claims).toBe(5);
    doc.getMap('settings').set('rubric', { claims: 'lots' });
    expect(readRubric(doc)).toEqual(DEFAULT_RUBRIC);
    expect(rubricSchema.safeParse({ ...DEFAULT_RUBRIC, claims: -1 }).success).toBe(false);
    expect(rubricSchema.safeParse({ ...DEFAULT_RUBRIC, extra: 1 }).success).toBe(false);
  });
});
