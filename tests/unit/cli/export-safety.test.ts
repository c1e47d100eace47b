/**
 * What a hostile export folder or a hostile note can do through the real command line:
 * CSV cells a spreadsheet would run as formulas are neutralised with a leading `'` (and
 * written raw with --csv-raw); a brat export never writes through a symbolic link planted in
 * its output folder, whether the link is a layer's folder or one file, and leaves the files
 * the links point to untouched.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWriter } from '../../../shared/formats/bundle-writer';
import { runWriter } from '../../../shared/formats/run-writer';
import { CORPUS, seedCorpus } from '../formats/fixtures';
import { glose, tempDir } from './cli-helpers';

const corpus = seedCorpus(5);
const firstArticle = corpus[0]!.article.id;
let dir = '';
let bundle = '';
const at = (name: string): string => path.join(dir, name);

beforeAll(() => {
  dir = tempDir();
  bundle = at('corpus.zip');
  const files = runWriter(bundleWriter({ corpus: CORPUS, app: { name: 'glose', version: '0.1.0' }, now: () => new Date('2025-10-01T12:00:00Z'), pseudonymised: false }), corpus);
  writeFileSync(bundle, zipSync(Object.fromEntries([...files].map(([file, text]) => [file, strToU8(text)]))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('glose export --format csv', () => {
  it('writes =1+1 as \'=1+1 by default, and as typed with --csv-raw', async () => {
    const [safe, raw] = await Promise.all([
      glose('export', '--from', bundle, '--format', 'csv', '--out', at('safe.csv')),
      glose('export', '--from', bundle, '--format', 'csv', '--out', at('raw.csv'), '--csv-raw'),
    ]);
    expect([safe.code, raw.code], safe.stderr + raw.stderr).toEqual([0, 0]);
    expect(readFileSync(at('safe.csv'), 'utf8')).toMatch(/,'=1\+1,/);
    expect(readFileSync(at('safe.csv'), 'utf8')).not.toMatch(/,=1\+1,/);
    expect(readFileSync(at('raw.csv'), 'utf8')).toMatch(/,=1\+1,/);
  });
});

describe('glose export --format brat into a folder holding symbolic links', () => {
  it('refuses a layer folder that is a link out of the output folder, and writes nothing there', async () => {
    const out = at('brat-dir-link');
    const victim = at('victim-dir');
    mkdirSync(out);
    mkdirSync(victim);
    symlinkSync(victim, path.join(out, 'alice'));
    const r = await glose('export', '--from', bundle, '--format', 'brat', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(out, 'alice')} is a symbolic link: an export never writes through one`);
    expect(readdirSync(victim)).toEqual([]);
  });

  it('refuses a file that is a link, and leaves the file it points to as it was', async () => {
    const out = at('brat-file-link');
    const victim = at('victim.txt');
    writeFileSync(victim, 'keep me\n');
    mkdirSync(path.join(out, 'alice'), { recursive: true });
    symlinkSync(victim, path.join(out, 'alice', `${firstArticle}.ann`));
    const r = await glose('export', '--from', bundle, '--format', 'brat', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(out, 'alice', `${firstArticle}.ann`)} is a symbolic link`);
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
  });

  it('writes a clean folder as before', async () => {
    const r = await glose('export', '--from', bundle, '--format', 'brat', '--out', at('brat-clean'));
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(at('brat-clean'), 'alice', `${firstArticle}.ann`))).toBe(true);
  });
});
