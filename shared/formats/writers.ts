/**
 * The export formats by name, as the command line and the app choose them. `multiFile`
 * formats write a folder of files (brat, AIF, WebAnno TSV); the others one file.
 */
import { aifWriter } from './aif-export';
import { claimReviewWriter } from './claimreview-export';
import { bratWriter } from './brat-export';
import { conllWriter } from './conll-export';
import { csvWriter } from './csv-export';
import { jsonlWriter } from './jsonl-export';
import { scoresCsvWriter, scoresJsonlWriter } from './scores-export';
import { teiWriter } from './tei-export';
import type { ExportOptions, ExportWriter } from './types';
import { w3cWriter } from './w3c-export';
import { webannoWriter } from './webanno-export';

export const EXPORT_FORMATS = {
  w3c: { multiFile: false, extension: '.jsonld', create: w3cWriter },
  jsonl: { multiFile: false, extension: '.jsonl', create: jsonlWriter },
  csv: { multiFile: false, extension: '.csv', create: csvWriter },
  conll: { multiFile: false, extension: '.conll', create: conllWriter },
  brat: { multiFile: true, extension: '', create: bratWriter },
  aif: { multiFile: true, extension: '', create: aifWriter },
  tei: { multiFile: false, extension: '.xml', create: teiWriter },
  webanno: { multiFile: true, extension: '', create: webannoWriter },
  claimreview: { multiFile: false, extension: '.jsonld', create: claimReviewWriter },
  scores: { multiFile: false, extension: '.csv', create: scoresCsvWriter },
  'scores-jsonl': { multiFile: false, extension: '.jsonl', create: scoresJsonlWriter },
} satisfies Record<string, { multiFile: boolean; extension: string; create: (o: ExportOptions) => ExportWriter }>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, name);
}
