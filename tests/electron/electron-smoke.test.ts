/**
 * The real app in a real Electron (Playwright's `_electron`), where a binary is installed:
 * the window shows app://glose/index.html, the page has no Node, gets the CSP and the preload's
 * GloseApi, and cannot open windows. Where no binary can be had it is skipped, saying why.
 * Needs `npm run build` first (it checks, and fails if the build is missing).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GloseApi } from '../../shared/api/contract';
import { installedElectron } from '../../electron/cli/start';

const appDir = resolve(import.meta.dirname, '..', '..');
const binary = installedElectron(dirname(createRequire(import.meta.url).resolve('electron')), process.env);
if (!binary) {
  console.warn('Electron smoke test SKIPPED: no Electron binary is installed here (node_modules/electron/path.txt names none; `npm start` downloads it where there is network).');
}

describe.skipIf(!binary)('Electron smoke test', () => {
  it('opens the app from app:// with the secure defaults and the preload API', async () => {
    expect(existsSync(join(appDir, 'dist', 'electron', 'main.cjs')), 'run `npm run build` first').toBe(true);
    const { _electron } = await import('@playwright/test');
    const app = await _electron.launch({ executablePath: binary ?? '', args: [appDir] });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toBe('app://glose/index.html');
      const seen = await page.evaluate(async () => {
        const glose = (window as Window & { glose?: GloseApi }).glose;
        const response = await fetch(location.href);
        return {
          node: typeof (globalThis as { process?: unknown }).process + typeof (globalThis as { require?: unknown }).require,
          csp: response.headers.get('content-security-policy'),
          info: await glose?.appInfo(),
          popup: window.open('https://example.org/') === null,
        };
      });
      expect(seen.node).toBe('undefinedundefined');
      expect(seen.csp).toContain("script-src 'self'");
      expect(seen.info).toMatchObject({ shell: 'electron' });
      expect(seen.popup).toBe(true);
    } finally {
      await app.close();
    }
  });
});
