/**
 * Where a class's work concentrates in one article, paragraph by paragraph (the analogue of
 * Perusall's confusion report): how many marks fall in each paragraph, how many disputes (marks
 * of the `disputed` kind and "disagree" votes on marks there) and how many questions (marks of
 * the `question` kind). A mark spanning paragraphs counts in each. Pure, for the teacher's
 * dashboard and its tests.
 */
import type { DiscussionRead } from '../../../shared/model/discussion';
import type { Annotation } from '../../../shared/model/record';
import { paragraphs } from '../../../shared/text/canonical-text';
import { codePointIndex } from '../../../shared/text/code-points';

export const DISPUTE_KIND = 'disputed';
export const QUESTION_KIND = 'question';
const EXCERPT = 60;

export interface HeatRow {
  /** 1-based paragraph number */
  paragraph: number;
  /** the paragraph's opening words */
  excerpt: string;
  marks: number;
  disputes: number;
  questions: number;
}

/** The paragraph's opening, cut at a word. */
function excerptOf(text: string): string {
  if (text.length <= EXCERPT) return text;
  const cut = text.slice(0, EXCERPT);
  const space = cut.lastIndexOf(' ');
  return `${space > EXCERPT / 2 ? cut.slice(0, space) : cut}…`;
}

/** One row per paragraph of `text`, with the class's marks, disputes and questions in it. */
export function articleHeat(text: string, annotations: readonly Annotation[], discussions: readonly DiscussionRead[]): HeatRow[] {
  const index = codePointIndex(text);
  const spans = paragraphs(text).map((p) => ({ start: index.toCodePoint(p.start), end: index.toCodePoint(p.end), text: text.slice(p.start, p.end) }));
  const rows: HeatRow[] = spans.map((p, i) => ({ paragraph: i + 1, excerpt: excerptOf(p.text), marks: 0, disputes: 0, questions: 0 }));
  const disagree = new Map<string, number>();
  for (const d of discussions) for (const v of d.votes) if (v.value === 'disagree') disagree.set(v.about, (disagree.get(v.about) ?? 0) + 1);
  for (const a of annotations) {
    if (a.detached) continue;
    spans.forEach((p, i) => {
      if (a.target.start >= p.end || a.target.end <= p.start) return;
      const row = rows[i]!;
      row.marks++;
      row.disputes += (a.kind === DISPUTE_KIND ? 1 : 0) + (disagree.get(a.id) ?? 0);
      if (a.kind === QUESTION_KIND) row.questions++;
    });
  }
  return rows;
}

/** The paragraphs with the most disputes and questions, then marks: where the class needs the teacher. */
export function hottest(rows: readonly HeatRow[], count: number): HeatRow[] {
  const score = (r: HeatRow) => [r.disputes + r.questions, r.marks];
  return rows
    .filter((r) => r.marks > 0)
    .sort((a, b) => {
      const [x, y] = [score(a), score(b)];
      return y[0]! - x[0]! || y[1]! - x[1]! || a.paragraph - b.paragraph;
    })
    .slice(0, count);
}
