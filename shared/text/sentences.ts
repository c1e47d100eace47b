/**
 * Sentences of a canonical text, as UTF-16 ranges: each paragraph (non-empty line) is cut after
 * a full stop, question or exclamation mark or ellipsis (and any closing quote or bracket after
 * it) that is followed by a space and then a capital letter, an opening quote or a digit. So
 * "dû « à [ses] investissements dans l’IA ». Étrange…" is two sentences, "M. Zuckerberg" or
 * "3.5" are not cut. The ranges are trimmed of spaces. Used to find the sentence around a mark
 * (who is quoted) and the passages that may repeat a claim.
 */
import { paragraphs } from './canonical-text';

export interface Span {
  /** UTF-16 offset of the first character */
  start: number;
  /** UTF-16 offset just past the last character */
  end: number;
}

const BREAK = /[.!?…]+["»”’)\]]*(?=[\s\u00a0]+["«“(]?[\p{Lu}\d])/gu;
// a break after one capital letter (an initial: "M. Zuckerberg", "J. Doe") is not a sentence end
const INITIAL = /(?:^|[\s(])\p{Lu}$/u;

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** The sentences of `text`, in order. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs(text)) {
    const line = text.slice(p.start, p.end);
    let from = 0;
    for (const m of line.matchAll(BREAK)) {
      const cut = m.index + m[0].length;
      if (m[0].startsWith('.') && INITIAL.test(line.slice(0, m.index))) continue;
      const s = trimmed(text, p.start + from, p.start + cut);
      if (s) out.push(s);
      from = cut;
    }
    const last = trimmed(text, p.start + from, p.end);
    if (last) out.push(last);
  }
  return out;
}

/** The sentences that overlap [start, end), joined into one span (a mark may cross a sentence end). */
export function sentenceAround(text: string, start: number, end: number): Span {
  const hit = sentences(text).filter((s) => s.start < Math.max(end, start + 1) && s.end > start);
  return hit.length ? { start: hit[0]!.start, end: hit[hit.length - 1]!.end } : { start, end };
}
