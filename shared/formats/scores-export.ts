/**
 * The rubric's scores as research data (issue 12, item 7; docs/formats.md, "Scores"): one row
 * per student (or team) with the score of each criterion, the total, the gold claims found and
 * the agreement with the gold, computed by the one scoring code the app's scores view and class
 * report use (shared/assessment/rubric.ts `studentScores`) with the corpus's rubric (the default
 * weights when it has none). Every layer but `gold` is scored, and every point is listed with
 * the mark (and reply) that earned it, so a researcher can check each one. The scores need every
 * article (a student's total spans them), so they are written once the last article is read.
 * `scores` is CSV (the point list as JSON in one cell), `scores-jsonl` one JSON object per line.
 */
import { CRITERIA, DEFAULT_RUBRIC, studentScores, type ArticleWork, type StudentScore } from '../assessment/rubric';
import { GOLD_OWNER } from '../model/doc-names';
import { csvField, neutralised } from './csv-export';
import type { ExportOptions, ExportWriter } from './types';

export interface ScoreRow {
  owner: string;
  name: string;
  total: number;
  claims: number;
  rebuttals: number;
  evidence: number;
  questions: number;
  replies: number;
  claims_found: number;
  claims_partial: number;
  claims_of: number;
  kappa: number | null;
  alpha: number | null;
  band: string;
  points: StudentScore['points'];
}

export const SCORE_COLUMNS: (keyof ScoreRow)[] = [
  'owner', 'name', 'total', ...CRITERIA, 'claims_found', 'claims_partial', 'claims_of', 'kappa', 'alpha', 'band', 'points',
];

/** Collects each article's work, then scores every student at the end. */
function scoreRows(options: ExportOptions): { article: ExportWriter['article']; rows: () => ScoreRow[] } {
  const works: ArticleWork[] = [];
  const names = new Map<string, string>();
  return {
    article(entry) {
      const students = entry.layers.filter((l) => l.owner !== GOLD_OWNER);
      for (const l of students) if (!names.has(l.owner) && l.annotations[0]) names.set(l.owner, l.annotations[0].author.name);
      works.push({
        article: entry.article.id,
        text: entry.text,
        gold: entry.layers.find((l) => l.owner === GOLD_OWNER)?.annotations ?? [],
        students: students.map((l) => ({ owner: l.owner, annotations: l.annotations, replies: l.replies ?? [] })),
      });
      return [];
    },
    rows: () =>
      studentScores(works, options.corpus.rubric ?? DEFAULT_RUBRIC, options.corpus.tagset).map((s) => ({
        owner: s.owner,
        name: names.get(s.owner) ?? s.owner,
        total: s.total,
        ...s.byCriterion,
        claims_found: s.claims.found,
        claims_partial: s.claims.partial,
        claims_of: s.claims.of,
        kappa: s.agreement.kappa,
        alpha: s.agreement.alpha,
        band: s.agreement.band,
        points: s.points,
      })),
  };
}

export function scoresCsvWriter(options: ExportOptions): ExportWriter {
  const scores = scoreRows(options);
  const text = options.csvRaw ? csvField : (value: string | number) => csvField(neutralised(value));
  const cell = (value: ScoreRow[keyof ScoreRow]) => (typeof value === 'number' ? String(value) : text(typeof value === 'object' && value !== null ? JSON.stringify(value) : (value ?? '')));
  return {
    begin: () => [{ file: '', text: `${SCORE_COLUMNS.join(',')}\r\n` }],
    article: scores.article,
    end: () => [{ file: '', text: scores.rows().map((r) => `${SCORE_COLUMNS.map((c) => cell(r[c])).join(',')}\r\n`).join('') }],
  };
}

export function scoresJsonlWriter(options: ExportOptions): ExportWriter {
  const scores = scoreRows(options);
  return {
    begin: () => [],
    article: scores.article,
    end: () => [{ file: '', text: scores.rows().map((r) => `${JSON.stringify(r)}\n`).join('') }],
  };
}
