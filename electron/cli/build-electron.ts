/**
 * Bundles the Electron main process and the preload with esbuild into dist/electron/*.cjs
 * (CommonJS: a sandboxed preload cannot be an ES module, and package.json "main" points at
 * main.cjs), with the options of bundle-options.ts.
 */
import { build } from 'esbuild';
import { electronBundle } from './bundle-options';

await build({ ...electronBundle, entryPoints: { main: 'electron/main/main.ts', preload: 'electron/preload/preload.ts' }, outdir: 'dist/electron' });
console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');
