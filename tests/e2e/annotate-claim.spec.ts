import { expect, test } from './fixtures';
import { CLAIM_000, openArticle, paintedPassages, selectWithMouse, startAs } from './helpers';

test('a new user marks the Spotify claim with a note, reloads, and finds it highlighted and listed', { tag: '@narrow' }, async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  await startAs(page, 'Alice Martin');
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('link') })).toHaveCount(5);
  await expect(page.getByText('French tech news site, with reader comments')).toBeVisible();
  await openArticle(page, 'Meta et Spotify qui dénoncent');

  await selectWithMouse(page, CLAIM_000);
  await page.keyboard.press('1');
  const sidebar = page.getByRole('complementary');
  const item = sidebar.locator('li.annotation');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Claim');
  await expect(item).toContainText('by Alice Martin');
  expect(await paintedPassages(page)).toEqual({ claim: [CLAIM_000] });

  await item.getByRole('button', { name: 'Edit note' }).click();
  await item.getByRole('textbox').fill('Source ? Spotify doit d’abord son succès au streaming légal.');
  await item.getByRole('button', { name: 'Save note' }).click();
  await expect(item.locator('.annotation-note')).toHaveText('Source ? Spotify doit d’abord son succès au streaming légal.');

  await page.reload();
  await expect(page.locator('.article-text')).toBeVisible();
  const after = page.getByRole('complementary').locator('li.annotation');
  await expect(after).toHaveCount(1);
  await expect(after).toContainText('Source ? Spotify doit d’abord son succès au streaming légal.');
  await expect(after.locator('.annotation-quote')).toContainText('Spotify, de son côté');
  await expect.poll(() => paintedPassages(page)).toEqual({ claim: [CLAIM_000] });
  // the article text itself is unchanged by annotating
  await expect(page.locator('.article-text')).toContainText(CLAIM_000);

  await page.locator('.article-text').getByText('Spotify, de son côté').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/claim-marked-en.png', fullPage: false });
  expect(errors).toEqual([]);
});
