/**
 * How a test starts one of the command lines as a child process: the bundle vitest's global
 * setup built (tests/support/bundle-cli.ts), or the source under tsx when there is none
 * (Playwright, the benches). Both run the same code; the bundle only starts faster.
 */
import path from 'node:path';

/** The node arguments that run `electron/cli/<name>.ts`. */
export function cliEntry(name: 'glose' | 'server'): string[] {
  const bundled = process.env.GLOSE_TEST_CLI_DIR;
  return bundled ? [path.join(bundled, `${name}.mjs`)] : ['--import', 'tsx', `electron/cli/${name}.ts`];
}
