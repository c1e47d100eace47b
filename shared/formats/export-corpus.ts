/**
 * One call for an export held in memory (the app's export dialog): the shared export loop
 * (export-runner.ts) into an in-memory output, which gives one file, or a zip for multi-file
 * formats and bundles.
 */
import { strToU8 } from 'fflate';
import { isMultiFile, runExport, type CorpusFormat, type ExportOutput, type ExportRun } from './export-runner';
import { EXPORT_FORMATS } from './writers';
import type { ArticleSnapshot } from './types';
import { zipSink } from './zip-sink';

export type { CorpusFormat } from './export-runner';

export interface ExportedFile {
  name: string;
  data: Uint8Array;
}

export function exportFileName(corpus: string, format: CorpusFormat): string {
  if (format === 'bundle') return `${corpus}.glose.zip`;
  const f = EXPORT_FORMATS[format];
  return f.multiFile ? `${corpus}-${format}.zip` : `${corpus}${f.extension}`;
}

/** The chunks of one export as one in-memory file: a zip, or the concatenated text. */
function memoryOutput(name: string, zipped: boolean): ExportOutput<ExportedFile> {
  const parts: Uint8Array[] = [];
  const texts: string[] = [];
  let failure: Error | null = null;
  const zip = zipped ? zipSink((chunk) => parts.push(chunk), (e) => (failure = e)) : null;
  return {
    put(chunks) {
      for (const c of chunks) {
        if (zip) zip.add(c.file, c.text);
        else texts.push(c.text);
      }
    },
    close() {
      zip?.end();
      if (failure) throw failure;
      return { name, data: zip ? concat(parts) : strToU8(texts.join('')) };
    },
  };
}

export async function exportCorpus(articles: AsyncIterable<ArticleSnapshot> | Iterable<ArticleSnapshot>, run: ExportRun): Promise<ExportedFile> {
  return runExport(articles, run, memoryOutput(exportFileName(run.corpus.id, run.format), isMultiFile(run.format)));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
