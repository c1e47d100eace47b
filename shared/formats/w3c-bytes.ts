/**
 * Reads a W3C (or Hypothesis API) annotation file from its bytes, item by item: the spans of
 * its items are found first (json-spans.ts), then each item is parsed and read alone
 * (w3c-read.ts, hypothesis-read.ts), so no tree of the whole file is ever held. The result is
 * the one `readW3c` gives on the whole parsed file, item for item and reason for reason; every
 * part of the file is still checked by JSON.parse. A file of another shape (a single
 * annotation, a collection whose pages are not embedded as one object) or with a syntax error is
 * parsed whole, as before, and its error names the line.
 */
import { parseJson } from './bundle-reader';
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

const reader = (source: Utf8File, spans: readonly Span[], file: string, read: ReadOne): ItemReader => ({
  count: spans.length,
  read: (i, batch) => read(parse(source, spans[i]!), i, file, batch),
});

/** The list `readW3c` would read from this object, and how; null when only a whole parse can tell. */
function chosen(source: Utf8File, doc: Extract<DocumentSpans, { kind: 'object' }>): { list: Span[]; read: ReadOne } | null {
  const rows = doc.lists.get('rows');
  if (Array.isArray(rows)) return { list: rows, read: readHypothesisRow };
  const type = doc.fields.get('type');
  const kind = type ? parse(source, type) : undefined;
  const list = kind === 'AnnotationCollection' ? doc.lists.get('first.items') : kind === 'AnnotationPage' ? doc.lists.get('items') : 'other';
  if (list === 'other') return null;
  return { list: list ?? [], read: readW3cItem };
}

/** A reader of the file's items, one at a time, or null when only a whole parse can read it (another shape, broken JSON outside the items). */
export function w3cItemReader(source: Utf8File, file: string): ItemReader | null {
  const doc = documentSpans(source);
  if (!doc) return null;
  try {
    if (doc.kind === 'array') return reader(source, doc.elements, file, readW3cItem);
    const use = chosen(source, doc);
    if (!use) return null;
    // what is not read must still be valid JSON, as a whole parse would have checked
    for (const span of doc.unchecked.values) parse(source, span);
    for (const list of doc.unchecked.lists) if (list !== use.list) for (const span of list) parse(source, span);
    return reader(source, use.list, file, use.read);
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
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
