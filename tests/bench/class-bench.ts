/**
 * Renderer figures with a class's worth of layers, in the same Chromium as the other renderer
 * figures: seed 000 carrying 30 authors × 30 annotations (each author's layer its own document,
 * written into the page's real IndexedDB with the roster that makes them visible), opened from
 * the library until all 900 highlights are in the registry (the first time without the article's
 * layer snapshot, then with it); and, in turn with those openings (the same machine load),
 * Recogito's text annotator loading the same 900 annotations as W3C on the same article until
 * painted; and, in a real class, a classmate's new mark until painted (remote-bench.ts).
 */
import type { Browser, Page } from '@playwright/test';
import { storeUpdates } from '../support/indexeddb-seed';
import { asW3cForRecogito, authorOf, classLayers, paragraphTexts } from './bench-layers';
import type { BenchResult } from './bench-types';
import { clickArticleInLibrary } from './library-click';
import { recogitoOpener } from './recogito-bench';
import { remoteToPaintMs } from './remote-bench';
import { median } from './stats';

const AUTHORS = 30;
const EACH = 30;

/** A fresh load of the library, then a click on the article, until `expected` highlights are painted. */
async function openUntilPainted(page: Page, expected: number): Promise<number> {
  await clickArticleInLibrary(page);
  const handle = await page.waitForFunction((n) => {
    const mark = performance.getEntriesByName('glose:painted')[0] as PerformanceMark | undefined;
    return mark && (mark.detail as number) >= n ? mark.startTime - (window as unknown as { benchStart: number }).benchStart : null;
  }, expected);
  return (await handle.jsonValue()) as number;
}

export async function runClassBench(browser: Browser, baseURL: string, quick: boolean): Promise<BenchResult[]> {
  const data = classLayers(AUTHORS, EACH);
  const total = AUTHORS * EACH;
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript((user) => {
      localStorage.setItem('glose.user', JSON.stringify(user));
      localStorage.setItem('glose.language', 'en');
    }, authorOf(0));
    const page = await context.newPage();
    await page.goto('/');
    await storeUpdates(page, data.updates);
    const runs = quick ? 3 : 10;
    // the first opening reads the 30 layer databases (no snapshot yet) and writes the snapshot
    const first = await openUntilPainted(page, total);
    // then Glose and Recogito in turn, so both open under the same load of the machine
    const recogitoPage = await recogitoOpener(context, paragraphTexts(), asW3cForRecogito(data.records));
    const glose: number[] = [];
    const recogito: number[] = [];
    for (let i = 0; i < runs; i++) {
      glose.push(await openUntilPainted(page, total));
      recogito.push(await recogitoPage.open());
    }
    await recogitoPage.close();
    await page.close();
    const remote = await remoteToPaintMs(browser, AUTHORS, quick ? 5 : 20);
    return [
      { name: 'remote_annotation_to_paint_ms', value: remote, unit: 'ms' },
      { name: 'open_article_900_annotations_30_layers_ms', value: median(glose), unit: 'ms' },
      { name: 'open_article_900_first_without_snapshot_ms', value: first, unit: 'ms' },
      { name: 'recogito_open_900_annotations_ms', value: median(recogito), unit: 'ms' },
      { name: 'open_ratio_vs_recogito_900', value: median(glose) / median(recogito), unit: 'ratio' },
    ];
  } finally {
    await context.close();
  }
}
