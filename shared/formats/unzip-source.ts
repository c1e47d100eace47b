/**
 * Streams the files out of a .zip (fflate): push the archive's bytes as they are read, receive
 * each file whole, in archive order, as soon as it is decompressed. A zip is hostile until
 * read: each entry may hold at most `maxEntryBytes` once decompressed, and the archive may not
 * expand more than `maxRatio` times the bytes pushed so far (beyond a small allowance). Sizes
 * are counted on the bytes actually inflated, never taken from the headers, which can lie.
 * The first limit crossed stops the archive with one clear error; nothing after it is read.
 * Bytes are inflated a small slice at a time, so one step never holds more than a few MB.
 * Where a native raw inflate exists (the command line gives Node's zlib, several times faster
 * than fflate's), each entry is instead gathered compressed and inflated whole, told to stop
 * one byte past the entry limit: the same limits hold, checked on what it gave back.
 */
import { Unzip, UnzipInflate, strFromU8, type UnzipDecoder, type UnzipDecoderConstructor, type UnzipFile } from 'fflate';

export interface UnzipSource {
  push(chunk: Uint8Array, final: boolean): void;
}

export interface ZipLimits {
  /** Largest decompressed size of one file in the archive, bytes. */
  maxEntryBytes: number;
  /** Largest decompressed / compressed ratio over the archive (JSON bundles compress about 10:1). */
  maxRatio: number;
  /** Decompressed bytes allowed before the ratio applies (small files compress very well). */
  ratioAllowance: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntryBytes: 32 * 1024 * 1024, maxRatio: 100, ratioAllowance: 4 * 1024 * 1024 };

const MB = 1024 * 1024;
/** Compressed bytes inflated at once: deflate expands at most ~1032 times, so ≤ 17 MB per step. */
const SLICE = 16 * 1024;

/** Raw INFLATE (RFC 1951) of a whole entry; throws rather than give back more than `maxBytes`. */
export type RawInflate = (data: Uint8Array, maxBytes: number) => Uint8Array;

const tooLarge = (name: string, limits: ZipLimits): Error => new Error(`${name} is larger than ${limits.maxEntryBytes / MB} MB once decompressed: the archive was not read (a zip bomb?)`);

/** A deflate decoder for fflate's Unzip that inflates each entry whole with `inflate`. */
function wholeInflate(inflate: RawInflate, limits: ZipLimits): UnzipDecoderConstructor {
  return class implements UnzipDecoder {
    static compression = 8;
    ondata: UnzipDecoder['ondata'] = () => undefined;
    private parts: Uint8Array[] = [];
    private size = 0;
    private done = false;
    constructor(private readonly name: string) {}

    push(chunk: Uint8Array, final: boolean): void {
      if (this.done) return;
      this.parts.push(chunk.slice()); // fflate may reuse the chunk's buffer
      this.size += chunk.length;
      // compressed data larger than the entry limit (beyond the headers of stored blocks) cannot be within it
      if (this.size > limits.maxEntryBytes + 64 * 1024) return this.fail(tooLarge(this.name, limits));
      if (!final) return;
      let data: Uint8Array;
      try {
        data = inflate(concat(this.parts, this.size), limits.maxEntryBytes + 1);
      } catch (error) {
        const code = (error as { code?: string }).code;
        return this.fail(code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge(this.name, limits) : new Error(`${this.name}: ${(error as Error).message}`));
      }
      this.done = true;
      this.parts = [];
      this.ondata(null, data as Uint8Array<ArrayBuffer>, true);
    }

    terminate(): void {
      this.done = true;
      this.parts = [];
    }

    private fail(error: Error): void {
      this.terminate();
      this.ondata(Object.assign(error, { code: -1 }), new Uint8Array(0), true);
    }
  };
}

export function unzipSource(onFile: (path: string, text: string) => void, onError: (error: Error) => void, limits: ZipLimits = ZIP_LIMITS, inflate?: RawInflate): UnzipSource {
  let pushed = 0;
  let inflated = 0;
  let stopped = false;
  const stop = (file: UnzipFile, error: Error): void => {
    stopped = true;
    file.terminate();
    onError(error);
  };
  const unzip = new Unzip((file) => {
    if (stopped) return;
    const parts: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, data, final) => {
      if (stopped) return;
      if (error) return stop(file, error);
      size += data.length;
      inflated += data.length;
      if (size > limits.maxEntryBytes) return stop(file, tooLarge(file.name, limits));
      if (inflated > limits.ratioAllowance && inflated > pushed * limits.maxRatio) {
        return stop(file, new Error(`${file.name} expands more than ${limits.maxRatio} times its compressed size: the archive was not read (a zip bomb?)`));
      }
      parts.push(data);
      if (final) onFile(file.name, strFromU8(concat(parts, size)));
    };
    file.start();
  });
  unzip.register(inflate ? wholeInflate(inflate, limits) : UnzipInflate);
  return {
    push: (chunk, final) => {
      for (let at = 0; !stopped && (at < chunk.length || (at === 0 && final)); at += SLICE) {
        const slice = chunk.subarray(at, at + SLICE);
        pushed += slice.length;
        unzip.push(slice, final && at + SLICE >= chunk.length);
      }
    },
  };
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** Null when every file of the zip in `bytes` stays within the limits, else the first limit crossed. */
export function zipLimitError(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): string | null {
  let error: string | null = null;
  unzipSource(() => undefined, (e) => (error ??= e.message), limits).push(bytes, true);
  return error;
}
