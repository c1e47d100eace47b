/**
 * The groups of one W3C file (foreign-groups.ts) read in a worker thread, on the second core,
 * while the command writes the bundle. The worker is made first thing (`readGroups`), and
 * meanwhile this thread reads the file and finds where its items are (w3c-bytes.ts), then
 * hands it the bytes and the spans (moved, not copied); the worker parses and groups the items
 * once it is given the corpus (`groups`). It runs ahead by at most AHEAD groups (one
 * credit is sent back per group taken), so memory stays a few groups. Groups come back in file
 * order with the same records (structured clone), so the bundle is the one a single thread
 * writes. The worker runs its module bundled into one script (worker-script.ts), made while
 * this thread finds the items. A worker that cannot start (its module not beside this one, as in
 * a test runner's bundle), or a machine with one core, gives way to reading the file on this thread.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { itemReader, w3cItemSpans, type ItemReader, type ItemSpans } from '../../../shared/formats/w3c-bytes';
import type { Tagset } from '../../../shared/model/tagset';
import { w3cItemsOf } from './foreign-files';
import { fileGroups, NotStreamable, type FileGroup, type GroupOptions, type StreamResult } from './foreign-groups';
import type { GroupSource } from './foreign-stream';
import { utf8Bytes } from './utf8-bytes';
import { workerScript } from './worker-script';

/** Groups read ahead of the one the bundle is writing. */
const AHEAD = 8;

/** What the command sends: the file's bytes and where its items are (spans as start, end pairs), the corpus to resolve against, then credits. */
export type GroupAsk =
  | { file: string; bytes: ArrayBuffer; spans: Float64Array; kind: ItemSpans['kind'] }
  | { corpus: string; tagset: Tagset; kindMap: [string, string][] }
  | number;

export type GroupMessage =
  | { kind: 'group'; group: FileGroup }
  | { kind: 'end'; result: StreamResult }
  | { kind: 'again'; message: string };

/** A file being read, whose groups are asked for once the corpus is known. */
export interface GroupReading {
  groups(options: GroupOptions): GroupSource;
  stop(): void;
}

/** The groups of a file's items read on this thread. */
export function groupsHere(items: ItemReader | null, options: GroupOptions): GroupSource {
  if (!items) throw new NotStreamable('not read item by item');
  const groups = fileGroups(items, options);
  return { next: async () => groups.next(), result: () => groups.result(), stop: () => undefined };
}

const here = (items: ItemReader | null): GroupReading => ({ groups: (options) => groupsHere(items, options), stop: () => undefined });

/** The file's bytes in a buffer of their own (one that can be moved to the worker) and where its items are. */
interface FileItems {
  bytes: Uint8Array<ArrayBuffer>;
  found: ItemSpans;
}

const readerOf = (file: string, items: FileItems | null): ItemReader | null => items && itemReader(utf8Bytes(Buffer.from(items.bytes.buffer)), items.found, file);

/** The file's bytes and where its items are; null for another file or shape. */
function itemsOf(file: string): FileItems | null {
  if (!/\.(json|jsonld)$/i.test(file)) return null;
  try {
    const read = readFileSync(file);
    const found = w3cItemSpans(utf8Bytes(read));
    const own = read.byteOffset === 0 && read.buffer.byteLength === read.byteLength;
    return found && { bytes: own ? new Uint8Array(read.buffer as ArrayBuffer) : new Uint8Array(read), found };
  } catch {
    return null; // the general way meets the error again and says it in its words
  }
}

/** Starts reading `file` in a worker thread (or on this thread, on a single core, or when no worker can run this code). */
export async function readGroups(file: string): Promise<GroupReading> {
  // on one core a worker would only add the cost of copying the groups
  const script = availableParallelism() > 1 ? workerScript(new URL('./foreign-groups-worker.ts', import.meta.url)) : null;
  const items = itemsOf(file);
  const code = items && (await script);
  if (!code) return here(readerOf(file, items));
  const worker = new Worker(code, { eval: true });
  worker.unref();
  const stop = (): void => void worker.terminate();
  const queue: (GroupMessage | { kind: 'broken'; message: string })[] = [];
  let wake: (() => void) | null = null;
  const arrive = (m: (typeof queue)[number]): void => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', arrive);
  worker.on('error', (e) => arrive({ kind: 'broken', message: e.message }));
  worker.on('exit', () => arrive({ kind: 'broken', message: 'the reading worker stopped' }));
  const ask = (m: GroupAsk, move: ArrayBuffer[] = []): void => worker.postMessage(m, move);
  const spans = Float64Array.from(items.found.spans.flatMap((s) => [s.start, s.end]));
  ask({ file, bytes: items.bytes.buffer, spans, kind: items.found.kind }, [items.bytes.buffer, spans.buffer]);
  const take = async (): Promise<(typeof queue)[number]> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return queue.shift()!;
  };
  return {
    groups(options) {
      ask({ corpus: options.corpus, tagset: options.tagset, kindMap: [...(options.kindMap ?? [])] });
      ask(AHEAD);
      let fallback: GroupSource | null = null;
      let taken = 0;
      let result: StreamResult | null = null;
      return {
        async next() {
          if (fallback) return fallback.next();
          if (result) return null;
          const m = await take();
          if (m.kind === 'group') {
            taken++;
            ask(1);
            return m.group;
          }
          stop();
          if (m.kind === 'end') {
            result = m.result;
            return null;
          }
          if (m.kind === 'broken' && taken === 0) {
            fallback = groupsHere(w3cItemsOf(file), options);
            return fallback.next();
          }
          // anything else (the file unreadable, a worker that stopped) is the general way's to meet again and say in its words
          throw new NotStreamable(m.message);
        },
        result: () => fallback?.result() ?? result!,
        stop,
      };
    },
    stop,
  };
}
