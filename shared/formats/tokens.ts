/**
 * Word tokens of a canonical text, with code point offsets, for CoNLL export and token-level
 * agreement: runs of letters, marks and digits (with inner apostrophes: l’IA, Spotify’s), an
 * emoji with its modifiers and joiners, a flag (two regional indicators), or any other single
 * non-space character.
 */
import { codePointIndex } from '../text/code-points';

export interface Token {
  text: string;
  /** Code point offsets, end exclusive. */
  start: number;
  end: number;
}

const TOKEN =
  /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*|\p{Regional_Indicator}{2}|\S/gu;

export function tokenize(text: string): Token[] {
  const index = codePointIndex(text);
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    out.push({ text: m[0], start: index.toCodePoint(m.index), end: index.toCodePoint(m.index + m[0].length) });
  }
  return out;
}

/** Index of the first token ending after `offset` (tokens sorted by position). */
export function firstTokenAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices of the tokens a code point span overlaps. */
export function tokensIn(tokens: readonly Token[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = firstTokenAfter(tokens, start); i < tokens.length && tokens[i]!.start < end; i++) out.push(i);
  return out;
}
