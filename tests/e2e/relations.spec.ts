import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { caretToNextParagraph, openArticle, selectWithMouse, selectWords, startAs } from './helpers';

const HEADLINE = 'Meta and Spotify attack European laws that limit them in a plea for open source AI';

async function linkedPassages(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('glose-linked') ?? [])].map((r) => (r as Range).toString()).sort());
}

test('a relation made with the keyboard alone: focus, L, filter, choose the relation, Enter; shown both ways and painted', async ({ page }) => {
  await startAs(page, 'Karim');
  await openArticle(page, 'Meta and Spotify attack European laws');
  const text = page.locator('.article-text');
  for (let i = 0; i < 30 && !(await text.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(text).toBeFocused();
  // the headline as a claim
  await page.keyboard.press('Control+Home');
  expect(await selectWords(page, 16)).toBe(HEADLINE);
  await page.keyboard.press('1');
  // the next paragraph's first two words as evidence: the new annotation is focused
  await caretToNextParagraph(page);
  expect(await selectWords(page, 2)).toBe('Meta and');
  await page.keyboard.press('4');
  const items = page.getByRole('complementary').locator('li.annotation');
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toHaveAttribute('aria-current', 'true');

  await page.keyboard.press('l');
  const picker = page.getByRole('dialog', { name: 'Link this annotation to…' });
  const filter = picker.getByRole('combobox');
  await expect(filter).toBeFocused();
  await page.keyboard.type('plea');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(picker.getByRole('option', { selected: true })).toContainText(HEADLINE.slice(0, 60));
  // the relation: back to the radio group, arrow to "supports", back to the list
  await page.keyboard.press('Shift+Tab');
  await expect(picker.getByRole('radio', { name: 'rebuts' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(picker.getByRole('radio', { name: 'supports' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(filter).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(text).toBeFocused();

  // shown on both ends, in the sidebar
  await expect(items.nth(1).locator('.link-out .link-button')).toHaveText(`🡒 supports “${HEADLINE.slice(0, 79)}…”`);
  await expect(items.nth(0).locator('.link-in .link-button')).toHaveText('🡐 “Meta and” supports this one');
  // and painted in the text while the evidence is focused
  await expect.poll(() => linkedPassages(page)).toEqual([HEADLINE]);
  // [ focuses the claim: its link (to the evidence) is painted instead
  await page.keyboard.press('[');
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => linkedPassages(page)).toEqual(['Meta and']);

  // L on the claim links it too; Escape closes the picker without linking
  await page.keyboard.press('l');
  await expect(picker).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(items.nth(0).locator('.link-out')).toHaveCount(0);

  // the link is an action of one's own: Ctrl+Z removes it, Ctrl+Shift+Z brings it back
  await page.keyboard.press('Control+z');
  await expect(items.nth(1).locator('.link-out')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(items.nth(1).locator('.link-out')).toHaveCount(1);

  // hovering the evidence in the text shows its link too, focus elsewhere notwithstanding
  await page.keyboard.press('Escape');
  // Playwright scrolls the passage clear of the sticky toolbar (taller when the window is narrow) before hovering
  await page.locator('.article-text .glose-block').nth(1).locator('span').first().hover({ position: { x: 4, y: 4 } });
  await expect.poll(() => linkedPassages(page)).toEqual([HEADLINE]);
  await page.mouse.move(5, 5);
  await expect.poll(() => linkedPassages(page)).toEqual([]);
  await page.screenshot({ path: 'tests/e2e/screenshots/relations-en.png' });
});

test('a relation made with the mouse across articles, followed to the other article', { tag: '@narrow' }, async ({ page }) => {
  await startAs(page, 'Léa', 'fr');
  await openArticle(page, 'Meta and Spotify team up against EU rules');
  await selectWithMouse(page, 'Meta and Spotify');
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Retour aux articles' }).click();
  await openArticle(page, 'Meta and Spotify attack European laws');
  await selectWithMouse(page, 'Meta and Spotify have defended');
  await page.keyboard.press('3');
  const item = page.getByRole('complementary').locator('li.annotation');
  await item.getByRole('button', { name: 'Lier…' }).click();
  const picker = page.getByRole('dialog', { name: 'Lier cette annotation à…' });
  await picker.getByRole('radio', { name: 'réfute' }).check();
  const other = picker.getByRole('option').filter({ hasText: 'Meta and Spotify team up against EU rules' });
  await expect(other).toHaveCount(1);
  await other.click();
  await picker.getByRole('button', { name: 'Lier', exact: true }).click();
  const link = item.locator('.link-out');
  await expect(link).toContainText('🡒 réfute « Meta and Spotify »');
  await expect(link).toContainText('(dans « Meta and Spotify team up against EU rules');
  await page.screenshot({ path: 'tests/e2e/screenshots/relations-fr.png' });
  // following it opens the other article with the target focused, and its incoming link listed
  await link.getByRole('button').first().click();
  await expect(page).toHaveURL(/#\/article\/003\?a=/);
  const target = page.getByRole('complementary').locator('li.annotation');
  await expect(target).toHaveAttribute('aria-current', 'true');
  await expect(target.locator('.link-in')).toContainText('« Meta and Spotify have defended » réfute celle-ci');
});
