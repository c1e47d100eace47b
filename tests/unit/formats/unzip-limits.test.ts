/**
 * The zip reader's limits on small archives, in process: an entry over the size limit is refused
 * with its name even when it compresses poorly; a small, very compressible file (1 MiB of
 * spaces, ~1000:1) is still read, because the ratio applies only beyond its allowance; and
 * nothing after a refused entry reaches the reader. The same with Node's native inflate (as the
 * command line reads bundles), which also gives back the same files as fflate's.
 */
import { zipSync } from 'fflate';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { unzipSource, ZIP_LIMITS, type RawInflate, type ZipLimits } from '../../../shared/formats/unzip-source';
import { prng } from '../../support/prng';

const native: RawInflate = (data, maxBytes) => inflateRawSync(data, { maxOutputLength: maxBytes });

function read(zip: Uint8Array, limits?: ZipLimits, inflate?: RawInflate): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  const unzip = unzipSource((name, text) => files.push(`${name} ${text.length}`), (e) => errors.push(e.message), limits, inflate);
  for (let at = 0; at < zip.length; at += 1000) unzip.push(zip.subarray(at, at + 1000), at + 1000 >= zip.length);
  return { files, errors };
}

/** Text that compresses about 2:1 (random letters), seeded. */
function letters(length: number, seed: number): Uint8Array {
  const random = prng(seed);
  return Uint8Array.from({ length }, () => 97 + Math.floor(random() * 26));
}

describe.each([['fflate', undefined], ['native zlib', native]])('unzipSource limits, %s inflate', (_, inflate) => {
  it('refuses an entry larger than maxEntryBytes, by name, and reads nothing after it', () => {
    const zip = zipSync({ 'small.txt': letters(1000, 1), 'big.txt': letters(1_500_000, 2), 'after.txt': letters(10, 3) });
    const r = read(zip, { ...ZIP_LIMITS, maxEntryBytes: 1 << 20 }, inflate);
    expect(r.errors).toEqual(['big.txt is larger than 1 MB once decompressed: the archive was not read (a zip bomb?)']);
    expect(r.files).toEqual(['small.txt 1000']);
  });

  it('reads a small file that compresses 1000:1 with the default limits', () => {
    const zip = zipSync({ 'spaces.txt': new Uint8Array(1 << 20).fill(32) }, { level: 9 });
    expect(zip.length).toBeLessThan(5_000);
    expect(read(zip, undefined, inflate)).toEqual({ files: [`spaces.txt ${1 << 20}`], errors: [] });
  });

  it('refuses an entry that expands more than maxRatio times, and reads the same files as fflate otherwise', () => {
    const zip = zipSync({ 'a.txt': letters(3000, 4), 'spaces.txt': new Uint8Array(1 << 20).fill(32), 'b.txt': letters(5, 5) }, { level: 9 });
    expect(read(zip, { ...ZIP_LIMITS, ratioAllowance: 1 << 16 }, inflate)).toEqual({
      files: ['a.txt 3000'],
      errors: ['spaces.txt expands more than 100 times its compressed size: the archive was not read (a zip bomb?)'],
    });
    expect(read(zip, undefined, inflate)).toEqual(read(zip));
  });
});
