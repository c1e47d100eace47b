/**
 * Streams the files out of a .zip (fflate): push the archive's bytes as they are read, receive
 * each file whole, in archive order, as soon as it is decompressed.
 */
import { Unzip, UnzipInflate, strFromU8 } from 'fflate';

export interface UnzipSource {
  push(chunk: Uint8Array, final: boolean): void;
}

export function unzipSource(onFile: (path: string, text: string) => void, onError: (error: Error) => void): UnzipSource {
  const unzip = new Unzip((file) => {
    const parts: Uint8Array[] = [];
    file.ondata = (error, data, final) => {
      if (error) return onError(error);
      parts.push(data);
      if (!final) return;
      const size = parts.reduce((n, p) => n + p.length, 0);
      const all = new Uint8Array(size);
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      onFile(file.name, strFromU8(all));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  return { push: (chunk, final) => unzip.push(chunk, final) };
}
