/**
 * Streams whole files into a .zip (fflate), for bundles and for multi-file exports (brat, AIF)
 * written as one archive. Every entry gets the same fixed modification time so that the same
 * content always gives the same bytes. Files are deflated by fflate (in JavaScript, where there
 * is nothing else: the app's page), or by a raw-deflate function passed in (the command line
 * gives Node's native zlib, about 2.5 times faster than fflate at the same level, with smaller
 * output); fflate still frames the archive and computes every CRC.
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

/** 1980-01-01, the earliest date a zip entry can hold. */
export const ZIP_EPOCH = new Date(1980, 0, 1);

export interface ZipSink {
  add(file: string, content: string | Uint8Array): void;
  end(): void;
}

/** Raw DEFLATE (RFC 1951, no zlib header) of a whole file, at the normal level (6). */
export type RawDeflate = (data: Uint8Array) => Uint8Array<ArrayBuffer>;

/** A zip entry deflated in one call by `deflate`: the sink always pushes a whole file at once. */
class WholeDeflate extends ZipPassThrough {
  constructor(file: string, private readonly deflate: RawDeflate) {
    super(file);
    this.compression = 8; // deflate; general purpose flag 0 = normal level
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    if (!final) throw new Error('zip-sink: a file is deflated whole');
    this.ondata!(null, this.deflate(chunk), final);
  }
}

/** `onData` receives the archive's bytes as they are produced; `final` marks the last call. */
export function zipSink(onData: (chunk: Uint8Array, final: boolean) => void, onError: (error: Error) => void, deflate?: RawDeflate): ZipSink {
  const zip = new Zip((error, chunk, final) => (error ? onError(error) : onData(chunk, final)));
  return {
    add(file, content) {
      const entry = deflate ? new WholeDeflate(file, deflate) : new ZipDeflate(file, { level: 6 });
      entry.mtime = ZIP_EPOCH;
      zip.add(entry);
      entry.push(typeof content === 'string' ? strToU8(content) : content, true);
    },
    end: () => zip.end(),
  };
}
