/**
 * File plumbing shared by the research commands (import, export, agreement): streaming a
 * bundle's articles off disk (zip-file.ts writes them), a progress line on a terminal, required options. Memory stays flat: at most
 * one read chunk's worth of articles is held at a time.
 */
import { createReadStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { inflateRawSync } from 'node:zlib';
import { bundleAssembler } from '../../../shared/formats/bundle-reader';
import type { ArticleSnapshot, CorpusInfo } from '../../../shared/formats/types';
import { unzipSource, ZIP_LIMITS } from '../../../shared/formats/unzip-source';

/** What bundles written by the command line name as their writer. */
export const APP = { name: 'glose', version: process.env.npm_package_version ?? '0.1.0' };

/** What is known of a source as it is read: its corpus (from the first article on) and, for a bundle, its export date (at the end). */
export interface SourceInfo {
  corpus?: CorpusInfo;
  exported?: string;
}

/** The articles of a bundle, streamed; `corpus` is known once the first article arrives, `exported` once the last has. */
export async function* readBundle(path: string, info: SourceInfo = {}, signal?: AbortSignal): AsyncGenerator<ArticleSnapshot> {
  const assembler = bundleAssembler();
  const queue: ArticleSnapshot[] = [];
  let failure: Error | null = null;
  const unzip = unzipSource((file, text) => {
    if (failure) return;
    const r = assembler.file(file, text);
    if (r.ok) queue.push(...r.value);
    else failure = new Error(`${path}: ${r.error}`);
  }, (e) => (failure = new Error(`${path}: ${e.message}`)), ZIP_LIMITS, (data, maxBytes) => inflateRawSync(data, { maxOutputLength: maxBytes }));
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    signal?.throwIfAborted();
    unzip.push(chunk, false);
    if (failure) throw failure;
    info.corpus ??= assembler.corpus() ?? undefined;
    yield* queue.splice(0);
  }
  unzip.push(new Uint8Array(0), true);
  const end = assembler.end();
  if (failure) throw failure;
  if (!end.ok) throw new Error(`${path}: ${end.error}`);
  info.corpus ??= assembler.corpus() ?? undefined;
  info.exported = end.value.manifest.exported;
  yield* queue.splice(0);
  yield* end.value.articles;
}

export async function write(stream: WriteStream, data: string | Uint8Array): Promise<void> {
  if (!stream.write(data)) await once(stream, 'drain');
}

/** A progress line on stderr when it is a terminal; nothing otherwise. `update` sets the count done. */
export function progress(label: string, total?: number): { tick(): void; update(done: number): void; done(): void } {
  const tty = process.stderr.isTTY;
  let count = 0;
  let last = 0;
  const started = Date.now();
  const draw = (): void => {
    const rate = count / Math.max(0.001, (Date.now() - started) / 1000);
    const bar = total ? `[${'#'.repeat(Math.round((20 * count) / total)).padEnd(20)}] ${count}/${total}` : `${count}`;
    process.stderr.write(`\r${label} ${bar} articles (${rate.toFixed(0)}/s)`);
  };
  const update = (done: number): void => {
    count = done;
    if (tty && Date.now() - last > 100) {
      last = Date.now();
      draw();
    }
  };
  return {
    tick: () => update(count + 1),
    update,
    done() {
      if (!tty) return;
      draw();
      process.stderr.write('\n');
    },
  };
}

/** The value of a required option (`--name`), or a clear error. */
export function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`--${name} is required`);
  return value;
}

/**
 * Starts `articles` (a bundle's corpus is known once its first article has been read) and
 * gives back all of them, the first included.
 */
export async function started<T>(articles: AsyncIterator<T>): Promise<AsyncIterable<T>> {
  const first = await articles.next();
  return (async function* () {
    for (let r = first; !r.done; r = await articles.next()) yield r.value;
  })();
}
