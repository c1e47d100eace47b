/**
 * How the Electron main process and preload are bundled (esbuild, CommonJS for dist/electron).
 * `electron` is provided by the runtime; native modules stay external too, because they find
 * their compiled binding next to their own package (node-gyp-build reads `<package>/prebuilds`):
 * bundled, `classic-level` would look for it in dist/electron and "Host a class" would fail in
 * the packaged app. electron-builder ships them as production dependencies in node_modules.
 * jsdom (import from a URL: electron/server/page-extract.ts) stays external for the same kind of
 * reason: it reads files of its own at run time (its default stylesheet, a worker), which a
 * bundle would leave behind (tests/electron/bundle-page-import.test.ts).
 */
import type { BuildOptions } from 'esbuild';

export const NATIVE_MODULES = ['classic-level'];
/** Pure-JS packages that find their own files at run time. */
export const SELF_LOCATING_MODULES = ['jsdom'];

export const electronBundle: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  outExtension: { '.js': '.cjs' },
  external: ['electron', ...NATIVE_MODULES, ...SELF_LOCATING_MODULES],
  sourcemap: 'linked',
  logLevel: 'warning',
};
