// Lint, and the folder import table of ARCHITECTURE.md §1: each folder names where its code
// runs, and these rules keep it from importing what cannot run there.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'dgram', 'crypto', 'url', 'worker_threads', 'stream', 'events', 'util', 'zlib'];

function forbid(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...forbid(['electron', ...nodeBuiltins, '**/renderer/**', '**/electron/**', 'react', 'react-dom', 'lexical', '@lexical/*'],
        'shared/ runs in every process: no Electron, Node, DOM or UI imports (ARCHITECTURE.md §1).'),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: forbid(['electron', ...nodeBuiltins, '**/electron/**'],
      'renderer/ runs in the page: no Electron or Node imports; use the GloseApi (ARCHITECTURE.md §1).'),
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: forbid(['**/renderer/**', 'react', 'react-dom', 'lexical', '@lexical/*'], 'electron/ never imports the renderer (ARCHITECTURE.md §1).'),
  },
  {
    files: ['electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: forbid(['electron', '**/renderer/**', '**/main/**', '**/preload/**'],
      'the sync server and the command line run in plain Node: no electron import (ARCHITECTURE.md §1).'),
  },
  {
    files: ['tests/**/*.{ts,tsx}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // browser specs take `test` from their fixtures, which close the contexts a test opens (docs/testing.md)
    files: ['tests/e2e/**/*.ts'],
    ignores: ['tests/e2e/fixtures.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@playwright/test', importNames: ['test'], message: 'import test from ./fixtures: it closes the browser contexts a test opens.' }] }],
    },
  },
);
