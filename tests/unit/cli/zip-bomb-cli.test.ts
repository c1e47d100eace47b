/**
 * A zip bomb handed to the real command line (`glose export --from BOMB.zip`) gets a clear error
 * and exit code 1 within 200 MB of memory, measured as the child process's peak RSS (before the
 * limits: a 302 KB bomb took 1.9 GB). Three shapes: one entry of 300 MiB, a header that lies
 * about that size, and 200 entries of 2 MiB each that pass the per-entry limit but not the
 * ratio limit; and a .docx bomb given to `glose import`.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../formats/fixtures';
import { writeZipBomb, type BombEntry } from '../../support/zip-bomb';
import { gloseWith, tempDir } from './cli-helpers';

const MAX_RSS_MB = 200;
/** Whichever limit the entry crosses first (the ratio, for deflate's best case), named with the entry. */
const BOMB = /corpus\.json (is larger than 32 MB once decompressed|expands more than 100 times its compressed size): the archive was not read \(a zip bomb\?\)/;
const REPORT = ['--import', path.join(repoRoot, 'tests/support/report-max-rss.mjs')];

describe('a zip bomb on the command line', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function exportBomb(name: string, entries: BombEntry[], command = (bomb: string) => ['export', '--from', bomb, '--format', 'jsonl', '--out', path.join(dir, `${name}.jsonl`)], extension = '.zip'): Promise<{ code: number; stderr: string; rssMb: number }> {
    const bomb = path.join(dir, `${name}${extension}`);
    await writeZipBomb(bomb, entries);
    const run = await gloseWith(REPORT, ...command(bomb));
    const kb = /max-rss-kb (\d+)/.exec(run.stderr);
    console.log(`${name}: peak RSS ${(Number(kb?.[1]) / 1024).toFixed(0)} MB`);
    if (!kb) throw new Error(`no memory report in: ${run.stderr}`);
    return { code: run.code, stderr: run.stderr, rssMb: Number(kb[1]) / 1024 };
  }

  it('refuses one entry of 300 MiB (300 KB compressed) within 200 MB', async () => {
    const r = await exportBomb('big', [{ name: 'corpus.json', megabytes: 300 }]);
    expect(r.stderr).toMatch(BOMB);
    expect(r.code).toBe(1);
    expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
  }, 60_000);

  it('refuses it as well when the header claims 100 bytes', async () => {
    const r = await exportBomb('liar', [{ name: 'corpus.json', megabytes: 300, declaredSize: 100 }]);
    expect(r.stderr).toMatch(BOMB);
    expect(r.code).toBe(1);
    expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
  }, 60_000);

  it('refuses 200 entries of 2 MiB each by their ratio within 200 MB', async () => {
    const entries = Array.from({ length: 200 }, (_, i) => ({ name: `articles/a${i}/text.txt`, megabytes: 2 }));
    const r = await exportBomb('many', entries);
    expect(r.stderr).toMatch(/expands more than 100 times its compressed size: the archive was not read/);
    expect(r.code).toBe(1);
    expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
  }, 60_000);

  it('refuses a Word document whose document.xml is a bomb, before the Word reader sees it', async () => {
    const r = await exportBomb('word', [{ name: 'word/document.xml', megabytes: 300 }], (bomb) => ['import', bomb, '--into', path.join(dir, 'word-bundle.zip')], '.docx');
    expect(r.stderr).toMatch(/word\.docx: word\/document\.xml (is larger than 32 MB|expands more than 100 times)/);
    expect(r.code).toBe(1);
    expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
  }, 60_000);
});
