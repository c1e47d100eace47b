/**
 * `glose export --from BUNDLE|DATA_DIR [--corpus C] --format w3c|jsonl|csv|brat|conll|aif|bundle
 * --out PATH [--pseudonymise SALT] [--base IRI] [--csv-raw]`: streams the articles of a bundle or of a server
 * database (research-source.ts) through an exporter. One-file formats write PATH; brat and AIF
 * write a folder (never through a symbolic link, folder-output.ts), or a zip when PATH ends in
 * .zip. CSV cells that a spreadsheet would run as formulas get a leading `'` unless --csv-raw.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { bundleWriter } from '../../../shared/formats/bundle-writer';
import { pseudonymiser } from '../../../shared/formats/pseudonymise';
import type { ExportWriter, OutChunk } from '../../../shared/formats/types';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../../shared/formats/writers';
import { writeInside } from './folder-output';
import { parseArgs, progress, required, write, zipFile } from './research-io';
import { openSource, type ResearchSource } from './research-source';

const APP = { name: 'glose', version: process.env.npm_package_version ?? '0.1.0' };

export async function run(argv: string[]): Promise<void> {
  const { options, flags } = parseArgs(argv, ['csv-raw']);
  const from = required(options, 'from');
  const format = required(options, 'format');
  const out = required(options, 'out');
  if (format !== 'bundle' && !isExportFormat(format)) throw new Error(`unknown format "${format}" (w3c, jsonl, csv, brat, conll, aif, bundle)`);
  const source = await openSource(from, options.get('corpus'));
  try {
    await exportFrom(source, { from, format, out, salt: options.get('pseudonymise'), base: options.get('base'), csvRaw: flags.has('csv-raw') });
  } finally {
    await source.close();
  }
}

interface ExportArgs {
  from: string;
  format: ExportFormat | 'bundle';
  out: string;
  salt: string | undefined;
  base: string | undefined;
  csvRaw: boolean;
}

async function exportFrom({ info, total, articles }: ResearchSource, { from, format, out, salt, base, csvRaw }: ExportArgs): Promise<void> {
  const hide = salt ? pseudonymiser(salt) : null;
  const first = await articles.next();
  if (!info.corpus) throw new Error(`${from}: corpus.json must come first in a bundle`);
  const corpus = info.corpus;
  const writer: ExportWriter =
    format === 'bundle'
      ? bundleWriter({ corpus, app: APP, now: () => new Date(), pseudonymised: hide !== null })
      : EXPORT_FORMATS[format].create({ corpus, csvRaw, ...(base ? { base } : {}) });
  const zipped = format === 'bundle' || out.endsWith('.zip');
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const multi = format !== 'bundle' && EXPORT_FORMATS[format].multiFile;
  const zip = zipped ? zipFile(out) : null;
  const single = !zipped && !multi ? createWriteStream(out) : null;
  const emit = async (chunks: OutChunk[]): Promise<void> => {
    for (const c of chunks) {
      if (zip) zip.add(c.file || `export${EXPORT_FORMATS[format as keyof typeof EXPORT_FORMATS].extension}`, c.text);
      else if (single) await write(single, c.text);
      else writeInside(out, c.file, c.text);
    }
    await zip?.drain();
  };
  const bar = progress(`export ${format}`, total);
  await emit(writer.begin());
  for (let r = first; !r.done; r = await articles.next()) {
    await emit(writer.article(hide ? hide(r.value) : r.value));
    bar.tick();
  }
  await emit(writer.end());
  bar.done();
  if (zip) await zip.close();
  if (single) {
    single.end();
    await once(single, 'finish');
  }
}
