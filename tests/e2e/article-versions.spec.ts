import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { MARKED, NOTE, REMOVED, REWORDED } from '../unit/versions/seed-edits';
import { paintedPassages, startAs } from './helpers';
import { articleWithVersions, strings } from './version-helpers';

// An article that changed after publication: import a file, mark four passages, import the same
// file again with three silent edits (a correction note added, a sentence reworded, a paragraph
// removed). The new version opens with the marks carried and each one's status listed; the diff
// view shows the three edits, change by change, from the keyboard. In English and in French.

const shoot = (page: Page, name: string) => page.screenshot({ path: `tests/e2e/screenshots/${test.info().project.name}/${name}.png` });
const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));

for (const lang of ['en', 'fr'] as const) {
  test(`a file imported again with a changed text is a new version: the diff, and the marks carried with their statuses (${lang})`, async ({ page }) => {
    const L = strings(lang);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await startAs(page, 'Ana', lang);

    await articleWithVersions(page, lang);
    // the new version opens, says which it is, and lists the marks carried from version 1
    await expect(page.getByText(fill(L.versions.versionOf, { version: 2, count: 2 }))).toBeVisible();
    await expect(page.locator('.article-text')).toContainText(NOTE);
    const carried = page.locator('.carried-marks');
    await expect(carried).toContainText(fill(L.versions.carriedSummary, { count: 4, exact: 1, moved: 1, fuzzy: 1, orphan: 1 }));
    const item = (status: 'moved' | 'fuzzy' | 'orphan') => carried.locator(`li.carried-${status}`);
    await expect(item('moved')).toContainText(L.versions.statusMoved);
    await expect(item('moved')).toContainText(MARKED.moved);
    await expect(item('fuzzy')).toContainText(L.versions.statusFuzzy);
    await expect(item('fuzzy').locator('q')).toHaveText(REWORDED.after);
    await expect(item('fuzzy')).toContainText(REWORDED.before);
    await expect(item('orphan')).toContainText(L.versions.statusOrphan);
    await expect(item('orphan')).toContainText(REMOVED);
    // the orphan is kept in the sidebar's list of what could not be placed; the other three are painted
    await expect(page.locator('section.orphans li.annotation')).toContainText(REMOVED);
    await expect(page.getByRole('complementary').locator('li.annotation')).toHaveCount(4);
    await expect.poll(() => paintedPassages(page)).toEqual({ claim: [REWORDED.after, MARKED.moved, MARKED.exact].sort() });
    await shoot(page, `versions-carried-${lang}`);

    // "Show" takes the reader to the mark where it was found again
    await item('fuzzy').getByRole('button', { name: L.versions.show }).click();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(REWORDED.after);
    // the orphan can be looked at in version 1, where it was made
    await item('orphan').getByRole('link', { name: fill(L.versions.inOld, { version: 1 }) }).click();
    await expect(page.getByText(fill(L.versions.versionOf, { version: 1, count: 2 }))).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(REMOVED);
    await page.goBack();

    // what changed: three changes, stepped through from the keyboard
    await page.getByRole('link', { name: L.versions.whatChanged }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(L.versions.diffTitle.split('{{')[0]!);
    await expect(page.getByText(fill(L.versions.changes_other, { count: 3 }), { exact: true })).toBeVisible();
    await shoot(page, `versions-diff-top-${lang}`);
    const text = page.locator('.diff-text');
    await expect(text.locator('ins')).toContainText([NOTE, 'investment', 'technologies']);
    await expect(text.locator('del')).toContainText(['investments', 'technology', REMOVED]);
    await text.focus();
    const status = page.getByRole('status').filter({ hasText: /\d/ });
    const expected = [L.versions.kindParagraphAdded, L.versions.kindReplaced, L.versions.kindParagraphRemoved];
    for (const [i, kind] of expected.entries()) {
      await page.keyboard.press('n');
      await expect(status).toHaveText(fill(L.versions.position, { n: i + 1, count: 3, kind }));
      await expect(page.locator(`[data-first="${i}"]`)).toBeFocused();
    }
    await page.keyboard.press('p');
    await expect(status).toHaveText(fill(L.versions.position, { n: 2, count: 3, kind: L.versions.kindReplaced }));
    await shoot(page, `versions-diff-${lang}`);

    // the library shows one article with its two versions; its title opens the newest
    await page.goto('/#/');
    const card = page.locator('.article-card').filter({ hasText: fill(L.versions.version, { version: 2 }) });
    await expect(card).toHaveCount(1);
    await expect(card.getByRole('link', { name: fill(L.versions.version, { version: 1 }) })).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await shoot(page, `versions-library-${lang}`);
    await card.locator('.article-link').click();
    await expect(page.locator('.article-text')).toContainText(NOTE);
    expect(errors).toEqual([]);
  });
}
