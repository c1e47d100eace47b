/** The start of every "open the article" figure: a fresh load of the library, then a click on seed 000. */
import type { Page } from '@playwright/test';

/** Clicks the article in the library on screen; the page keeps the click's time as `benchStart`. */
export async function clickArticle(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).waitFor();
  // Playwright sets up its helper script in a page the first time `waitForFunction` is used there
  // (≈ 10 ms of the page's script under load): done before the click, so that the figures, which
  // wait with `waitForFunction`, do not count Playwright's own work (Recogito's are timed in the page)
  await page.waitForFunction(() => true);
  await page.evaluate(() => {
    (window as unknown as { benchStart: number }).benchStart = performance.now();
    (document.querySelector('a[href="#/article/000"]') as HTMLElement).click();
  });
}

/** Loads the library afresh and clicks the article. */
export async function clickArticleInLibrary(page: Page): Promise<void> {
  await page.goto('/#/');
  await page.reload();
  await clickArticle(page);
}
