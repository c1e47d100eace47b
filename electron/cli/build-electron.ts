/**
 * Bundles the Electron main process and the preload with esbuild into dist/electron/*.cjs
 * (CommonJS: a sandboxed preload cannot be an ES module, and package.json "main" points at
 * main.cjs). `electron` stays external: the Electron runtime provides it.
 */
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'electron/main/main.ts', preload: 'electron/preload/preload.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');
