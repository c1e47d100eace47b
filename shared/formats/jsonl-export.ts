/**
 * JSON Lines export: one JSON object per annotation per line (the columns of flat-records),
 * the easiest format to stream into pandas, jq or a database.
 */
import { flatRecords } from './flat-records';
import type { ExportWriter } from './types';

export function jsonlWriter(): ExportWriter {
  return {
    begin: () => [],
    article: (entry) => [{ file: '', text: flatRecords(entry).map((r) => `${JSON.stringify(r)}\n`).join('') }],
    end: () => [],
  };
}
