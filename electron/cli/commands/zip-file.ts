/**
 * A zip file on disk fed whole files, for the command line's bundles and multi-file exports.
 * The files are deflated by Node's zlib in a worker thread (the second core), which also gives
 * their CRC-32 (zlib's native one), while the command goes on building the next articles; they
 * enter the archive in the order they were added,
 * each with the bytes a synchronous deflate gives, so the archive is byte for byte the one a
 * single-threaded run writes. (Node's asynchronous zlib was measured first: on small files it
 * costs the main thread more than deflating there.) Files go to the worker a batch at a time
 * (at the first `drain()` after SEND_AT bytes, a few articles' worth), laid end to end in one
 * buffer each way (a message of many small buffers costs more than their bytes); at most
 * MAX_WAITING bytes wait for their deflate. The archive's bytes go to disk WRITE_AT at a time,
 * not in the few small pieces fflate gives per file.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { zipSink } from '../../../shared/formats/zip-sink';

/** Bytes of files added and not yet in the archive before `drain()` waits (a few articles' worth). */
const MAX_WAITING = 4 * 1024 * 1024;
/** Bytes of files `drain()` gathers before sending them to the worker (each message costs the command as much as deflating a few KB). */
const SEND_AT = 256 * 1024;
/** Bytes of the archive gathered before they are written to disk. */
const WRITE_AT = 1024 * 1024;

/** A batch of files laid end to end: `ends[i]` is where file i ends in `bytes`. */
interface Packed {
  bytes: Uint8Array<ArrayBuffer>;
  ends: number[];
}

/** The worker: each message is a batch of files, answered by their raw DEFLATE (level 6, as deflateRawSync), packed the same way, and their CRC-32. */
const DEFLATER = `
const { parentPort } = require('node:worker_threads');
const { crc32, deflateRawSync } = require('node:zlib');
parentPort.on('message', ({ bytes, ends }) => {
  const files = ends.map((end, i) => bytes.subarray(i === 0 ? 0 : ends[i - 1], end));
  const out = files.map((f) => deflateRawSync(f));
  const packed = new Uint8Array(Buffer.concat(out));
  let at = 0;
  parentPort.postMessage({ bytes: packed, ends: out.map((o) => (at += o.length)), crcs: files.map((f) => crc32(f)) }, [packed.buffer]);
});`;

/** A file's raw DEFLATE and the CRC-32 of its bytes. */
interface Deflated {
  data: Uint8Array;
  crc: number;
}

function pack(files: readonly Uint8Array[]): Packed {
  const ends: number[] = [];
  let at = 0;
  for (const f of files) ends.push((at += f.byteLength));
  const bytes = new Uint8Array(at);
  files.forEach((f, i) => bytes.set(f, i === 0 ? 0 : ends[i - 1]));
  return { bytes, ends };
}

const unpack = ({ bytes, ends, crcs }: Packed & { crcs: number[] }): Deflated[] => ends.map((end, i) => ({ data: bytes.subarray(i === 0 ? 0 : ends[i - 1], end), crc: crcs[i]! }));

/** Deflates batches of files in one worker thread; the answers come back in the order asked. */
function deflater() {
  let worker: Worker | null = null;
  const asked: { resolve(out: Deflated[]): void; reject(e: Error): void }[] = [];
  const start = (): Worker => {
    const w = new Worker(DEFLATER, { eval: true });
    w.on('message', (out: Packed & { crcs: number[] }) => {
      asked.shift()!.resolve(unpack(out));
      if (asked.length === 0) w.unref(); // an idle worker keeps no command alive
    });
    w.on('error', (e) => asked.splice(0).forEach((a) => a.reject(e)));
    w.on('exit', () => asked.splice(0).forEach((a) => a.reject(new Error('the deflate worker stopped'))));
    w.unref();
    return w;
  };
  return {
    deflate(files: readonly Uint8Array[]): Promise<Deflated[]> {
      worker ??= start();
      worker.ref();
      const answer = new Promise<Deflated[]>((resolve, reject) => asked.push({ resolve, reject }));
      const packed = pack(files);
      worker.postMessage(packed, [packed.bytes.buffer]);
      return answer;
    },
    stop: () => worker?.terminate(),
  };
}

interface Waiting {
  file: string;
  size: number;
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
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const sink = zipSink((chunk, final) => {
    pending.push(chunk);
    pendingBytes += chunk.byteLength;
    if (pendingBytes < WRITE_AT && !final) return;
    out.write(Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
    if (final) out.end();
  }, (e) => (error = e));
  const pool = deflater();
  let batch: { file: string; data: Uint8Array }[] = [];
  let batchBytes = 0;
  const waiting: Waiting[] = [];
  let waitingBytes = 0;
  const send = (): void => {
    if (batch.length === 0) return;
    const deflated = pool.deflate(batch.map((f) => f.data));
    deflated.catch(() => undefined); // awaited in order by settle(); a failure surfaces there
    waiting.push(...batch.map((f, index) => ({ file: f.file, size: f.data.byteLength, deflated, index })));
    batch = [];
    batchBytes = 0;
  };
  /** Puts the oldest waiting file into the archive once its deflate is done. */
  const settle = async (): Promise<void> => {
    const w = waiting.shift()!;
    const { data, crc } = (await w.deflated)[w.index]!;
    waitingBytes -= w.size;
    sink.addDeflated(w.file, { data, size: w.size, crc });
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
