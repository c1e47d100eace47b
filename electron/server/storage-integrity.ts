/**
 * Storage never starts partial. Before the LevelDB database is opened, its directory is
 * classified: absent or empty is a new database; files without LevelDB's `CURRENT` are a
 * damaged one (a partial copy), never "new" — LevelDB would otherwise create a fresh database
 * over it and delete the old tables. After opening, every entry is read once (LevelDB's block
 * errors surface here) and fingerprinted (count and SHA-256 of keys and values), which a clean
 * close seals (storage-seal.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import type { ClassicLevel } from 'classic-level';

/** The database directory cannot be used as it is: the server must not start on it. */
export class StorageDamaged extends Error {
  constructor(
    readonly directory: string,
    readonly problem: string,
  ) {
    super(`${directory}: the database is damaged: ${problem}. The server did not start. Keep this directory as it is and restore a backup (glose restore), or move it away to start an empty class.`);
  }
}

/** A stored entry could not be read back (LevelDB reported corruption). */
export class StorageCorrupt extends Error {}

export interface Fingerprint {
  entries: number;
  digest: string;
}

/** 'new' for an absent or empty directory, 'existing' for a LevelDB database; damaged otherwise. */
export function classify(directory: string): 'new' | 'existing' {
  if (!existsSync(directory)) return 'new';
  const files = readdirSync(directory);
  if (files.length === 0) return 'new';
  if (!files.includes('CURRENT')) throw new StorageDamaged(directory, `LevelDB's CURRENT file is missing (${files.length} other files are there: an incomplete copy?)`);
  return 'existing';
}

/** True when LevelDB reported that the data itself is unreadable (not a lock or a closed database). */
export function isCorruption(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { message?: string } } | null;
  return e?.code === 'LEVEL_CORRUPTION' || /Corruption/.test(`${e?.message ?? ''} ${e?.cause?.message ?? ''}`);
}

/** Reads every entry once, without filling the block cache; a LevelDB read error is damage. */
export async function fingerprint(db: ClassicLevel<string, Uint8Array>, directory: string): Promise<Fingerprint> {
  const hash = createHash('sha256');
  let entries = 0;
  try {
    for await (const [key, value] of db.iterator({ fillCache: false })) {
      const k = Buffer.from(key, 'utf8');
      hash.update(lengthOf(k.length)).update(k).update(lengthOf(value.length)).update(value);
      entries++;
    }
  } catch (error) {
    if (isCorruption(error)) throw new StorageDamaged(directory, `an entry cannot be read (${describe(error)})`);
    throw error;
  }
  return { entries, digest: hash.digest('hex') };
}

function lengthOf(n: number): Uint8Array {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function describe(error: unknown): string {
  const e = error as { message?: string; cause?: { message?: string } };
  return e.cause?.message ?? e.message ?? String(error);
}
