/**
 * JSON-lines W3C annotations (`.jsonl`, `.ndjson`, and a `.json` file that is not one JSON
 * document but one Annotation per line, as some tools and scripts export them): each non-blank
 * line is read alone (w3c-read.ts), so a broken line, or one that is not an annotation, is a bad
 * item named by its line number and the others are imported. Glose's own JSON-lines export
 * (jsonl-export.ts) holds flat records, not annotations: the first object line tells them apart
 * by its content (a W3C `type`, or every column of a flat record), whatever the file is called.
 */
import { emptyBatch, obj, type ForeignBatch } from './foreign-item';
import { FLAT_COLUMNS } from './flat-records';
import { isAnnotation, readW3cItem } from './w3c-read';

/** The non-blank lines of `text`, with their numbers (from 1). */
function* lines(text: string): Generator<{ line: number; text: string }> {
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    const t = raw.trim();
    if (t !== '') yield { line, text: t };
  }
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** What the first line holding a JSON object is: a W3C Annotation, a flat record of Glose's own export, something else, or nothing (no such line). */
export function firstLineKind(text: string): 'annotation' | 'glose' | 'other' | null {
  for (const { text: t } of lines(text)) {
    const value = parsed(t);
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    if (isAnnotation(obj(value))) return 'annotation';
    return FLAT_COLUMNS.every((k) => k in value) ? 'glose' : 'other';
  }
  return null;
}

/** A file that does not parse as one JSON document but whose first non-blank line alone is a W3C Annotation: JSON lines under a .json name. */
export function looksLikeW3cLines(text: string): boolean {
  const first = lines(text).next();
  return !first.done && isAnnotation(obj(parsed(first.value.text)));
}

/** The items of a JSON-lines W3C file; `file` is how the user named it (bad items read `file:LINE`). */
export function readW3cLines(text: string, file: string): ForeignBatch {
  const batch = emptyBatch();
  for (const { line, text: t } of lines(text)) {
    let value: unknown;
    try {
      value = JSON.parse(t);
    } catch (error) {
      batch.bad.push({ where: `${file}:${line}`, reason: `not a line of JSON (${(error as Error).message})` });
      continue;
    }
    readW3cItem(value, line - 1, file, batch, `${file}:${line}`);
  }
  return batch;
}
