import { expect, test } from './fixtures';
import { openArticle, selectWithMouse, startAs } from './helpers';

const PASSAGE = 'Meta and Spotify have defended';

test('a thread on an annotation: a formatted reply rendered as text, votes with counts, resolve, filters, reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => (errors.push(`dialog: ${d.message()}`), void d.dismiss()));
  await startAs(page, 'Nadia');
  await openArticle(page, 'Meta and Spotify attack European laws');
  await selectWithMouse(page, PASSAGE);
  await page.keyboard.press('1');
  const item = page.getByRole('complementary').locator('li.annotation');
  await expect(item).toHaveCount(1);

  // a reply with formatting, a link and an attempt at HTML
  await item.getByRole('button', { name: '0 replies' }).click();
  const reply = 'See **Eurostat** and *page 3*: https://example.org/report <img src=x onerror=alert(1)>';
  await item.getByRole('textbox', { name: 'Your reply' }).fill(reply);
  await item.getByRole('button', { name: 'Send' }).click();
  const shown = item.locator('.reply-text');
  await expect(shown).toHaveText('See Eurostat and page 3: https://example.org/report <img src=x onerror=alert(1)>');
  await expect(shown.locator('strong')).toHaveText('Eurostat');
  await expect(shown.locator('em')).toHaveText('page 3');
  const link = shown.getByRole('link', { name: 'https://example.org/report' });
  await expect(link).toHaveAttribute('href', 'https://example.org/report');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(shown.locator('img')).toHaveCount(0);
  await expect(item.getByRole('button', { name: '1 reply' })).toHaveAttribute('aria-expanded', 'true');
  // an opened thread stays open when its item is drawn anew: back to the library and to the article
  await page.getByRole('button', { name: 'Back to the articles' }).click();
  await openArticle(page, 'Meta and Spotify attack European laws');
  await expect(item.getByRole('button', { name: '1 reply' })).toHaveAttribute('aria-expanded', 'true');
  await expect(shown.locator('strong')).toHaveText('Eurostat');

  // votes: one per person, pressing again withdraws, switching moves it
  const agree = item.getByRole('button', { name: /^Agree/ });
  const disagree = item.getByRole('button', { name: /^Disagree/ });
  await agree.click();
  await expect(agree).toHaveAttribute('aria-pressed', 'true');
  await expect(agree.locator('.vote-count')).toHaveText('1');
  await disagree.click();
  await expect(agree.locator('.vote-count')).toHaveText('0');
  await expect(disagree.locator('.vote-count')).toHaveText('1');
  await expect(disagree).toHaveAttribute('aria-pressed', 'true');

  // status: the owner resolves it; the status filter finds it
  await expect(item.locator('.status')).toContainText('Open');
  await item.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(item.locator('.status')).toContainText('Resolved');
  const sidebar = page.getByRole('complementary');
  await sidebar.getByRole('combobox', { name: 'Status' }).selectOption('open');
  await expect(item).toHaveCount(0);
  await expect(sidebar.getByText('0 of 1 shown')).toBeVisible();
  await sidebar.getByRole('combobox', { name: 'Status' }).selectOption('resolved');
  await expect(item).toHaveCount(1);

  // everything was written to the user's own layer and survives a reload
  await page.reload();
  const after = page.getByRole('complementary').locator('li.annotation');
  await expect(after.locator('.status')).toContainText('Resolved');
  await expect(after.getByRole('button', { name: /^Disagree/ }).locator('.vote-count')).toHaveText('1');
  await after.getByRole('button', { name: '1 reply' }).click();
  await expect(after.locator('.reply-text strong')).toHaveText('Eurostat');
  await page.screenshot({ path: 'tests/e2e/screenshots/discussion-en.png' });
  expect(errors).toEqual([]);
});

test('filters and search: counts per kind, by kind and by text', async ({ page }) => {
  await startAs(page, 'Omar');
  await openArticle(page, 'Meta and Spotify attack European laws');
  await selectWithMouse(page, PASSAGE);
  await page.keyboard.press('1');
  await selectWithMouse(page, 'open source AI');
  await page.keyboard.press('4');
  await selectWithMouse(page, 'Meta and Spotify attack');
  await page.keyboard.press('4');
  const sidebar = page.getByRole('complementary');
  const items = sidebar.locator('li.annotation');
  await expect(items).toHaveCount(3);
  const kinds = sidebar.getByRole('group', { name: 'Show only one kind' });
  await expect(kinds.getByRole('button', { name: /Claim/ })).toHaveText('Claim 1');
  await expect(kinds.getByRole('button', { name: /Evidence/ })).toHaveText('Evidence 2');
  await expect(kinds.getByRole('button', { name: /Rebuttal/ })).toHaveText('Rebuttal 0');
  await kinds.getByRole('button', { name: /Evidence/ }).click();
  await expect(items).toHaveCount(2);
  await sidebar.getByRole('searchbox', { name: 'Search annotations' }).fill('source');
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('open source AI');
  await kinds.getByRole('button', { name: /Evidence/ }).click();
  await sidebar.getByRole('searchbox', { name: 'Search annotations' }).fill('');
  await expect(items).toHaveCount(3);
  await sidebar.getByRole('combobox', { name: 'Author' }).selectOption({ label: 'Omar' });
  await expect(items).toHaveCount(3);
});
