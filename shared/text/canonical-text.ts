/**
 * The canonical plain text of an article: the one string every anchor, export and agreement
 * figure counts offsets in. Imports are normalised once (line endings, byte-order mark,
 * trailing spaces, runs of blank lines) and the result is what the text document stores;
 * paragraphs are its non-empty lines.
 */

/** Normalises imported text into canonical form. Letters are never changed (no Unicode normalisation). */
export function canonicalText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

export interface Paragraph {
  /** UTF-16 offset of the paragraph's first character in the canonical text. */
  start: number;
  /** UTF-16 offset just past its last character. */
  end: number;
}

/** The non-empty lines of a canonical text, with their UTF-16 offsets. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) out.push({ start, end });
    start = end + 1;
  }
  return out;
}
