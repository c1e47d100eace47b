/**
 * How the Electron main process and preload are bundled (esbuild, CommonJS for dist/electron).
 * `electron` is provided by the runtime; native modules stay external too, because they find
 * their compiled binding next to their own package (node-gyp-build reads `<package>/prebuilds`):
 * bundled, `classic-level` would look for it in dist/electron and "Host a class" would fail in
 * the packaged app. electron-builder ships them as production dependencies in node_modules.
 */
import type { BuildOptions } from 'esbuild';

export const NATIVE_MODULES = ['classic-level'];

export const electronBundle: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  outExtension: { '.js': '.cjs' },
  external: ['electron', ...NATIVE_MODULES],
  sourcemap: 'linked',
  logLevel: 'warning',
};
