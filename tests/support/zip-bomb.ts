/**
 * Writes hostile .zip files for tests: entries that each inflate to `megabytes` MiB of spaces
 * (deflate's best case, about 1000:1), with headers that may lie about the decompressed size.
 * The data is deflated as a stream, one MiB at a time, so building a 300 MiB bomb costs the
 * test little memory.
 */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { constants, crc32, createDeflateRaw } from 'node:zlib';

export interface BombEntry {
  name: string;
  megabytes: number;
  /** Decompressed size written in the headers instead of the real one. */
  declaredSize?: number;
}

const MIB = Buffer.alloc(1 << 20, 32);

async function deflated(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9, strategy: constants.Z_RLE });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  for (let i = 0; i < megabytes; i++) if (!deflate.write(MIB)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(parts);
}

function header(signature: number, fields: [number, 2 | 4][]): Buffer {
  const b = Buffer.alloc(4 + fields.reduce((n, [, size]) => n + size, 0));
  b.writeUInt32LE(signature, 0);
  let at = 4;
  for (const [value, size] of fields) {
    if (size === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value >>> 0, at);
    at += size;
  }
  return b;
}

export async function writeZipBomb(path: string, entries: BombEntry[]): Promise<void> {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = await deflated(entry.megabytes);
    let crc = 0;
    for (let i = 0; i < entry.megabytes; i++) crc = crc32(MIB, crc);
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.megabytes << 20;
    const common: [number, 2 | 4][] = [[20, 2], [0, 2], [8, 2], [0, 2], [0, 2], [crc, 4], [data.length, 4], [size, 4], [name.length, 2], [0, 2]];
    const local = Buffer.concat([header(0x04034b50, common), name]);
    central.push(Buffer.concat([header(0x02014b50, [[20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]]), name]));
    out.push(local, data);
    offset += local.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = header(0x06054b50, [[0, 2], [0, 2], [entries.length, 2], [entries.length, 2], [directory.length, 4], [offset, 4], [0, 2]]);
  writeFileSync(path, Buffer.concat([...out, directory, end]));
}
