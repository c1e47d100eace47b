/**
 * The zip sink fed files deflated elsewhere (what the command line does: Node's native deflate
 * and CRC-32, in a worker) makes an archive any reader opens, holding the same files as fflate's
 * own deflate, byte for byte once unzipped, with the same sizes and CRCs in its central
 * directory, and the same archive every time for the same content.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipSink } from '../../../shared/formats/zip-sink';

const FILES: [string, string][] = [
  ['corpus.json', '{"id":"c"}\n'],
  ['articles/a1/text.txt', 'le café des géants 🤖 '.repeat(2000)],
  ['articles/a1/layers/ann.json', '[]\n'],
  ['empty.txt', ''],
];

function zipped(native: boolean): Uint8Array {
  const chunks: Uint8Array[] = [];
  const sink = zipSink((c) => chunks.push(c), (e) => { throw e; });
  for (const [name, text] of FILES) {
    const bytes = Buffer.from(text);
    if (native) sink.addDeflated(name, { data: deflateRawSync(bytes), size: bytes.byteLength, crc: crc32(bytes) });
    else sink.add(name, text);
  }
  sink.end();
  return Buffer.concat(chunks);
}

/** Each central directory entry's name, CRC-32 and uncompressed size (read from the end of the archive, as readers do). */
function directory(zip: Uint8Array): [string, number, number][] {
  const view = Buffer.from(zip);
  const end = view.length - 22; // no archive comment
  const entries: [string, number, number][] = [];
  for (let at = view.readUInt32LE(end + 16), i = 0; i < view.readUInt16LE(end + 10); i++) {
    const name = view.toString('utf8', at + 46, at + 46 + view.readUInt16LE(at + 28));
    entries.push([name, view.readUInt32LE(at + 16), view.readUInt32LE(at + 24)]);
    at += 46 + view.readUInt16LE(at + 28) + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
  }
  return entries;
}

describe('zipSink', () => {
  it('writes files deflated natively as the same files as with fflate, with the same CRCs, and the same bytes each time', () => {
    const native = zipped(true);
    const files = unzipSync(native);
    expect(Object.keys(files)).toEqual(FILES.map(([n]) => n));
    for (const [name, text] of FILES) expect(strFromU8(files[name]!)).toBe(text);
    expect(unzipSync(zipped(false))).toEqual(files);
    expect(directory(native)).toEqual(directory(zipped(false)));
    expect(directory(native).map(([name]) => name)).toEqual(FILES.map(([n]) => n));
    expect(Buffer.from(zipped(true)).equals(Buffer.from(native))).toBe(true);
    expect(native.length).toBeLessThan(FILES.reduce((n, [, t]) => n + Buffer.byteLength(t), 0) / 5);
  });
});
