/**
 * The import's reading worker starts from one script esbuild makes of its sources
 * (worker-script.ts): the script runs as a worker, holds only the packages the worker reads
 * with (zod for the records' schemas, lib0's SHA-256), not the bundle's or Word's readers (Yjs,
 * mammoth, jszip, fflate: ~380 modules it once loaded for nothing), and a module that is not
 * there (the command line bundled elsewhere, as under a test runner) gives no script, so the
 * file is read on the command's thread.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workerScript } from '../../../electron/cli/commands/worker-script';

const WORKER = new URL('../../../electron/cli/commands/foreign-groups-worker.ts', import.meta.url);

/** The packages in an esbuild bundle, from the `// node_modules/NAME/…` line it writes above each module. */
const packagesOf = (script: string): string[] => [...new Set([...script.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((m) => m[1]!))].sort();

describe('workerScript', () => {
  it('bundles the reading worker with only the packages it reads with, and the script runs as a worker', async () => {
    const script = await workerScript(WORKER);
    expect(script).not.toBeNull();
    expect(packagesOf(script!)).toEqual(['lib0', 'zod']);
    expect(await workerScript(WORKER)).toBe(script); // made once per process
    const worker = new Worker(script!, { eval: true });
    await once(worker, 'online');
    await worker.terminate();
  });

  it('gives no script for a module that is not there', async () => {
    expect(await workerScript(new URL('./no-such-worker.ts', WORKER))).toBeNull();
  });
});
