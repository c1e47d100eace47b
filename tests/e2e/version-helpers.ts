/**
 * An article with two versions, as a person makes one: import a text file (seed 003), mark four
 * passages, go back and import the same file again with the hand-made edits of
 * tests/unit/versions/seed-edits.ts. Version 2 is then open. Used by the versions spec and the
 * accessibility list of views.
 */
import { expect, type Page } from '@playwright/test';
import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { withFrenchSpacing } from '../../renderer/i18n/french-spacing';
import { editedSeed, MARKED, seedText } from '../unit/versions/seed-edits';
import { selectWithMouse } from './helpers';

export const VERSIONED_FILE = 'meta-spotify.txt';

/** The app's strings in `language`, as the page shows them. */
export const strings = (language: 'en' | 'fr') => (language === 'en' ? en : withFrenchSpacing(fr));

async function importFile(page: Page, label: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: label }).click();
  await (await chooser).setFiles({ name: VERSIONED_FILE, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.locator('.article-text')).toBeVisible();
}

/** From the library: version 1 imported and marked, version 2 imported and open. */
export async function articleWithVersions(page: Page, language: 'en' | 'fr'): Promise<void> {
  const L = strings(language);
  await importFile(page, L.library.addFile, seedText());
  for (const passage of Object.values(MARKED)) {
    await selectWithMouse(page, passage);
    await page.keyboard.press('1');
  }
  await expect(page.getByRole('complementary').locator('li.annotation')).toHaveCount(4);
  await page.getByRole('button', { name: new RegExp(L.article.back) }).click();
  await importFile(page, L.library.addFile, editedSeed());
  await expect(page.locator('.carried-marks li')).toHaveCount(3);
}
