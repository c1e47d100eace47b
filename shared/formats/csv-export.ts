/**
 * CSV export (RFC 4180): a header row, then one row per annotation with the columns of
 * flat-records. Fields holding a comma, a quote or a line break are quoted, quotes doubled.
 * Cells are written as they are: a note starting with "=" stays as typed (see docs/formats.md
 * on opening CSV in a spreadsheet).
 */
import { FLAT_COLUMNS, flatRecords } from './flat-records';
import type { ExportWriter } from './types';

export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvWriter(): ExportWriter {
  return {
    begin: () => [{ file: '', text: `${FLAT_COLUMNS.join(',')}\r\n` }],
    article: (entry) => [
      { file: '', text: flatRecords(entry).map((r) => `${FLAT_COLUMNS.map((c) => csvField(r[c])).join(',')}\r\n`).join('') },
    ],
    end: () => [],
  };
}
