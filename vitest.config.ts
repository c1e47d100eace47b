import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/electron/**/*.test.ts'],
    environment: 'node',
    // the command lines the tests spawn, bundled once per run (tests/support/bundle-cli.ts)
    globalSetup: ['tests/support/bundle-cli.ts'],
    // two test files at a time on the 2-core CI machine (the default there is one): most of the slow files
    // wait on child processes, servers, Redis or PostgreSQL (docs/testing.md)
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
