/**
 * JSON Lines export: one JSON object per annotation per line (the columns of flat-records, the
 * discussion as arrays), the easiest format to stream into pandas, jq or a database.
 */
import { flatRecords } from './flat-records';
import type { ExportOptions, ExportWriter } from './types';

export function jsonlWriter(options?: Pick<ExportOptions, 'feedback'>): ExportWriter {
  return {
    begin: () => [],
    article: (entry) => [{ file: '', text: flatRecords(entry, options?.feedback).map((r) => `${JSON.stringify(r)}\n`).join('') }],
    end: () => [],
  };
}
