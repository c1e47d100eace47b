/**
 * `glose export --from BUNDLE|DATA_DIR [--corpus C] --format w3c|jsonl|csv|brat|conll|aif|tei|webanno|claimreview|scores|scores-jsonl|bundle
 * --out PATH [--pseudonymise SALT] [--base IRI] [--csv-raw] [--feedback]`: streams the articles of a bundle or
 * of a server database (research-source.ts) through the shared export loop
 * (shared/formats/export-runner.ts). One-file formats write PATH; brat, AIF and WebAnno TSV write a
 * folder (never through a symbolic link, folder-output.ts), or a zip when PATH ends in .zip. CSV
 * cells that a spreadsheet would run as formulas get a leading `'` unless --csv-raw. Replies and
 * votes are always exported; the teachers' private feedback to students only with --feedback
 * (from a server's data directory, or a bundle exported with it). `scores` and `scores-jsonl`
 * give the rubric's score of each student (shared/formats/scores-export.ts).
 * A bundle keeps its source bundle's date (or takes SOURCE_DATE_EPOCH), so that bundle → bundle
 * gives identical bytes.
 */
import { parseArgs } from 'node:util';
import { runExport } from '../../../shared/formats/export-runner';
import { isExportFormat } from '../../../shared/formats/writers';
import { fileOutput } from './export-outputs';
import { exportDate } from './export-date';
import { APP, progress, required, started } from './research-io';
import { openSource } from './research-source';

const OPTIONS = {
  from: { type: 'string' },
  corpus: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  pseudonymise: { type: 'string' },
  base: { type: 'string' },
  'csv-raw': { type: 'boolean', default: false },
  feedback: { type: 'boolean', default: false },
} as const;

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true });
  const from = required(values.from, 'from');
  const format = required(values.format, 'format');
  const out = required(values.out, 'out');
  if (format !== 'bundle' && !isExportFormat(format)) throw new Error(`unknown format "${format}" (w3c, jsonl, csv, brat, conll, aif, tei, webanno, claimreview, scores, scores-jsonl, bundle)`);
  const source = await openSource(from, values.corpus, values.feedback);
  try {
    const articles = await started(source.articles);
    if (!source.info.corpus) throw new Error(`${from}: corpus.json must come first in a bundle`);
    const bar = progress(`export ${format}`, source.total);
    await runExport(
      articles,
      { corpus: source.info.corpus, format, salt: values.pseudonymise, base: values.base, csvRaw: values['csv-raw'], feedback: values.feedback, app: APP, now: () => exportDate(source.info), total: source.total, onProgress: bar.update },
      fileOutput(out, format),
    );
    bar.done();
  } finally {
    await source.close();
  }
}
