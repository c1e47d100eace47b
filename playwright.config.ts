import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './tests/support/chromium';

// The built renderer, served on 127.0.0.1 by the same server `npm start` falls back to,
// driven in Debian's Chromium (never a downloaded browser).
// GLOSE_E2E_PORT lets two runs on one machine use different ports
const PORT = Number(process.env.GLOSE_E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `node --import tsx electron/cli/serve-renderer.ts --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
