/**
 * Sentences of a canonical text in the article's language, as UTF-16 ranges trimmed of spaces.
 * Each paragraph (non-empty line) is cut by Intl.Segmenter (ICU's sentence rules, which know
 * each language's punctuation), with the cuts ICU makes wrongly in news text put back together:
 * after an initial or a title ("M. Zuckerberg", "Mr. Smith", "J. Doe"), before a continuation in
 * lower case ("« Vraiment ? » dit-il."), and before closing guillemets ("?\u00a0»"). A language
 * tag the platform does not accept falls back to its default rules.
 * Used by the class comparison (the sentence where a paragraph is disputed), "same claim?"
 * (the sentences worded like a claim) and the registry (who is quoted around a mark).
 */
import { paragraphs } from './canonical-text';

export interface Span {
  /** UTF-16 offset of the first character */
  start: number;
  /** UTF-16 offset just past the last character */
  end: number;
}

// a segment ending with an initial or a title is not a sentence end
const TITLE = /(?:^|[\s(«"“'’])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Mme|Mlle|Mgr|Pr|Me)\.[\s\u00a0]*$/u;
// a segment going on in lower case (after its opening quotes, brackets and spaces) continues the one before
const CONTINUES = /^[\s\u00a0«"“'’([]*\p{Ll}/u;
// closing quotes and brackets at the start of a segment (ICU cuts "?\u00a0»" before the guillemet) end the one before
const CLOSERS = /^[\s\u00a0]*[»”’)\]]+/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    try {
      s = new Intl.Segmenter(language, { granularity: 'sentence' });
    } catch {
      s = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(language, s);
  }
  return s;
}

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** The sentences of text[start, end) (one paragraph), in order. */
export function sentenceSpans(text: string, start: number, end: number, language: string): Span[] {
  const cuts: Span[] = [];
  for (const { segment, index } of segmenter(language).segment(text.slice(start, end))) {
    const last = cuts[cuts.length - 1];
    const closers = (last && CLOSERS.exec(segment)?.[0].length) || 0;
    if (last) last.end += closers;
    const rest = segment.slice(closers);
    const from = start + index + closers;
    if (!rest) continue;
    if (last && (TITLE.test(text.slice(last.start, last.end)) || CONTINUES.test(rest))) last.end = from + rest.length;
    else cuts.push({ start: from, end: from + rest.length });
  }
  return cuts.flatMap((c) => trimmed(text, c.start, c.end) ?? []);
}

/** The sentences of the whole `text`, paragraph by paragraph, in order. */
export function sentences(text: string, language: string): Span[] {
  return paragraphs(text).flatMap((p) => sentenceSpans(text, p.start, p.end, language));
}

/** The sentences that overlap [start, end), joined into one span (a mark may cross a sentence end); only the paragraphs the mark touches are cut. */
export function sentenceAround(text: string, start: number, end: number, language: string): Span {
  const until = Math.max(end, start + 1);
  const hit = paragraphs(text)
    .filter((p) => p.start < until && p.end > start)
    .flatMap((p) => sentenceSpans(text, p.start, p.end, language))
    .filter((s) => s.start < until && s.end > start);
  return hit.length ? { start: hit[0]!.start, end: hit[hit.length - 1]!.end } : { start, end };
}
