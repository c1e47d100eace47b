/**
 * Writes the files of a multi-file export (brat, AIF) into an output folder without ever
 * leaving it: a file name that climbs out (`../`, an absolute path) is refused, and so is a
 * symbolic link met on the way, whether a folder or the file itself (the file is opened with
 * O_NOFOLLOW, so a link planted at the last moment fails too). An export folder that someone
 * else can write to (a shared drive, a downloaded archive unpacked in place) then cannot make
 * the export overwrite `~/.bashrc`. The folder named by `--out` itself is the user's choice and
 * may be a link.
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

const WRITE = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;

function refuseLink(at: string): never {
  throw new Error(`${at} is a symbolic link: an export never writes through one (remove it, or choose another --out)`);
}

/** Creates `dir` under `root` one level at a time, refusing any level that is a symbolic link. */
function realDirs(root: string, parts: string[]): string {
  let at = root;
  for (const part of parts) {
    at = path.join(at, part);
    const stat = lstatSync(at, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) refuseLink(at);
    if (!stat) mkdirSync(at);
    else if (!stat.isDirectory()) throw new Error(`${at} is not a folder`);
  }
  return at;
}

export function writeInside(root: string, file: string, text: string): void {
  const parts = file.split(/[\\/]/);
  if (path.isAbsolute(file) || parts.some((p) => p === '..' || p === '' || p === '.')) throw new Error(`${file}: an export file name must stay inside ${root}`);
  mkdirSync(root, { recursive: true });
  const dir = realDirs(root, parts.slice(0, -1));
  const target = path.join(dir, parts.at(-1)!);
  let fd: number;
  try {
    fd = openSync(target, WRITE, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') refuseLink(target);
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
