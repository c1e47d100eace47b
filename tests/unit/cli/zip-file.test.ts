/**
 * The command line's zip file, deflated in a worker thread (zip-file.ts), is byte for byte the
 * archive a single-threaded run writes with the same files in the same order (zip-sink.ts with
 * Node's synchronous deflate): across many batches, files larger than what may wait at once,
 * empty files, bytes and text (emoji, a lone surrogate).
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { zipFile } from '../../../electron/cli/commands/zip-file';
import { zipSink } from '../../../shared/formats/zip-sink';
import { tempDir } from './cli-helpers';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Articles of files: text of every size up to 5 MB (more than may wait at once), bytes, and empty files. */
function articles(): [string, string | Uint8Array][][] {
  let seed = 3;
  const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  return Array.from({ length: 40 }, (_, a) => [
    [`articles/a${a}/article.json`, `{"id":"a${a}","title":"café 🤖 \uD800"}\n`],
    [`articles/a${a}/text.txt`, `le texte ${a} `.repeat(random(a === 7 ? 400_000 : 3000))],
    [`articles/a${a}/layers/l.json`, a % 5 === 0 ? '' : `[${'{"k":1},'.repeat(random(500))}{}]\n`],
    [`articles/a${a}/raw.bin`, Uint8Array.from({ length: random(2000) }, () => random(256))],
  ]);
}

function singleThreaded(files: [string, string | Uint8Array][][]): Buffer {
  const chunks: Uint8Array[] = [];
  const sink = zipSink((c) => chunks.push(c), (e) => { throw e; });
  for (const article of files) {
    for (const [name, content] of article) {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      sink.addDeflated(name, { data: deflateRawSync(bytes), size: bytes.byteLength, crc: crc32(bytes) });
    }
  }
  sink.end();
  return Buffer.concat(chunks);
}

describe('zipFile', () => {
  it('writes the same bytes as a single-threaded deflate, in the order the files were added', async () => {
    const files = articles();
    const file = path.join(dir, 'out.zip');
    const zip = zipFile(file);
    for (const article of files) {
      for (const [name, content] of article) zip.add(name, content);
      await zip.drain();
    }
    await zip.close();
    expect(readFileSync(file).equals(singleThreaded(files))).toBe(true);
  });
});
