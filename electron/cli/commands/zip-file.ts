/**
 * A zip file on disk fed whole files, for the command line's bundles and multi-file exports.
 * Each file is deflated by Node's zlib on libuv's thread pool (the other cores) while the
 * command goes on building the next articles; the files enter the archive in the order they
 * were added, each with the bytes a synchronous deflate gives, so the archive is byte for byte
 * the one a single-threaded run writes. At most MAX_WAITING bytes wait for their deflate:
 * `drain()` (between articles) waits for the oldest files and for the disk.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import { zipSink } from '../../../shared/formats/zip-sink';

const deflateAsync = promisify(deflateRaw);

/** Bytes of files added and not yet in the archive before `drain()` waits (a few articles' worth). */
const MAX_WAITING = 4 * 1024 * 1024;

interface Waiting {
  file: string;
  data: Uint8Array;
  deflated: Promise<Uint8Array<ArrayBuffer>>;
}

export interface ZipFile {
  add(file: string, content: string | Uint8Array): void;
  /** Waits until few files wait for their deflate and the disk has taken what was written. */
  drain(): Promise<void>;
  /** Writes every file still waiting, ends the archive and waits for the disk. */
  close(): Promise<void>;
}

export function zipFile(path: string): ZipFile {
  const out = createWriteStream(path);
  let pending = false;
  let error: Error | null = null;
  let next: Uint8Array<ArrayBuffer> | null = null;
  const sink = zipSink((chunk, final) => {
    if (!out.write(chunk)) pending = true;
    if (final) out.end();
  }, (e) => (error = e), () => next!);
  const waiting: Waiting[] = [];
  let waitingBytes = 0;
  /** Puts the oldest waiting file into the archive once its deflate is done. */
  const settle = async (): Promise<void> => {
    const w = waiting.shift()!;
    next = await w.deflated;
    waitingBytes -= w.data.byteLength;
    sink.add(w.file, w.data);
    next = null;
  };
  const drain = async (limit: number): Promise<void> => {
    while (waiting.length > 0 && waitingBytes > limit) await settle();
    if (error) throw error;
    if (pending) await once(out, 'drain');
    pending = false;
  };
  return {
    add(file, content) {
      const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      const deflated = deflateAsync(data);
      deflated.catch(() => undefined); // awaited in order by settle(); a failure surfaces there
      waiting.push({ file, data, deflated });
      waitingBytes += data.byteLength;
    },
    drain: () => drain(MAX_WAITING),
    async close() {
      await drain(-1);
      sink.end();
      if (!out.writableFinished) await once(out, 'finish');
      if (error) throw error;
    },
  };
}
