/**
 * The seal of a database: `glose-state.json` beside LevelDB's files, written atomically. A clean
 * close writes `closed` with the fingerprint of every entry (storage-integrity.ts) and the names
 * of LevelDB's files; opening writes `open`. On the next open of a `closed` database:
 * - a file of the seal that is gone (a partial copy without its log) is damage;
 * - the same files but other entries (a truncated log, flipped bytes) is damage;
 * - files newer than the seal's (LevelDB numbers files in creation order) mean another program
 *   opened the database since (an older Glose, a LevelDB tool): its entries are still read
 *   through, but there is nothing to compare them with, so it opens with a warning rather
 *   than refusing a healthy database.
 * After a kill -9 the seal says `open`: the entries are read through, there is no fingerprint
 * to compare (what a kill -9 leaves is whole; a power cut needs `--fsync`).
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StorageDamaged, type Fingerprint } from './storage-integrity';

export const STATE_FILE = 'glose-state.json';

const sealSchema = z.object({
  format: z.literal(1),
  state: z.enum(['open', 'closed']),
  entries: z.number().int().nonnegative(),
  digest: z.string(),
  files: z.array(z.string()),
});
export type Seal = z.infer<typeof sealSchema>;

/** LevelDB's own data files in `directory` (its info logs and lock left out), sorted. */
function levelFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((f) => /^(CURRENT|MANIFEST-\d+|\d+\.(log|ldb|sst))$/.test(f))
    .sort();
}

/** LevelDB numbers its files in creation order: a higher number was written later. */
function fileNumber(file: string): number {
  return Number(/\d+/.exec(file)?.[0] ?? 0);
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
  const seal = sealSchema.safeParse(parsed);
  if (!seal.success) throw new StorageDamaged(directory, `${STATE_FILE} has an unknown shape`);
  return seal.data;
}

/**
 * Before LevelDB opens the database: the seal of its last clean close, when its files are all
 * there and nothing else wrote since (compare the entries with it after opening); null when
 * there is nothing to compare with. Throws when files of the last clean close are missing.
 */
export function sealToCompare(directory: string): Seal | null {
  const seal = readSeal(directory);
  if (seal?.state !== 'closed') return null;
  const files = levelFiles(directory);
  const sealed = Math.max(0, ...seal.files.map(fileNumber));
  if (files.some((f) => fileNumber(f) > sealed)) {
    console.warn(`${directory}: another program opened this database since Glose last stopped it; its entries were all read, but cannot be compared with that stop`);
    return null;
  }
  const missing = seal.files.filter((f) => !files.includes(f));
  if (missing.length > 0) throw new StorageDamaged(directory, `files of the last clean stop are missing: ${missing.join(', ')}`);
  return seal;
}

/** After opening: the entries read now against the sealed ones. */
export function checkSeal(directory: string, seal: Seal | null, found: Fingerprint): void {
  if (!seal) return;
  if (seal.entries !== found.entries) throw new StorageDamaged(directory, `${seal.entries} entries were stored at the last clean stop, ${found.entries} are readable now`);
  if (seal.digest !== found.digest) throw new StorageDamaged(directory, 'the stored entries changed since the last clean stop (checksum mismatch)');
}

/** Writes the seal atomically (a temporary file renamed over the old one), mode 0600. */
export function writeSeal(directory: string, state: Seal['state'], print: Fingerprint): void {
  const file = join(directory, STATE_FILE);
  const seal: Seal = { format: 1, state, entries: print.entries, digest: print.digest, files: levelFiles(directory) };
  writeFileSync(`${file}.tmp`, JSON.stringify(seal) + '\n', { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
