/**
 * CSV export (RFC 4180): a header row, then one row per annotation with the columns of
 * flat-records. Fields holding a comma, a quote or a line break are quoted, quotes doubled.
 * A text cell a spreadsheet would run as a formula (OWASP "CSV injection": starting with = + - @,
 * a tab or a carriage return) gets a leading `'` unless the caller asks for raw cells
 * (`csvRaw`, `glose export --csv-raw`; docs/formats.md). The discussion lists (thread, votes,
 * feedback) are JSON arrays in one cell each.
 */
import { flatColumns, flatRecords, type FlatRecord } from './flat-records';
import type { ExportOptions, ExportWriter } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet will show it, never run it: `'` before a formula-leading text. */
export function neutralised(value: string | number): string | number {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvWriter(options: ExportOptions): ExportWriter {
  const text = options.csvRaw ? csvField : (value: string | number) => csvField(neutralised(value));
  const cell = (value: FlatRecord[keyof FlatRecord]) => text(typeof value === 'object' ? JSON.stringify(value) : (value ?? ''));
  const columns = flatColumns(options.feedback === true);
  return {
    begin: () => [{ file: '', text: `${columns.join(',')}\r\n` }],
    article: (entry) => [
      { file: '', text: flatRecords(entry, options.feedback).map((r) => `${columns.map((c) => cell(r[c])).join(',')}\r\n`).join('') },
    ],
    end: () => [],
  };
}
