/**
 * `remote_annotation_to_paint_ms`: in a real class (the class server on 127.0.0.1, the app
 * joined as the teacher in Chromium, classmates as Node clients of the same server), the time
 * from the WebSocket message carrying one classmate's new mark reaching the page until its
 * highlight is in the registry, with 900 annotations (30 layers × 30) already painted. The
 * page's WebSocket is wrapped by an init script that notes when each message arrives.
 */
import type { Browser } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { startSyncServer } from '../../electron/server/sync-server';
import { mintToken } from '../../electron/server/tokens';
import { layerDocName } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import { codePointIndex } from '../../shared/text/code-points';
import { Client } from '../server/helpers';
import { prng } from '../support/prng';
import { ARTICLE, CORPUS, randomRecord, SEED_TEXT } from './bench-layers';
import { median } from './stats';

const SECRET = 'bench-class-secret-0123456789abcdefghij';
const EACH = 30;

export async function remoteToPaintMs(browser: Browser, authors: number, trials: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'glose-bench-class-'));
  const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, secret: SECRET, session: { corpus: CORPUS, title: 'Bench' }, rendererDir: resolve('dist/renderer') });
  const url = `http://127.0.0.1:${server.port}`;
  const classmates = new Client(server.url);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const index = codePointIndex(SEED_TEXT);
    const random = prng(901);
    // the classmates join with the class code and write their layers
    const layers: { doc: Y.Doc; author: { id: string; name: string; color: string } }[] = [];
    for (let a = 1; a < authors; a++) {
      const body = JSON.stringify({ code: server.session!.studentCode, name: `Author ${a}`, color: '#0072B2' });
      const joined = (await (await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { token: string; user: string };
      const author = { id: joined.user, name: `Author ${a}`, color: '#0072B2' };
      const open = await classmates.openSynced(layerDocName(CORPUS, ARTICLE, joined.user), joined.token);
      for (let n = 0; n < EACH; n++) addAnnotation(open.doc, randomRecord(index, random, author, n), 'bench');
      layers.push({ doc: open.doc, author });
    }
    const teacherToken = mintToken(SECRET, { role: 'teacher', user: 'teacher', corpus: CORPUS }, 3600, Date.now());
    const teacherLayer = await classmates.openSynced(layerDocName(CORPUS, ARTICLE, 'teacher'), teacherToken);
    const teacher = { id: 'teacher', name: 'Teacher', color: '#0072B2' };
    for (let n = 0; n < EACH; n++) addAnnotation(teacherLayer.doc, randomRecord(index, random, teacher, n), 'bench');

    await context.addInitScript((user) => {
      localStorage.setItem('glose.user', JSON.stringify(user));
      localStorage.setItem('glose.language', 'en');
      const times: number[] = [];
      (window as unknown as { wsTimes: number[] }).wsTimes = times;
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(...args: ConstructorParameters<typeof WebSocket>) {
          super(...args);
          // registered before the provider's handler, so it runs first
          this.addEventListener('message', () => times.push(performance.now()));
        }
      };
    }, teacher);
    const page = await context.newPage();
    await page.goto(`${url}/#/join?token=${teacherToken}`);
    // the teacher's link opens the class panel, where the articles are added
    await page.getByRole('button', { name: 'Add the five sample articles' }).click();
    await page.getByRole('link', { name: 'The library: 5 articles' }).click();
    await page.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).click();
    let painted = authors * EACH;
    const paintedCount = (n: number) => page.waitForFunction((n) => ((performance.getEntriesByName('glose:painted')[0] as PerformanceMark | undefined)?.detail as number) >= n, n, { timeout: 60_000 });
    await paintedCount(painted);
    const times: number[] = [];
    for (let t = 0; t < trials; t++) {
      await page.evaluate(() => ((window as unknown as { wsTimes: number[] }).wsTimes.length = 0));
      const { doc, author } = layers[t % layers.length]!;
      addAnnotation(doc, randomRecord(index, random, author, EACH + t), 'bench');
      painted++;
      await paintedCount(painted);
      times.push(
        await page.evaluate(() => {
          const mark = performance.getEntriesByName('glose:painted')[0]!;
          const arrived = (window as unknown as { wsTimes: number[] }).wsTimes.filter((at) => at <= mark.startTime);
          return mark.startTime - arrived[arrived.length - 1]!;
        }),
      );
    }
    return median(times);
  } finally {
    await context.close();
    classmates.destroy();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
