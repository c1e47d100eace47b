/**
 * `npm run bench` suite "join": `join_to_connected_ms`, from a student's click on "Join" (the code
 * typed on the page the class server serves, in Chromium) to the top bar showing "Connected" —
 * the join request, the session saved, the page reloaded into the class, the WebSocket opened and
 * authenticated. A real class server on 127.0.0.1 holding article 000; each round is a new
 * student in a fresh browser context (no cache, no IndexedDB). Same clock: Date.now() here and in
 * the page. The median of the rounds, and the slowest.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSyncServer } from '../../electron/server/sync-server';
import { mintToken } from '../../electron/server/tokens';
import { CHROMIUM_ARGS } from '../support/chromium';
import type { BenchOptions, BenchResult } from './bench-types';
import { client, listArticle } from './reveal-bench';
import { median } from './stats';

const SECRET = 'bench-join-secret-0123456789abcdefghijkl';
const CORPUS = 'rejoindre';

// a string, not a function: tsx would wrap the page's named helpers in a `__name` it lacks
const WATCH_CONNECTED = `(() => {
  const watch = () => (document.querySelector('.sync-state.sync-connected') ? (window.connectedAt = Date.now()) : requestAnimationFrame(watch));
  requestAnimationFrame(watch);
})()`;

export async function run({ quick }: BenchOptions): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'glose-bench-join-'));
  const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, secret: SECRET, session: { corpus: CORPUS, title: '3e B' }, rendererDir: resolve('dist/renderer') });
  const base = `http://127.0.0.1:${server.port}`;
  const teacher = client(server.url, mintToken(SECRET, { role: 'teacher', user: 'teacher', corpus: CORPUS }, 3600, Date.now()));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await listArticle(teacher, CORPUS);

    const rounds: number[] = [];
    for (let round = 0; round < (quick ? 3 : 9); round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(() => localStorage.setItem('glose.language', 'en'));
      await context.addInitScript(WATCH_CONNECTED);
      const page = await context.newPage();
      await page.goto(base);
      await page.getByLabel('Class code').fill(server.session!.studentCode);
      await page.getByLabel('Your name').fill(`Élève ${round + 1}`);
      const clicked = Date.now();
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await page.waitForFunction(() => (window as unknown as { connectedAt?: number }).connectedAt !== undefined, null, { timeout: 60_000 });
      rounds.push((await page.evaluate(() => (window as unknown as { connectedAt: number }).connectedAt)) - clicked);
      await context.close();
    }
    return [
      { name: 'join_to_connected_ms', value: median(rounds), unit: 'ms' },
      { name: 'join_to_connected_max_ms', value: Math.max(...rounds), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    teacher.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
