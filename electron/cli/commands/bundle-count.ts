/**
 * How many articles a bundle holds, read from the zip's central directory at the end of the
 * file (a few bytes per entry) without decompressing anything, so the progress bar of a
 * streamed command can show a total. Anything unexpected gives `undefined`: the bar then
 * counts without a total, and the stream reader reports the real error.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const ARTICLE = /^articles\/[A-Za-z0-9_-]+\/article\.json$/;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const n = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, n);
}

export function bundleArticleCount(path: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const tailStart = Math.max(0, size - 65_557); // EOCD (22 bytes) + the longest comment
    const tail = readAt(fd, tailStart, size - tailStart);
    let at = tail.length - 22;
    while (at >= 0 && tail.readUInt32LE(at) !== EOCD) at--;
    if (at < 0) return undefined;
    const directory = readAt(fd, tail.readUInt32LE(at + 16), tail.readUInt32LE(at + 12));
    let count = 0;
    for (let p = 0; p + 46 <= directory.length; ) {
      if (directory.readUInt32LE(p) !== CENTRAL) return undefined;
      const nameLength = directory.readUInt16LE(p + 28);
      if (ARTICLE.test(directory.toString('utf8', p + 46, p + 46 + nameLength))) count++;
      p += 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    }
    return count;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
