/**
 * Streams whole files into a .zip (fflate), for bundles and for multi-file exports (brat, AIF)
 * written as one archive. Every entry gets the same fixed modification time so that the same
 * content always gives the same bytes. Files are deflated by fflate (in JavaScript, where there
 * is nothing else: the app's page), or come already deflated with their size and CRC-32
 * (`addDeflated`: the command line deflates them with Node's native zlib, about 2.5 times faster
 * than fflate at the same level, with smaller output, and takes their CRC from it too, where
 * fflate's JavaScript CRC cost the command ~0.3 s on a 55 MB bundle); fflate frames the archive.
 */
import { Zip, ZipDeflate, strToU8, type ZipInputFile } from 'fflate';

/** 1980-01-01, the earliest date a zip entry can hold. */
export const ZIP_EPOCH = new Date(1980, 0, 1);

/** A whole file deflated elsewhere: its raw DEFLATE (RFC 1951, no zlib header, normal level 6), and the byte length and CRC-32 of the file before. */
export interface DeflatedFile {
  data: Uint8Array;
  size: number;
  crc: number;
}

export interface ZipSink {
  add(file: string, content: string | Uint8Array): void;
  addDeflated(file: string, deflated: DeflatedFile): void;
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
    addDeflated(file, { data, size, crc }) {
      // deflate (8), general purpose flag 0 = normal level
      const entry: ZipInputFile = { filename: file, size, crc, compression: 8, mtime: ZIP_EPOCH };
      zip.add(entry);
      entry.ondata!(null, data as Uint8Array<ArrayBuffer>, true);
    },
    end: () => zip.end(),
  };
}
