/**
 * One call for an export held in memory (the app's export dialog): articles arrive one at a
 * time from any (async) source, go through the chosen writer (optionally pseudonymised), and
 * come back as one file, a zip for multi-file formats and bundles. Between articles it reports
 * progress, awaits the injected `pause` (a page gives its event loop a turn there) and stops
 * with the signal's reason as soon as it is aborted, so a page stays responsive and Cancel works.
 */
import { strToU8 } from 'fflate';
import { bundleWriter } from './bundle-writer';
import { pseudonymiser } from './pseudonymise';
import type { ArticleSnapshot, CorpusInfo, ExportWriter, OutChunk } from './types';
import { EXPORT_FORMATS, type ExportFormat } from './writers';
import { zipSink } from './zip-sink';

export type CorpusFormat = ExportFormat | 'bundle';

export interface ExportCorpusOptions {
  corpus: CorpusInfo;
  format: CorpusFormat;
  /** Pseudonymisation salt (≥ 16 characters), or none. */
  salt?: string;
  app: { name: string; version: string };
  now: () => Date;
  total?: number;
  onProgress?: (done: number, total: number | undefined) => void;
  /** An AbortSignal (only what is used of it: shared/ has no DOM types). */
  signal?: { throwIfAborted(): void };
  /** Awaited after each article. */
  pause?: () => Promise<void>;
}

export interface ExportedFile {
  name: string;
  data: Uint8Array;
}

export function exportFileName(corpus: string, format: CorpusFormat): string {
  if (format === 'bundle') return `${corpus}.glose.zip`;
  const f = EXPORT_FORMATS[format];
  return f.multiFile ? `${corpus}-${format}.zip` : `${corpus}${f.extension}`;
}

export async function exportCorpus(articles: AsyncIterable<ArticleSnapshot> | Iterable<ArticleSnapshot>, options: ExportCorpusOptions): Promise<ExportedFile> {
  const { corpus, format, signal } = options;
  const hide = options.salt ? pseudonymiser(options.salt) : null;
  const writer: ExportWriter =
    format === 'bundle'
      ? bundleWriter({ corpus, app: options.app, now: options.now, pseudonymised: hide !== null })
      : EXPORT_FORMATS[format].create({ corpus });
  const zipped = format === 'bundle' || EXPORT_FORMATS[format].multiFile;
  const parts: Uint8Array[] = [];
  const texts: string[] = [];
  let failure: Error | null = null;
  const zip = zipped ? zipSink((chunk) => parts.push(chunk), (e) => (failure = e)) : null;
  const emit = (chunks: OutChunk[]): void => {
    for (const c of chunks) {
      if (zip) zip.add(c.file, c.text);
      else texts.push(c.text);
    }
  };
  let done = 0;
  emit(writer.begin());
  options.onProgress?.(0, options.total);
  for await (const entry of articles) {
    signal?.throwIfAborted();
    emit(writer.article(hide ? hide(entry) : entry));
    options.onProgress?.(++done, options.total);
    await options.pause?.();
  }
  signal?.throwIfAborted();
  emit(writer.end());
  zip?.end();
  if (failure) throw failure;
  const data = zip ? concat(parts) : strToU8(texts.join(''));
  return { name: exportFileName(corpus.id, format), data };
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
