/**
 * File plumbing shared by the research commands (import, export, agreement): streaming a
 * bundle's articles off disk, writing a bundle or a multi-file export as a zip with
 * backpressure, a progress line on a terminal, and argument parsing. Memory stays flat: at most
 * one read chunk's worth of articles is held at a time.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { bundleAssembler } from '../../../shared/formats/bundle-reader';
import type { ArticleSnapshot, CorpusInfo } from '../../../shared/formats/types';
import { unzipSource } from '../../../shared/formats/unzip-source';
import { zipSink, type ZipSink } from '../../../shared/formats/zip-sink';

/** The articles of a bundle, streamed; `corpus()` is known once the first article arrives. */
export async function* readBundle(path: string, info: { corpus?: CorpusInfo } = {}, signal?: AbortSignal): AsyncGenerator<ArticleSnapshot> {
  const assembler = bundleAssembler();
  const queue: ArticleSnapshot[] = [];
  let failure: Error | null = null;
  const unzip = unzipSource((file, text) => {
    if (failure) return;
    const r = assembler.file(file, text);
    if (r.ok) queue.push(...r.value);
    else failure = new Error(`${path}: ${r.error}`);
  }, (e) => (failure = new Error(`${path}: ${e.message}`)));
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
  yield* queue.splice(0);
  yield* end.value.articles;
}

export async function write(stream: WriteStream, data: string | Uint8Array): Promise<void> {
  if (!stream.write(data)) await once(stream, 'drain');
}

/** A zip file on disk fed whole files; `drain()` waits for the disk between articles. */
export function zipFile(path: string): ZipSink & { drain(): Promise<void>; close(): Promise<void> } {
  const out = createWriteStream(path);
  let pending = false;
  let error: Error | null = null;
  const sink = zipSink((chunk, final) => {
    if (!out.write(chunk)) pending = true;
    if (final) out.end();
  }, (e) => (error = e));
  return {
    add: (file, content) => sink.add(file, content),
    end: () => sink.end(),
    async drain() {
      if (error) throw error;
      if (pending) await once(out, 'drain');
      pending = false;
    },
    async close() {
      sink.end();
      if (!out.writableFinished) await once(out, 'finish');
      if (error) throw error;
    },
  };
}

/** A progress line on stderr when it is a terminal; nothing otherwise. */
export function progress(label: string, total?: number): { tick(n?: number): void; done(): void } {
  const tty = process.stderr.isTTY;
  let count = 0;
  let last = 0;
  const started = Date.now();
  const draw = (): void => {
    const rate = count / Math.max(0.001, (Date.now() - started) / 1000);
    const bar = total ? `[${'#'.repeat(Math.round((20 * count) / total)).padEnd(20)}] ${count}/${total}` : `${count}`;
    process.stderr.write(`\r${label} ${bar} articles (${rate.toFixed(0)}/s)`);
  };
  return {
    tick(n = 1) {
      count += n;
      if (tty && Date.now() - last > 100) {
        last = Date.now();
        draw();
      }
    },
    done() {
      if (!tty) return;
      draw();
      process.stderr.write('\n');
    },
  };
}

/** `--name value` options and positional arguments. */
export function parseArgs(argv: string[], flags: string[] = []): { options: Map<string, string>; flags: Set<string>; positional: string[] } {
  const options = new Map<string, string>();
  const set = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--') && flags.includes(a.slice(2))) set.add(a.slice(2));
    else if (a.startsWith('--')) {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${a} needs a value`);
      options.set(a.slice(2), value);
    } else positional.push(a);
  }
  return { options, flags: set, positional };
}

export function required(options: Map<string, string>, name: string): string {
  const v = options.get(name);
  if (!v) throw new Error(`--${name} is required`);
  return v;
}
