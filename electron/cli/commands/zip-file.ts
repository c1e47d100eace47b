/**
 * A zip file on disk fed whole files, for the command line's bundles and multi-file exports.
 * The files are deflated by Node's zlib in a worker thread (the second core) while the command
 * goes on building the next articles; they enter the archive in the order they were added,
 * each with the bytes a synchronous deflate gives, so the archive is byte for byte the one a
 * single-threaded run writes. (Node's asynchronous zlib was measured first: on small files it
 * costs the main thread more than deflating there.) Files go to the worker a batch at a time
 * (at the first `drain()` after SEND_AT bytes, a few articles' worth); at most MAX_WAITING bytes wait for their deflate.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { zipSink } from '../../../shared/formats/zip-sink';

/** Bytes of files added and not yet in the archive before `drain()` waits (a few articles' worth). */
const MAX_WAITING = 4 * 1024 * 1024;
/** Bytes of files `drain()` gathers before sending them to the worker (each message costs the command as much as deflating a few KB). */
const SEND_AT = 256 * 1024;

/** The worker: each message is a batch of files, answered in order by their raw DEFLATE (level 6, as deflateRawSync). */
const DEFLATER = `
const { parentPort } = require('node:worker_threads');
const { deflateRawSync } = require('node:zlib');
parentPort.on('message', (files) => {
  const out = files.map((f) => new Uint8Array(deflateRawSync(f)).slice());
  parentPort.postMessage(out, out.map((o) => o.buffer));
});`;

type Deflated = Uint8Array<ArrayBuffer>;

/** Deflates batches of files in one worker thread; the answers come back in the order asked. */
function deflater() {
  let worker: Worker | null = null;
  const asked: { resolve(out: Deflated[]): void; reject(e: Error): void }[] = [];
  const start = (): Worker => {
    const w = new Worker(DEFLATER, { eval: true });
    w.on('message', (out: Deflated[]) => {
      asked.shift()!.resolve(out);
      if (asked.length === 0) w.unref(); // an idle worker keeps no command alive
    });
    w.on('error', (e) => asked.splice(0).forEach((a) => a.reject(e)));
    w.on('exit', () => asked.splice(0).forEach((a) => a.reject(new Error('the deflate worker stopped'))));
    w.unref();
    return w;
  };
  return {
    deflate(files: Uint8Array[]): Promise<Deflated[]> {
      worker ??= start();
      worker.ref();
      const answer = new Promise<Deflated[]>((resolve, reject) => asked.push({ resolve, reject }));
      worker.postMessage(files, files.map((f) => f.buffer as ArrayBuffer));
      return answer;
    },
    stop: () => worker?.terminate(),
  };
}

interface Waiting {
  file: string;
  data: Uint8Array;
  deflated: Promise<Deflated[]>;
  index: number;
}

export interface ZipFile {
  add(file: string, content: string | Uint8Array): void;
  /** Sends the files added since to be deflated (once they make SEND_AT bytes); waits until few files wait and the disk has taken what was written. */
  drain(): Promise<void>;
  /** Writes every file still waiting, ends the archive and waits for the disk. */
  close(): Promise<void>;
}

const encoder = new TextEncoder();

export function zipFile(path: string): ZipFile {
  const out = createWriteStream(path);
  let error: Error | null = null;
  let next: Deflated | null = null;
  const sink = zipSink((chunk, final) => {
    out.write(chunk);
    if (final) out.end();
  }, (e) => (error = e), () => next!);
  const pool = deflater();
  let batch: { file: string; data: Uint8Array }[] = [];
  let batchBytes = 0;
  const waiting: Waiting[] = [];
  let waitingBytes = 0;
  const send = (): void => {
    if (batch.length === 0) return;
    // copies: the worker takes the buffers, the archive still needs the bytes for their CRC
    const deflated = pool.deflate(batch.map((f) => f.data.slice()));
    deflated.catch(() => undefined); // awaited in order by settle(); a failure surfaces there
    waiting.push(...batch.map((f, index) => ({ ...f, deflated, index })));
    batch = [];
    batchBytes = 0;
  };
  /** Puts the oldest waiting file into the archive once its deflate is done. */
  const settle = async (): Promise<void> => {
    const w = waiting.shift()!;
    next = (await w.deflated)[w.index]!;
    waitingBytes -= w.data.byteLength;
    sink.add(w.file, w.data);
    next = null;
  };
  const drain = async (limit: number): Promise<void> => {
    if (batchBytes >= SEND_AT || limit < 0) send();
    while (waiting.length > 0 && waitingBytes > limit) await settle();
    if (error) throw error;
    // asked of the stream itself: a 'drain' may have come while a deflate was awaited
    if (out.writableNeedDrain) await once(out, 'drain');
  };
  return {
    add(file, content) {
      const data = typeof content === 'string' ? encoder.encode(content) : content;
      batch.push({ file, data });
      batchBytes += data.byteLength;
      waitingBytes += data.byteLength;
    },
    drain: () => drain(MAX_WAITING),
    async close() {
      try {
        await drain(-1);
      } finally {
        await pool.stop();
      }
      sink.end();
      if (!out.writableFinished) await once(out, 'finish');
      if (error) throw error;
    },
  };
}
