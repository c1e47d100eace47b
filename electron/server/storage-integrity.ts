/**
 * Storage never starts partial. Before the LevelDB database is opened, its directory is
 * classified: absent or empty is a new database; files without LevelDB's `CURRENT` are a
 * damaged one (a partial copy), never "new" — LevelDB would otherwise create a fresh database
 * over it and delete the old tables. After opening, every entry is read once (LevelDB's block
 * errors surface here) and fingerprinted (count and SHA-256 of keys and values); a clean close
 * seals that fingerprint in `glose-state.json` beside LevelDB's files, so a database that
 * changed while no server held it (a truncated log, flipped bytes, lost tables) refuses to
 * open. After a kill -9 the seal says "open": the entries are still read through, but there is
 * no fingerprint to compare (a torn log tail after a power cut needs `--fsync`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassicLevel } from 'classic-level';
import { z } from 'zod';

export const STATE_FILE = 'glose-state.json';

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

const stateSchema = z.object({ format: z.literal(1), state: z.enum(['open', 'closed']), entries: z.number().int().nonnegative(), digest: z.string() });
export type Seal = z.infer<typeof stateSchema>;
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

/** Compares what was read with the seal of the last clean close; throws when they differ. */
export function checkSeal(directory: string, found: Fingerprint): void {
  const seal = readSeal(directory);
  if (seal?.state !== 'closed') return;
  if (seal.entries !== found.entries) throw new StorageDamaged(directory, `${seal.entries} entries were stored at the last clean stop, ${found.entries} are readable now`);
  if (seal.digest !== found.digest) throw new StorageDamaged(directory, 'the stored entries changed since the last clean stop (checksum mismatch)');
}

export function readSeal(directory: string): Seal | null {
  const file = join(directory, STATE_FILE);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new StorageDamaged(directory, `${STATE_FILE} is not readable JSON`);
  }
  const seal = stateSchema.safeParse(parsed);
  if (!seal.success) throw new StorageDamaged(directory, `${STATE_FILE} has an unknown shape`);
  return seal.data;
}

/** Writes the seal atomically (a temporary file renamed over the old one), mode 0600. */
export function writeSeal(directory: string, state: Seal['state'], print: Fingerprint): void {
  const file = join(directory, STATE_FILE);
  const seal: Seal = { format: 1, state, entries: print.entries, digest: print.digest };
  writeFileSync(`${file}.tmp`, JSON.stringify(seal) + '\n', { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
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
