/**
 * Offsets in Unicode code points, as the W3C Web Annotation model requires, and their
 * conversion to and from JavaScript's UTF-16 offsets. An index built once per text makes
 * each conversion a binary search over the text's astral (surrogate-pair) characters.
 */

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export interface CodePointIndex {
  readonly text: string;
  /** Length of the text in code points. */
  readonly length: number;
  toUtf16(codePointOffset: number): number;
  toCodePoint(utf16Offset: number): number;
}

/** Builds an index of the surrogate pairs of `text` for fast offset conversion. */
export function codePointIndex(text: string): CodePointIndex {
  // utf16 positions of the high surrogate of every pair, in order
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs.push(i);
        i++;
      }
    }
  }
  const length = text.length - pairs.length;
  return {
    text,
    length,
    toUtf16(cp: number): number {
      const clamped = Math.max(0, Math.min(cp, length));
      // number of pairs whose code point position is < cp; pair k sits at code point pairs[k] - k
      let lo = 0;
      let hi = pairs.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (pairs[mid]! - mid < clamped) lo = mid + 1;
        else hi = mid;
      }
      return clamped + lo;
    },
    toCodePoint(u: number): number {
      const clamped = Math.max(0, Math.min(u, text.length));
      // each pair starting before u counts one code point for two units; an offset that falls
      // between the two halves of a pair rounds down to the pair's start
      let lo = 0;
      let hi = pairs.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (pairs[mid]! < clamped) lo = mid + 1;
        else hi = mid;
      }
      return clamped - lo;
    },
  };
}
