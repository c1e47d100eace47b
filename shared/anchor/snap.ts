/**
 * Puts the ends of a fuzzy match where a reader would: a fuzzy search counts UTF-16 units, so
 * against "café" the quote "cafe" is found as "caf" (dropping é costs no more than changing it),
 * and a closing quote mark after a changed word can be left out. An end that cuts a word the
 * quote did not cut moves out to the word's edge, and a quote mark the quote opens or closes
 * with, found just outside the match, is taken in. Offsets are UTF-16; surrogate pairs and
 * combining marks are never split.
 */
import type { TextTarget } from './selectors';

const WORD = /^[\p{L}\p{M}\p{N}]/u;
const OPENING = /^[\p{Pi}\p{Ps}"'«]/u;
const CLOSING = /^[\p{Pf}\p{Pe}"'»]/u;
/** what may stand between a word and its closing mark: spaces, and punctuation such as a full stop */
const BETWEEN = /^[\s\p{Po}]/u;
/** How far (UTF-16 units) an end may move to reach a word edge or a quote mark. */
const REACH = 12;

/** The code point starting at UTF-16 offset `i` ('' at the end). */
function after(text: string, i: number): string {
  const c = text.codePointAt(i);
  return c === undefined ? '' : String.fromCodePoint(c);
}

/** The code point ending at UTF-16 offset `i` ('' at the start). */
function before(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  const pair = i >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
  return text.slice(pair ? i - 2 : i - 1, i);
}

const isWord = (c: string) => WORD.test(c);

/** Moves `start` left to the start of the word it cuts, within reach. */
function wordStart(text: string, start: number): number {
  let at = start;
  while (at > 0 && start - at <= REACH && isWord(before(text, at))) at -= before(text, at).length;
  return isWord(before(text, at)) ? start : at;
}

function wordEnd(text: string, end: number): number {
  let at = end;
  while (at < text.length && at - end <= REACH && isWord(after(text, at))) at += after(text, at).length;
  return isWord(after(text, at)) ? end : at;
}

/** The offset just past a `mark` found after `end` (a space or a full stop may be in between), or `end`. */
function markAfter(text: string, end: number, mark: RegExp): number {
  let at = end;
  while (at - end < 2 && !mark.test(after(text, at)) && BETWEEN.test(after(text, at))) at += after(text, at).length;
  return mark.test(after(text, at)) ? at + after(text, at).length : end;
}

function markBefore(text: string, start: number, mark: RegExp): number {
  let at = start;
  while (start - at < 2 && !mark.test(before(text, at)) && BETWEEN.test(before(text, at))) at -= before(text, at).length;
  return mark.test(before(text, at)) ? at - before(text, at).length : start;
}

/** Snaps UTF-16 span [start, end) of `text`, a fuzzy match of `target.exact`. */
export function snapToBoundaries(text: string, target: Pick<TextTarget, 'exact' | 'prefix' | 'suffix'>, start: number, end: number): { start: number; end: number } {
  const { exact, prefix, suffix } = target;
  const first = after(exact, 0);
  const last = before(exact, exact.length);
  let s = start;
  let e = end;
  // the quote began (ended) at a word edge: so does the match
  if (!(isWord(before(prefix, prefix.length)) && isWord(first)) && isWord(before(text, s)) && isWord(after(text, s))) s = wordStart(text, s);
  if (!(isWord(last) && isWord(after(suffix, 0))) && isWord(before(text, e)) && isWord(after(text, e))) e = wordEnd(text, e);
  // the quote opened (closed) with a quote mark the match left out
  if (OPENING.test(first) && !OPENING.test(after(text, s))) s = markBefore(text, s, OPENING);
  if (CLOSING.test(last) && !CLOSING.test(before(text, e))) e = markAfter(text, e, CLOSING);
  return { start: s, end: e };
}
