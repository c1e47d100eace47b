/**
 * Where the command line's exports go, as outputs of the shared export loop
 * (shared/formats/export-runner.ts): one file streamed to PATH, a folder of files (brat, AIF),
 * (never through a symbolic link: folder-output.ts), or a zip on disk (bundles, or any format
 * when PATH ends in .zip) that waits for the disk between articles. A failed export leaves no partial file behind.
 */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { isMultiFile, singleFileName, type CorpusFormat, type ExportOutput } from '../../../shared/formats/export-runner';
import { writeInside } from './folder-output';
import { write } from './research-io';
import { zipFile } from './zip-file';

/** A zip at `file`; a chunk without a file name (a one-file format) is stored as `single`. */
export function zipOutput(file: string, single = 'export'): ExportOutput<void> {
  const zip = zipFile(file);
  return {
    async put(chunks) {
      for (const c of chunks) zip.add(c.file || single, c.text);
      await zip.drain();
    },
    close: () => zip.close(),
    async abort() {
      await zip.close().catch(() => undefined);
      rmSync(file, { force: true });
    },
  };
}

function streamOutput(file: string): ExportOutput<void> {
  const stream = createWriteStream(file);
  return {
    async put(chunks) {
      for (const c of chunks) await write(stream, c.text);
    },
    async close() {
      stream.end();
      await once(stream, 'finish');
    },
    abort() {
      stream.destroy();
      rmSync(file, { force: true });
    },
  };
}

function folderOutput(folder: string): ExportOutput<void> {
  return {
    put(chunks) {
      for (const c of chunks) writeInside(folder, c.file, c.text);
    },
    close() {},
  };
}

/** The output `--out PATH` names for `format`. */
export function fileOutput(out: string, format: CorpusFormat): ExportOutput<void> {
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  if (format === 'bundle' || out.endsWith('.zip')) return zipOutput(out, format === 'bundle' ? undefined : singleFileName(format));
  return isMultiFile(format) ? folderOutput(out) : streamOutput(out);
}
