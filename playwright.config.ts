import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './tests/support/chromium';

// The built renderer, served on 127.0.0.1 by the same server `npm start` falls back to,
// driven in Debian's Chromium (never a downloaded browser), at two window widths: nothing
// may depend on where lines wrap.
// GLOSE_E2E_PORT lets two runs on one machine use different ports
const PORT = Number(process.env.GLOSE_E2E_PORT ?? 4317);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  console.error(`Browser tests need Chromium at ${CHROMIUM}: install it with "sudo apt-get install chromium" (Debian, Ubuntu) or set CHROMIUM_PATH to a Chromium binary.`);
  process.exit(1);
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  // two spec files at a time: most of a browser test is waiting (a server, a sync, a timer), so two
  // share the 2 cores of the CI machine well (0.78 of one worker's wall time, docs/testing.md)
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'wide', use: { viewport: { width: 1280, height: 800 } } },
    // only the tests tagged @narrow: what they assert depends on the layout below 1,000 px (the
    // sidebar as a drawer, the map, dialogs, fonts); the rest is the same at any width, and the
    // accessibility spec narrows each view itself (1,280 → 800 → 640 px). The rule: docs/testing.md
    { name: 'narrow', use: { viewport: { width: 900, height: 800 } }, grep: /@narrow/ },
  ],
  webServer: {
    command: `node --import tsx electron/cli/serve-renderer.ts --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
