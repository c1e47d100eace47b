/**
 * The bundled main process can import from a URL: the page extractor (jsdom, Readability,
 * DOMPurify) bundled with the very options of `npm run build:electron` (bundle-options.ts) and run
 * from dist/ reads a saved seed page. Bundled into the file, jsdom would look for files of its own
 * (its default stylesheet, a worker) beside the bundle and fail; the second test shows that it would.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBundle } from '../../electron/cli/bundle-options';

const root = resolve(import.meta.dirname, '..', '..');
const outdir = join(root, 'dist', 'test-bundle-page');

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

async function bundleAndRun(options: typeof electronBundle): Promise<string> {
  const contents = `import { readFileSync } from 'node:fs';
    import { extractArticle } from './electron/server/page-extract';
    const got = extractArticle(readFileSync(process.argv[2], 'utf8'), 'https://news.example/a');
    console.log(got.ok ? got.value.title : 'refused ' + got.error.code);`;
  await build({ ...options, stdin: { contents, resolveDir: root, loader: 'ts' }, outfile: join(outdir, 'extract.cjs'), sourcemap: false, logLevel: 'silent' });
  return execFileSync(process.execPath, [join(outdir, 'extract.cjs'), join(root, 'tests/fixtures/pages/seed-004.html')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('import from a URL in the bundled main process', () => {
  it('extracts a saved page: jsdom stays outside the bundle', async () => {
    expect(await bundleAndRun(electronBundle)).toContain('Meta and Spotify attack European laws');
  });

  it('would not, were jsdom bundled in (so the test above can fail)', async () => {
    const bundledIn = (electronBundle.external ?? []).filter((name) => name !== 'jsdom');
    await expect(bundleAndRun({ ...electronBundle, external: bundledIn })).rejects.toThrow(/default-stylesheet\.css|xhr-sync-worker/);
  });
});
