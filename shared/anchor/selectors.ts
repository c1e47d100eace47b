/**
 * W3C Web Annotation selectors for a span of an article's canonical text: a
 * TextPositionSelector (code points) and a TextQuoteSelector with context. Together they are
 * the durable anchor stored in every annotation record and exported as is.
 */
import { z } from 'zod';
import type { CodePointIndex } from '../text/code-points';

/** Characters of context kept on each side of the quote, as Hypothesis does. */
export const QUOTE_CONTEXT = 32;

export const textTargetSchema = z
  .object({
    /** TextPositionSelector start, in code points. */
    start: z.number().int().nonnegative(),
    /** TextPositionSelector end (exclusive), in code points. */
    end: z.number().int().nonnegative(),
    /** TextQuoteSelector */
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  })
  .refine((t) => t.end > t.start, { message: 'end must be after start' });

export type TextTarget = z.infer<typeof textTargetSchema>;

/** Selectors for code points [start, end) of the indexed text. */
export function targetFor(index: CodePointIndex, start: number, end: number): TextTarget {
  const s = index.toUtf16(start);
  const e = index.toUtf16(end);
  const text = index.text;
  const before = index.toUtf16(Math.max(0, start - QUOTE_CONTEXT));
  const after = index.toUtf16(Math.min(index.length, end + QUOTE_CONTEXT));
  return { start, end, exact: text.slice(s, e), prefix: text.slice(before, s), suffix: text.slice(e, after) };
}

/** Trims white space at both ends of a code point span; returns null when nothing is left. */
export function trimSpan(index: CodePointIndex, start: number, end: number): { start: number; end: number } | null {
  const s16 = index.toUtf16(start);
  const e16 = index.toUtf16(end);
  const slice = index.text.slice(s16, e16);
  const lead = slice.length - slice.trimStart().length;
  const trail = slice.length - slice.trimEnd().length;
  if (lead === slice.length) return null;
  return { start: index.toCodePoint(s16 + lead), end: index.toCodePoint(e16 - trail) };
}
