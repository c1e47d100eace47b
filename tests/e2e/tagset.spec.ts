import { expect, test } from './fixtures';
import { openArticle, paintedPassages, selectWithMouse, startAs } from './helpers';

test('the teacher edits the tagset; a removed kind keeps its annotations, shown as unknown and remapped across the corpus', async ({ page }) => {
  await startAs(page, 'Mme Durand');
  // evidence in two articles
  await openArticle(page, 'Meta and Spotify team up against EU rules');
  await selectWithMouse(page, 'Meta and Spotify have teamed up once again');
  await page.keyboard.press('4');
  await expect(page.getByRole('complementary').locator('li.annotation')).toContainText('Evidence');
  await page.getByRole('button', { name: 'Back to the articles' }).click();
  await openArticle(page, 'Meta and Spotify attack European laws');
  await selectWithMouse(page, 'Meta and Spotify have defended');
  await page.keyboard.press('4');
  const item = page.getByRole('complementary').locator('li.annotation');
  await expect(item).toContainText('Evidence');

  await page.getByRole('button', { name: 'Edit the tagset…' }).click();
  const editor = page.getByRole('dialog', { name: 'Tagset of this corpus' });
  // fieldsets are named by their kind's name, which the editing changes: take them in order
  const claim = editor.getByRole('group').nth(0);
  await claim.getByRole('textbox', { name: 'Name (English)', exact: true }).fill('Thesis');
  await claim.getByRole('textbox', { name: 'Name (French)', exact: true }).fill('Thèse');
  await claim.getByRole('textbox', { name: 'Description (English, shown as a tooltip)', exact: true }).fill('The main point an article defends.');
  await claim.getByRole('combobox', { name: 'Underline' }).selectOption('dashed');
  // a clash of shortcuts is refused with a message, nothing is saved
  const question = editor.getByRole('group').nth(4);
  await expect(question).toHaveAccessibleName('Question');
  await question.getByRole('textbox', { name: 'Shortcut key', exact: true }).fill('2');
  await editor.getByRole('button', { name: 'Save the tagset' }).click();
  await expect(editor.getByRole('alert')).toHaveText('Two kinds use the shortcut “2”.');
  await question.getByRole('textbox', { name: 'Shortcut key', exact: true }).fill('q');
  await editor.getByRole('button', { name: 'Remove the kind Evidence' }).click();
  await editor.getByRole('button', { name: 'Add a relation type' }).click();
  const relation = editor.getByRole('group').last();
  await expect(relation).toHaveAccessibleName('new relation');
  await relation.getByRole('textbox', { name: 'Name (English)', exact: true }).fill('contradicts');
  await relation.getByRole('textbox', { name: 'Name (French)', exact: true }).fill('contredit');
  await editor.getByRole('button', { name: 'Save the tagset' }).click();
  await expect(editor).toBeHidden();

  // the toolbar follows; the evidence annotation is still there, as an unknown kind, still painted
  const toolbar = page.getByRole('toolbar');
  await expect(toolbar.getByRole('button', { name: /^Thesis/ })).toHaveAttribute('title', 'The main point an article defends.');
  await expect(toolbar.getByRole('button', { name: /^Question/ })).toHaveAttribute('aria-keyshortcuts', 'q');
  await expect(toolbar.getByRole('button', { name: /^Evidence/ })).toHaveCount(0);
  await expect(item.locator('.annotation-kind')).toHaveText('Unknown kind “evidence”');
  // still painted, in the neutral style of unknown kinds (a rule exists for it: it is visible)
  await expect.poll(async () => (await paintedPassages(page))['-unknown']).toEqual(['Meta and Spotify have defended']);
  expect(await page.evaluate(() => [...document.querySelectorAll('style')].some((s) => s.textContent?.includes('::highlight(glose-kind--unknown)')))).toBe(true);
  await page.screenshot({ path: 'tests/e2e/screenshots/tagset-unknown-en.png' });

  // remap all of it, in every article, to a kind of the tagset; undo puts it back everywhere
  const remap = page.getByRole('region', { name: 'Kinds no longer in the tagset' });
  const what = '2 of your annotations, in 2 articles, have the unknown kind “evidence”.';
  await expect(remap).toContainText(what);
  await remap.getByRole('combobox', { name: 'New kind for “evidence”' }).selectOption({ label: 'Thesis' });
  await remap.getByRole('button', { name: 'Remap all' }).click();
  await expect(remap.getByRole('status')).toHaveText('2 annotations remapped, in 2 articles.');
  await expect(item.locator('.annotation-kind')).toHaveText('Thesis');
  await expect(remap).not.toContainText(what);
  await remap.getByRole('button', { name: 'Undo' }).click();
  await expect(remap.getByRole('status')).toHaveText('2 annotations back to “evidence”.');
  await expect(item.locator('.annotation-kind')).toHaveText('Unknown kind “evidence”');
  await expect(remap).toContainText(what);
  await remap.getByRole('button', { name: 'Remap all' }).click();
  await expect(remap.getByRole('status')).toHaveText('2 annotations remapped, in 2 articles.');
  await remap.getByRole('button', { name: 'Close' }).click();
  await expect(remap).toHaveCount(0);
  await expect(item.locator('.annotation-kind')).toHaveText('Thesis');
  await expect.poll(() => paintedPassages(page)).toEqual({ claim: ['Meta and Spotify have defended'] });
  // the other article's annotation was remapped too
  await page.getByRole('button', { name: 'Back to the articles' }).click();
  await openArticle(page, 'Meta and Spotify team up against EU rules');
  await expect(item.locator('.annotation-kind')).toHaveText('Thesis');
  await expect.poll(() => paintedPassages(page)).toEqual({ claim: ['Meta and Spotify have teamed up once again'] });

  // saved in the corpus: after a reload, in French
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.reload();
  await expect(page.getByRole('toolbar').getByRole('button', { name: /^Thèse/ })).toBeVisible();
  await page.getByRole('button', { name: 'Modifier les étiquettes…' }).click();
  await expect(page.getByRole('dialog', { name: 'Jeu d’étiquettes du corpus' }).getByRole('group', { name: 'contredit', exact: true })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/tagset-editor-fr.png' });
});
