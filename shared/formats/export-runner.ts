/**
 * The one export loop, shared by the app's export dialog (export-corpus.ts: into memory) and
 * the command line (`glose export`, and `glose import`, which writes a bundle): articles arrive
 * one at a time from any (async) source, go through the chosen writer (optionally
 * pseudonymised; the private feedback to students dropped unless asked for), and their chunks go to a pluggable output (a zip in memory, a file, a folder,
 * a zip on disk). Between articles it reports progress, awaits the injected `pause` and stops
 * with the signal's reason as soon as it is aborted; on any failure the output is aborted.
 */
import { bundleWriter } from './bundle-writer';
import { pseudonymisedCorpus, pseudonymiser } from './pseudonymise';
import type { ArticleSnapshot, CorpusInfo, ExportWriter, OutChunk } from './types';
import { EXPORT_FORMATS, type ExportFormat } from './writers';

export type CorpusFormat = ExportFormat | 'bundle';

/** Where the chunks go. `put` is awaited, so an output can hold the loop back (disk backpressure). */
export interface ExportOutput<T> {
  put(chunks: OutChunk[]): void | Promise<void>;
  /** After the last chunk: finishes the output and gives what it made. */
  close(): T | Promise<T>;
  /** After a failure: releases what the output holds (temporary files). */
  abort?(): void | Promise<void>;
}

export interface ExportRun {
  corpus: CorpusInfo;
  format: CorpusFormat;
  /** Pseudonymisation salt (≥ 16 characters), or none. */
  salt?: string;
  /** Base IRI of W3C identifiers. */
  base?: string;
  /** CSV only: cells exactly as typed (default: formula-leading cells neutralised). */
  csvRaw?: boolean;
  /** Include the private feedback to students (it is dropped from every article otherwise). */
  feedback?: boolean;
  app: { name: string; version: string };
  now: () => Date;
  total?: number;
  onProgress?: (done: number, total: number | undefined) => void;
  /** An AbortSignal (only what is used of it: shared/ has no DOM types). */
  signal?: { throwIfAborted(): void };
  /** Awaited after each article (a page gives its event loop a turn there). */
  pause?: () => Promise<void>;
}

/** Whether `format` comes as several files (a zip or a folder) rather than one. */
export function isMultiFile(format: CorpusFormat): boolean {
  return format === 'bundle' || EXPORT_FORMATS[format].multiFile;
}

/** The name of the one file of a single-file format, inside a zip. */
export function singleFileName(format: ExportFormat): string {
  return `export${EXPORT_FORMATS[format].extension}`;
}

export async function runExport<T>(articles: AsyncIterable<ArticleSnapshot> | Iterable<ArticleSnapshot>, run: ExportRun, output: ExportOutput<T>): Promise<T> {
  const { format, signal } = run;
  const hide = run.salt ? pseudonymiser(run.salt) : null;
  const { feedback: work, ...shared } = run.corpus;
  const told = run.feedback && work ? { ...shared, feedback: work } : shared;
  const corpus = run.salt ? pseudonymisedCorpus(run.salt, told) : told;
  const writer: ExportWriter =
    format === 'bundle'
      ? bundleWriter({ corpus, app: run.app, now: run.now, pseudonymised: hide !== null })
      : EXPORT_FORMATS[format].create({ corpus, csvRaw: run.csvRaw, feedback: run.feedback === true, ...(run.base ? { base: run.base } : {}) });
  try {
    let done = 0;
    await output.put(writer.begin());
    run.onProgress?.(0, run.total);
    for await (const source of articles) {
      signal?.throwIfAborted();
      const { feedback, ...rest } = source;
      const entry = run.feedback && feedback ? { ...rest, feedback } : rest;
      await output.put(writer.article(hide ? hide(entry) : entry));
      run.onProgress?.(++done, run.total);
      await run.pause?.();
    }
    signal?.throwIfAborted();
    await output.put(writer.end());
    return await output.close();
  } catch (error) {
    await output.abort?.();
    throw error;
  }
}
