/**
 * Streams whole files into a .zip (fflate), for bundles and for multi-file exports (brat, AIF)
 * written as one archive. Every entry gets the same fixed modification time so that the same
 * content always gives the same bytes.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';

/** 1980-01-01, the earliest date a zip entry can hold. */
export const ZIP_EPOCH = new Date(1980, 0, 1);

export interface ZipSink {
  add(file: string, content: string | Uint8Array): void;
  end(): void;
}

/** `onData` receives the archive's bytes as they are produced; `final` marks the last call. */
export function zipSink(onData: (chunk: Uint8Array, final: boolean) => void, onError: (error: Error) => void): ZipSink {
  const zip = new Zip((error, chunk, final) => (error ? onError(error) : onData(chunk, final)));
  return {
    add(file, content) {
      const entry = new ZipDeflate(file, { level: 6 });
      entry.mtime = ZIP_EPOCH;
      zip.add(entry);
      entry.push(typeof content === 'string' ? strToU8(content) : content, true);
    },
    end: () => zip.end(),
  };
}
