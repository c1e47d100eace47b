import { expect, test } from './fixtures';
import { caretToNextParagraph, paintedPassages, selectWords, startAs } from './helpers';

const HEADLINE = 'Meta and Spotify attack European laws that limit them in a plea for open source AI';

test('the whole flow works without a mouse: open, select, mark, move, edit, delete, undo', { tag: '@narrow' }, async ({ page }) => {
  await startAs(page, 'Karim');
  // open an article from the library with the keyboard
  const link = page.getByRole('link', { name: /^Meta and Spotify attack European laws/ });
  for (let i = 0; i < 20 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  const text = page.locator('.article-text');
  await expect(text).toBeVisible();

  // reach the article text with Tab, then select the first paragraph word by word
  for (let i = 0; i < 20 && !(await text.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(text).toBeFocused();
  await page.keyboard.press('Control+Home');
  expect(await selectWords(page, 16)).toBe(HEADLINE);
  await page.keyboard.press('2');
  const items = page.getByRole('complementary').locator('li.annotation');
  await expect(items).toHaveCount(1);
  expect(await paintedPassages(page)).toEqual({ disputed: [HEADLINE] });

  // a second annotation: the next paragraph's first two words
  await caretToNextParagraph(page);
  expect(await selectWords(page, 2)).toBe('Meta and');
  await page.keyboard.press('4');
  await expect(items).toHaveCount(2);
  expect((await paintedPassages(page)).evidence).toEqual(['Meta and']);
  await expect(text).toHaveText(/Meta and Spotify have defended/); // text unchanged: typing "4" inserted nothing

  // move between annotations with [ and ], edit a note with N, save with Ctrl+Enter
  await page.keyboard.press('[');
  await expect(items.first()).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('n');
  const note = items.first().getByRole('textbox');
  await expect(note).toBeFocused();
  await page.keyboard.type('Headline framing: “attack”.');
  await page.keyboard.press('Control+Enter');
  await expect(items.first().locator('.annotation-note')).toHaveText('Headline framing: “attack”.');
  await expect(text).toBeFocused();

  // delete with Delete, undo with Ctrl+Z
  await page.keyboard.press(']');
  await expect(items.nth(1)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Delete');
  await expect(items).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Annotation deleted.' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(items).toHaveCount(2);
  expect((await paintedPassages(page)).evidence).toEqual(['Meta and']);
});
