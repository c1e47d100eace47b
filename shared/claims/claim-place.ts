/**
 * Where a passage sits in its article: which paragraph (1-based, counted over non-empty lines,
 * as the dashboard's heat map counts them) and whether it is in the article's body or in the
 * reader comments that news pages carry below it (the seeds keep them).
 * The rule for comments: they begin at the first paragraph that is a comment section's heading,
 * alone on its line — "Commentaires (6)", "Comments", "12 comments", "Réactions", "Leave a Reply",
 * "Laisser un commentaire", "Ajouter un commentaire" (case aside; a count in brackets or before
 * the word allowed) — and run to the end of the text. A text with no such heading is all body.
 */
import { paragraphs } from '../text/canonical-text';

export type Section = 'body' | 'comments';

export interface Place {
  /** 1-based paragraph number */
  paragraph: number;
  section: Section;
}

const HEADING =
  /^(?:(?:\d+\s+)?(?:commentaires?|comments?|réactions?|reader comments|vos commentaires)(?:\s*\(\d+\))?|leave a (?:reply|comment)|laisser un commentaire|ajouter un commentaire)\s*:?$/iu;

/** UTF-16 offset where the comment section starts, or null when the text has none. */
export function commentsStart(text: string): number | null {
  const heading = paragraphs(text).find((p) => HEADING.test(text.slice(p.start, p.end).trim()));
  return heading ? heading.start : null;
}

/** The place of UTF-16 offset `at` in `text`. `comments` is commentsStart(text), passed when known. */
export function placeOf(text: string, at: number, comments: number | null = commentsStart(text)): Place {
  const list = paragraphs(text);
  let paragraph = list.findIndex((p) => at < p.end);
  if (paragraph < 0) paragraph = list.length - 1;
  return { paragraph: paragraph + 1, section: comments !== null && at >= comments ? 'comments' : 'body' };
}
