/**
 * The rubric (docs/assessment.md, "Rubric"): the teacher's weights for five things a student
 * earns points for, kept in the corpus document's `settings` map under `rubric` (the server
 * validates it against `rubricSchema`, and only the teacher writes the corpus document), and the
 * per-student score it gives. Never a black box: every point is a `Point` naming the mark (or
 * the reply) that earned it, so the scores view links each one to the article.
 * - claims: a gold claim matched (full weight) or partly matched (half) — gold-match.ts;
 * - rebuttals: a gold "rebuts" link the student drew between the right marks;
 * - evidence: a mark of the evidence kind the student linked to what it supports;
 * - questions: a mark of the question kind;
 * - replies: a reply the student wrote in a discussion.
 * Pure; `studentScores` is the one entry point (the class report reuses it).
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import type { Reply } from '../model/discussion';
import { LOCAL } from '../model/origins';
import type { Annotation } from '../model/record';
import type { Tagset } from '../model/tagset';
import { goldAgreement, type GoldAgreement } from './gold-agreement';
import { matchGold, tally } from './gold-match';

export const CRITERIA = ['claims', 'rebuttals', 'evidence', 'questions', 'replies'] as const;
export type Criterion = (typeof CRITERIA)[number];

const weight = z.number().finite().min(0).max(100);
export const rubricSchema = z.strictObject({ claims: weight, rebuttals: weight, evidence: weight, questions: weight, replies: weight });
export type Rubric = z.infer<typeof rubricSchema>;

export const DEFAULT_RUBRIC: Rubric = { claims: 2, rebuttals: 2, evidence: 1, questions: 1, replies: 1 };
export const RUBRIC_KEY = 'rubric';

export function readRubric(corpusDoc: Y.Doc): Rubric {
  const parsed = rubricSchema.safeParse(corpusDoc.getMap('settings').get(RUBRIC_KEY));
  return parsed.success ? parsed.data : DEFAULT_RUBRIC;
}

export function writeRubric(corpusDoc: Y.Doc, rubric: Rubric, origin: unknown = LOCAL): void {
  const valid = rubricSchema.parse(rubric);
  corpusDoc.transact(() => corpusDoc.getMap('settings').set(RUBRIC_KEY, valid), origin);
}

/** One student's (or team's) work on one article. */
export interface StudentWork {
  owner: string;
  annotations: readonly Annotation[];
  replies: readonly Reply[];
}

export interface ArticleWork {
  article: string;
  /** the canonical text (offsets count in its code points) */
  text: string;
  gold: readonly Annotation[];
  students: readonly StudentWork[];
}

export interface Point {
  criterion: Criterion;
  points: number;
  article: string;
  /** the student's mark that earned it (for a reply: the mark the reply is about) */
  mark: string;
  reply?: string;
  /** claims only: whether the gold claim was matched or partly matched */
  partial?: boolean;
}

export interface StudentScore {
  owner: string;
  total: number;
  byCriterion: Record<Criterion, number>;
  points: Point[];
  /** gold claims of the articles with a gold layer, and how many the student found */
  claims: { found: number; partial: number; of: number };
  agreement: GoldAgreement;
}

const CLAIM = 'claim';
const REBUTS = 'rebuts';
const EVIDENCE = 'evidence';
const SUPPORTS = 'supports';
const QUESTION = 'question';

/** The points one student's work on one article earns. */
function pointsOf(work: ArticleWork, student: StudentWork, rubric: Rubric): { points: Point[]; claims: StudentScore['claims'] } {
  const points: Point[] = [];
  const add = (criterion: Criterion, mark: string, share = 1, extra: Partial<Point> = {}) => {
    if (rubric[criterion] > 0) points.push({ criterion, points: rubric[criterion] * share, article: work.article, mark, ...extra });
  };
  const claims = { found: 0, partial: 0, of: 0 };
  if (work.gold.length > 0) {
    const match = matchGold(work.gold, student.annotations);
    for (const m of match.marks) {
      if (m.gold.kind !== CLAIM || m.outcome === 'miss') continue;
      add('claims', m.student!.id, m.outcome === 'match' ? 1 : 0.5, { partial: m.outcome === 'partial' });
    }
    for (const link of match.links) if (link.rel === REBUTS && link.found) add('rebuttals', link.student!.id);
    const t = tally(match, CLAIM);
    Object.assign(claims, { found: t.match, partial: t.partial, of: t.total });
  }
  for (const a of student.annotations) {
    if (a.kind === EVIDENCE && a.links.some((l) => l.rel === SUPPORTS)) add('evidence', a.id);
    if (a.kind === QUESTION) add('questions', a.id);
  }
  for (const r of student.replies) add('replies', r.about, 1, { reply: r.id });
  return { points, claims };
}

/** Every student's score over the articles given, in owner order. */
export function studentScores(articles: readonly ArticleWork[], rubric: Rubric, tagset: Tagset): StudentScore[] {
  const owners = [...new Set(articles.flatMap((a) => a.students.map((s) => s.owner)))].sort();
  return owners.map((owner) => {
    const points: Point[] = [];
    const claims = { found: 0, partial: 0, of: 0 };
    const parts = [];
    for (const work of articles) {
      const student = work.students.find((s) => s.owner === owner) ?? { owner, annotations: [], replies: [] };
      const earned = pointsOf(work, student, rubric);
      points.push(...earned.points);
      claims.found += earned.claims.found;
      claims.partial += earned.claims.partial;
      claims.of += earned.claims.of;
      if (work.gold.length > 0) parts.push({ text: work.text, gold: work.gold, student: student.annotations });
    }
    const byCriterion = Object.fromEntries(CRITERIA.map((c) => [c, points.filter((p) => p.criterion === c).reduce((n, p) => n + p.points, 0)])) as Record<Criterion, number>;
    const total = CRITERIA.reduce((n, c) => n + byCriterion[c], 0);
    return { owner, total, byCriterion, points, claims, agreement: goldAgreement(parts, tagset) };
  });
}
