/**
 * What a lost laptop or another account on the machine may read: nothing of the class. Data
 * directories are 0700 and the files in them 0600, whatever the umask. LevelDB creates its
 * files with the process umask, so `lockDown` fixes the modes of a directory tree when the
 * database opens and closes; a 0700 directory keeps the files in between out of reach.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Creates the directory (and its parents) if missing; the directory itself is made 0700. */
export function privateDir(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: DIR_MODE });
  chmodSync(directory, DIR_MODE);
}

/** Directory 0700, its files 0600, its sub-directories likewise; symbolic links are left alone. */
export function lockDown(directory: string): void {
  chmodSync(directory, DIR_MODE);
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) lockDown(path);
    else if (entry.isFile()) privateFile(path);
  }
}

/** A file LevelDB may delete at any moment (an obsolete table or log): a vanished file is fine. */
function privateFile(path: string): void {
  try {
    if ((lstatSync(path).mode & 0o777) !== FILE_MODE) chmodSync(path, FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
