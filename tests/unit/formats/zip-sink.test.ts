/**
 * The zip sink with Node's native deflate (what the command line uses) makes an archive any
 * reader opens, holding the same files as fflate's own deflate, byte for byte once unzipped,
 * and the same archive every time for the same content.
 */
import { deflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipSink, type RawDeflate } from '../../../shared/formats/zip-sink';

const FILES: [string, string][] = [
  ['corpus.json', '{"id":"c"}\n'],
  ['articles/a1/text.txt', 'le café des géants 🤖 '.repeat(2000)],
  ['articles/a1/layers/ann.json', '[]\n'],
  ['empty.txt', ''],
];

function zipped(deflate?: RawDeflate): Uint8Array {
  const chunks: Uint8Array[] = [];
  const sink = zipSink((c) => chunks.push(c), (e) => { throw e; }, deflate);
  for (const [name, text] of FILES) sink.add(name, text);
  sink.end();
  return Buffer.concat(chunks);
}

describe('zipSink', () => {
  it('writes with a native deflate the same files as with fflate, and the same bytes each time', () => {
    const native = zipped((d) => deflateRawSync(d));
    const files = unzipSync(native);
    expect(Object.keys(files)).toEqual(FILES.map(([n]) => n));
    for (const [name, text] of FILES) expect(strFromU8(files[name]!)).toBe(text);
    expect(unzipSync(zipped())).toEqual(files);
    expect(Buffer.from(zipped((d) => deflateRawSync(d))).equals(Buffer.from(native))).toBe(true);
    expect(native.length).toBeLessThan(FILES.reduce((n, [, t]) => n + Buffer.byteLength(t), 0) / 5);
  });
});
