/**
 * Reads a W3C (or Hypothesis API) annotation file from its bytes, item by item: the spans of
 * its items are found first (json-spans.ts), then each item is parsed and read alone
 * (w3c-read.ts, hypothesis-read.ts), so no tree of the whole file is ever held. The result is
 * the one `readW3c` gives on the whole parsed file, item for item and reason for reason; every
 * part of the file is still checked by JSON.parse. A file of another shape (a single
 * annotation, a collection whose pages are not embedded as one object) or with a syntax error is
 * parsed whole, as before, and its error names the line.
 */
import { parseJson } from './json-text';
import { emptyBatch, type ForeignBatch } from './foreign-item';
import { readHypothesisRow } from './hypothesis-read';
import { documentSpans, textOf, type DocumentSpans, type Span, type Utf8File } from './json-spans';
import { fail, ok, type Result } from '../result';
import { readW3c, readW3cItem } from './w3c-read';

type ReadOne = (raw: unknown, i: number, file: string, batch: ForeignBatch) => void;

const parse = (source: Utf8File, span: Span): unknown => JSON.parse(textOf(source, span));

/** The items of a file, to be read one at a time and in order (`read` throws a SyntaxError on a broken item). */
export interface ItemReader {
  count: number;
  read(i: number, batch: ForeignBatch): void;
}

/** Where a file's items are, and which reader reads them: what a thread needs, besides the bytes, to read them. */
export interface ItemSpans {
  spans: Span[];
  kind: 'w3c' | 'hypothesis';
}

const READERS: Record<ItemSpans['kind'], ReadOne> = { w3c: readW3cItem, hypothesis: readHypothesisRow };

/** A reader of the items at `found` in `source`. */
export const itemReader = (source: Utf8File, found: ItemSpans, file: string): ItemReader => ({
  count: found.spans.length,
  read: (i, batch) => READERS[found.kind](parse(source, found.spans[i]!), i, file, batch),
});

/** The list `readW3c` would read from this object, and how; null when only a whole parse can tell. */
function chosen(source: Utf8File, doc: Extract<DocumentSpans, { kind: 'object' }>): ItemSpans | null {
  const rows = doc.lists.get('rows');
  if (Array.isArray(rows)) return { spans: rows, kind: 'hypothesis' };
  const type = doc.fields.get('type');
  const kind = type ? parse(source, type) : undefined;
  const list = kind === 'AnnotationCollection' ? doc.lists.get('first.items') : kind === 'AnnotationPage' ? doc.lists.get('items') : 'other';
  if (list === 'other') return null;
  return { spans: list ?? [], kind: 'w3c' };
}

/** Where the file's items are, or null when only a whole parse can read it (another shape, broken JSON outside the items). */
export function w3cItemSpans(source: Utf8File): ItemSpans | null {
  const doc = documentSpans(source);
  if (!doc) return null;
  try {
    if (doc.kind === 'array') return { spans: doc.elements, kind: 'w3c' };
    const use = chosen(source, doc);
    if (!use) return null;
    // what is not read must still be valid JSON, as a whole parse would have checked
    for (const span of doc.unchecked.values) parse(source, span);
    for (const list of doc.unchecked.lists) if (list !== use.spans) for (const span of list) parse(source, span);
    return use;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** A reader of the file's items, one at a time, or null when only a whole parse can read it. */
export function w3cItemReader(source: Utf8File, file: string): ItemReader | null {
  const found = w3cItemSpans(source);
  return found && itemReader(source, found, file);
}

function readSpans(source: Utf8File, file: string): ForeignBatch | null {
  const items = w3cItemReader(source, file);
  if (!items) return null;
  const batch = emptyBatch();
  try {
    for (let i = 0; i < items.count; i++) items.read(i, batch);
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  return batch;
}

/** The items of the W3C or Hypothesis JSON file `file` (as the user named it), or why it cannot be read. */
export function readW3cFile(source: Utf8File, file: string): Result<ForeignBatch> {
  const fast = readSpans(source, file);
  if (fast) return ok(fast);
  const json = parseJson(file, source.text());
  return json.ok ? ok(readW3c(json.value, file)) : fail(json.error);
}
