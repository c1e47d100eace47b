import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/electron/**/*.test.ts'],
    environment: 'node',
    // the command lines the tests spawn, bundled once per run (tests/support/bundle-cli.ts)
    globalSetup: ['tests/support/bundle-cli.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
