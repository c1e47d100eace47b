/**
 * The bundled main process can still load its native modules: a LevelDB class database opened
 * from code bundled with the very options of `npm run build:electron` (bundle-options.ts), run in
 * Node from dist/ as the packaged app runs from app.asar/dist. Bundled into the file, classic-level
 * would look for its compiled binding beside the bundle and fail ("No native build was found").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBundle } from '../../electron/cli/bundle-options';

const root = resolve(import.meta.dirname, '..', '..');
const outdir = join(root, 'dist', 'test-bundle');
const data = mkdtempSync(join(tmpdir(), 'glose-bundle-'));

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

async function bundleAndRun(options: typeof electronBundle): Promise<string> {
  const contents = `import { DocStore } from './electron/server/storage';
    void DocStore.open(process.argv[2], { fsync: false }).then(async (store) => {
      await store.close();
      console.log('opened');
    });`;
  await build({ ...options, stdin: { contents, resolveDir: root, loader: 'ts' }, outfile: join(outdir, 'open-store.cjs'), sourcemap: false });
  return execFileSync(process.execPath, [join(outdir, 'open-store.cjs'), join(data, `db-${Math.random()}`)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('the bundled main process', () => {
  it('opens a class database: native modules stay outside the bundle', async () => {
    expect(await bundleAndRun(electronBundle)).toContain('opened');
  });

  it('would not, were classic-level bundled in (so the test above can fail)', async () => {
    await expect(bundleAndRun({ ...electronBundle, external: ['electron'] })).rejects.toThrow(/No native build was found/);
  });
});
