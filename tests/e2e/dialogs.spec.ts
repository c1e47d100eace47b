import { expect, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { CLAIM_000, openArticle, selectWithMouse, startAs } from './helpers';

// The three dialogs (name and colour, link picker, tagset editor) are native modal <dialog>s:
// the page behind is inert, Tab never leaves the dialog, Escape closes it (except the first-start
// name dialog, which must be answered) and focus goes back where it was. Screenshots in English
// and French go to tests/e2e/screenshots/dialog-*.png.

/** Presses Tab `times` times and says whether focus stayed inside `dialog` each time. */
async function tabStaysInside(page: Page, dialog: Locator, times = 25): Promise<boolean> {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('Tab');
    if (!(await dialog.evaluate((d) => d.contains(document.activeElement)))) return false;
  }
  return true;
}

async function expectModal(page: Page, dialog: Locator, shot: string): Promise<void> {
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.tagName === 'DIALOG' && d.matches(':modal'))).toBe(true);
  expect(await tabStaysInside(page, dialog)).toBe(true);
  await page.screenshot({ path: `tests/e2e/screenshots/${shot}.png` });
}

for (const language of ['en', 'fr'] as const) {
  const fr = language === 'fr';
  test(`the dialogs are modal, keep focus inside and close on Escape (${language})`, { tag: '@narrow' }, async ({ page }) => {
    // first start: the name dialog cannot be dismissed with Escape
    await page.addInitScript((lang) => localStorage.getItem('glose.language') || localStorage.setItem('glose.language', lang), language);
    await page.goto('/');
    const first = page.getByRole('dialog', { name: fr ? 'Qui annote ?' : 'Who is annotating?' });
    await expectModal(page, first, `dialog-user-${language}`);
    await page.keyboard.press('Escape');
    await expect(first).toBeVisible();
    await page.reload();
    await startAs(page, 'Ana', language);

    // editing one's name: Escape closes and focus returns to the button that opened it
    const chip = page.getByRole('button', { name: /^Ana — / });
    await chip.click();
    const edit = page.getByRole('dialog');
    await expectModal(page, edit, `dialog-user-edit-${language}`);
    await page.keyboard.press('Escape');
    await expect(edit).toBeHidden();
    await expect(chip).toBeFocused();

    // the link picker, opened with L on a new annotation
    await openArticle(page, 'Meta et Spotify qui dénoncent');
    await selectWithMouse(page, CLAIM_000);
    await page.keyboard.press('1');
    await page.keyboard.press('l');
    const picker = page.getByRole('dialog', { name: fr ? 'Lier cette annotation à…' : 'Link this annotation to…' });
    await expect(picker.getByRole('combobox')).toBeFocused();
    await expectModal(page, picker, `dialog-link-picker-${language}`);
    await page.keyboard.press('Escape');
    await expect(picker).toBeHidden();

    // the tagset editor
    const editButton = page.getByRole('button', { name: fr ? 'Modifier les étiquettes…' : 'Edit the tagset…' });
    await editButton.click();
    const editor = page.getByRole('dialog', { name: fr ? 'Jeu d’étiquettes du corpus' : 'Tagset of this corpus' });
    await expectModal(page, editor, `dialog-tagset-${language}`);
    await page.keyboard.press('Escape');
    await expect(editor).toBeHidden();
    await expect(editButton).toBeFocused();
  });
}
