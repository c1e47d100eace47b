/**
 * Vitest's global setup: bundles the two command lines the tests run as child processes
 * (`electron/cli/glose.ts`, `electron/cli/server.ts`, and the import's reading worker) once per run with esbuild, the compiler tsx
 * itself uses, into node_modules/.cache, and names the bundles in GLOSE_TEST_CLI_DIR. A child then
 * starts in about 0.3 s of CPU instead of 0.9 s under `node --import tsx` (which compiles every
 * module again in each process); the tests spawn about 90 of them. Packages stay external, loaded
 * from node_modules as tsx loads them. Outside vitest (Playwright, the benches) the variable is
 * unset and the helpers run the sources with tsx (tests/support/cli-entry.ts). In watch mode the
 * bundle is built again before each rerun, so a changed source is never tested stale.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

const outdir = path.resolve('node_modules/.cache/glose-test-cli', String(process.pid));
const WORKER = 'foreign-groups-worker-bundle';

/**
 * The command lines, and the worker thread that reads a W3C file during `glose import`
 * (foreign-groups-thread.ts). The command bundles `./foreign-groups-worker.ts` beside its own
 * module into the worker's script (worker-script.ts): in the bundle that is a one-line module
 * beside the chunks that loads the bundled worker (its packages resolve from node_modules, as
 * this directory is inside it), so the tests run the worker as users do, not the fallback.
 */
async function bundle(): Promise<void> {
  await build({
    entryPoints: { glose: 'electron/cli/glose.ts', server: 'electron/cli/server.ts', [WORKER]: 'electron/cli/commands/foreign-groups-worker.ts' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  // tsx loads a .ts file under node_modules as CommonJS: the bundle (ESM) is imported, not required
  writeFileSync(path.join(outdir, 'foreign-groups-worker.ts'), `void import('./${WORKER}.mjs');\n`);
}

export default async function bundleCli(project: TestProject): Promise<() => void> {
  await bundle();
  project.onTestsRerun(async () => void (await bundle()));
  process.env.GLOSE_TEST_CLI_DIR = outdir;
  return () => rmSync(outdir, { recursive: true, force: true });
}
