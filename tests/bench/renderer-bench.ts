/**
 * Renderer figures in real Chromium against the built app: opening seed 000 carrying 500
 * annotations until every highlight is painted, and the time from a kind's key press to its
 * highlight applied and to the next painted frame (medians). The 500 annotations are written into the page's real
 * IndexedDB as one y-indexeddb update, exactly where the app keeps its own. Then the figures with a
 * class's worth of layers and the Recogito baseline (class-bench.ts), in the same Chromium.
 */
import { chromium, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as Y from 'yjs';
import { rendererServer, listen } from '../../electron/cli/serve-renderer';
import { targetFor } from '../../shared/anchor/selectors';
import { addAnnotation } from '../../shared/model/layer';
import { layerDocName } from '../../shared/model/doc-names';
import { canonicalText } from '../../shared/text/canonical-text';
import { codePointIndex } from '../../shared/text/code-points';
import { DEFAULT_TAGSET } from '../../shared/model/tagset';
import { prng } from '../support/prng';
import type { BenchOptions, BenchResult } from './bench-types';
import { CHROMIUM_ARGS } from '../support/chromium';
import { storeUpdates } from '../support/indexeddb-seed';
import { runClassBench } from './class-bench';
import { clickArticleInLibrary } from './library-click';
import { median, percentile } from './stats';

export const USER = { id: 'benchuser', name: 'Bench', color: '#0072B2' };

export function layerUpdate(count: number): Uint8Array {
  const text = canonicalText(readFileSync('seeds/000_69c924cc0d086b21.txt', 'utf8'));
  const index = codePointIndex(text);
  const random = prng(500);
  const doc = new Y.Doc();
  for (let i = 0; i < count; i++) {
    const start = Math.floor(random() * (index.length - 200));
    const end = start + 5 + Math.floor(random() * 150);
    const now = new Date(Date.UTC(2026, 10, 22, 10, 0, i)).toISOString();
    const kind = DEFAULT_TAGSET.kinds[i % DEFAULT_TAGSET.kinds.length]!.key;
    addAnnotation(doc, { id: `bench${i}`, kind, target: targetFor(index, start, end), note: '', author: USER, created: now, modified: now, links: [], status: 'open' });
  }
  return Y.encodeStateAsUpdate(doc);
}

/** A fresh page load of the library, then a click on the article, until its highlights are painted. */
async function openArticleMs(page: Page, expected: number): Promise<number> {
  await clickArticleInLibrary(page);
  return articlePaintedMs(page, expected);
}

/** Once the article is painted: from the click to the frame after its first paint. */
export async function articlePaintedMs(page: Page, expected: number): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('glose:article-painted').length > 0);
  const painted = await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
  if (painted < expected) throw new Error(`only ${painted} of ${expected} highlights painted`);
  return page.evaluate(() => {
    const m = performance.getEntriesByName('glose:article-painted')[0]!;
    return m.startTime + m.duration - (window as unknown as { benchStart: number }).benchStart;
  });
}

/** Selects a passage, presses a kind's key; returns [to highlight applied, to next frame painted]. */
async function keypressMs(page: Page, i: number): Promise<[number, number]> {
  await page.evaluate((i) => {
    performance.clearMeasures('glose:keypress-to-highlight');
    performance.clearMeasures('glose:keypress-to-frame');
    const blocks = document.querySelectorAll('.article-text .glose-block');
    const node = blocks[(i * 7) % blocks.length]!.querySelector('span')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, Math.min(node.data.length, 5 + (i % 20)));
    (document.querySelector('.article-text') as HTMLElement).focus();
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, i);
  await page.keyboard.press(String(1 + (i % 5)));
  await page.waitForFunction(() => performance.getEntriesByName('glose:keypress-to-frame').length > 0);
  return page.evaluate(() => [
    performance.getEntriesByName('glose:keypress-to-highlight')[0]!.duration,
    performance.getEntriesByName('glose:keypress-to-frame')[0]!.duration,
  ]);
}


export async function run({ quick }: BenchOptions): Promise<BenchResult[]> {
  const server = rendererServer(resolve('dist/renderer'));
  const port = await listen(server, 0);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}`, viewport: { width: 1280, height: 800 } });
    await context.addInitScript((user) => {
      localStorage.setItem('glose.user', JSON.stringify(user));
      localStorage.setItem('glose.language', 'en');
    }, USER);
    const page = await context.newPage();
    await page.goto('/');
    await storeUpdates(page, { [layerDocName('sample', '000', USER.id)]: layerUpdate(500) });
    const opens: number[] = [];
    for (let i = 0; i < (quick ? 3 : 10); i++) opens.push(await openArticleMs(page, 500));
    const presses: [number, number][] = [];
    for (let i = 0; i < (quick ? 10 : 40); i++) presses.push(await keypressMs(page, i));
    const applied = presses.map((p) => p[0]);
    const framed = presses.map((p) => p[1]);
    await context.close();
    const many = await runClassBench(browser, `http://127.0.0.1:${port}`, quick);
    return [
      ...many,
      { name: 'open_article_500_annotations_ms', value: median(opens), unit: 'ms' },
      { name: 'keypress_to_highlight_ms', value: median(applied), unit: 'ms' },
      { name: 'keypress_to_highlight_p95_ms', value: percentile(applied, 0.95), unit: 'ms' },
      { name: 'keypress_to_painted_frame_ms', value: median(framed), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}
