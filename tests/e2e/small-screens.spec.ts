import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { CLAIM_000, openArticle, selectWithMouse, startAs } from './helpers';

/** Nothing sticks out sideways: the page never needs a horizontal scroll bar. */
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('at 800 px wide', () => {
  test.use({ viewport: { width: 800, height: 900 } });

  test('the sidebar is a drawer beside the text, at the top of the page, that can be closed and opened again', async ({ page }) => {
    await startAs(page, 'Zoé', 'fr');
    await openArticle(page, 'Meta et Spotify qui dénoncent');
    const sidebar = page.getByRole('complementary');
    await expect(sidebar).toBeVisible();
    // beside the text, in view, not 5,000 px down the page
    expect((await sidebar.boundingBox())!.y).toBeLessThan(200);
    await selectWithMouse(page, CLAIM_000);
    await page.keyboard.press('1');
    await expect(sidebar.locator('li.annotation')).toHaveCount(1);
    await expect(sidebar.locator('li.annotation')).toBeInViewport();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'tests/e2e/screenshots/small-800-drawer-fr.png' });

    const toggle = page.getByRole('button', { name: 'Masquer les annotations' });
    await toggle.click();
    await expect(sidebar).toBeHidden();
    // the text takes the whole width
    expect((await page.locator('.editor-box').boundingBox())!.width).toBeGreaterThan(600);
    await page.getByRole('button', { name: 'Afficher les annotations' }).click();
    await expect(sidebar.locator('li.annotation')).toBeVisible();
  });
});

test.describe('at 200 % zoom (640 px of page on a 1,280 px window)', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  test('library, article with its drawer and argument map: nothing cut off sideways, in English', async ({ page }) => {
    await startAs(page, 'Zoe', 'en');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await openArticle(page, 'Meta et Spotify qui dénoncent');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    // the drawer starts closed (it would lie over the text); opened, it closes with its button or Escape
    const sidebar = page.getByRole('complementary');
    await expect(sidebar).toBeHidden();
    await page.screenshot({ path: 'tests/e2e/screenshots/zoom-200-article-en.png' });
    await page.getByRole('button', { name: 'Show the annotations' }).click();
    await expect(sidebar).toBeInViewport();
    await page.screenshot({ path: 'tests/e2e/screenshots/zoom-200-drawer-en.png' });
    await page.getByRole('button', { name: '✕ Hide the annotations' }).click();
    await expect(sidebar).toBeHidden();
    await page.getByRole('button', { name: 'Show the annotations' }).click();
    await page.getByRole('button', { name: '✕ Hide the annotations' }).press('Escape');
    await expect(sidebar).toBeHidden();
    await page.getByRole('link', { name: 'Argument map' }).first().click();
    await expect(page.getByRole('heading', { name: /argument map/i })).toBeVisible();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'tests/e2e/screenshots/zoom-200-map-en.png' });
  });
});
