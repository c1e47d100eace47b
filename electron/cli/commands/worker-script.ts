/**
 * A worker thread's TypeScript module and everything it imports, bundled by esbuild (the
 * compiler tsx itself uses) into one script to start with `new Worker(script, { eval: true })`.
 * The command line runs from its sources under `node --import tsx`, but Node 20 gives a worker
 * none of those hooks: a worker that registered tsx itself spent about 0.5 s of CPU (on the
 * worker and on a loader thread of its own) resolving and loading its ~130 modules one by one
 * through the hooks, against about 0.1 s to bundle them (in esbuild's own process, while the
 * command reads its file) and 0.08 s to start the bundle. The bundle is made from the sources as
 * they are (never stale) once per process, and held. Null when the module is not beside this one (the
 * command line bundled elsewhere, as in the tests) or esbuild cannot build it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const scripts = new Map<string, Promise<string | null>>();

async function bundled(entry: string): Promise<string | null> {
  if (!existsSync(entry)) return null;
  try {
    const out = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' });
    return out.outputFiles[0]?.text ?? null;
  } catch {
    return null;
  }
}

/** The script of the worker module at `url` (a file: URL), bundled once per process. */
export function workerScript(url: URL): Promise<string | null> {
  const entry = fileURLToPath(url);
  let script = scripts.get(entry);
  if (!script) scripts.set(entry, (script = bundled(entry)));
  return script;
}
