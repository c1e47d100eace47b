import { expect, test } from './fixtures';
import { editedSeed, MARKED, REMOVED, REWORDED, seedText } from '../unit/versions/seed-edits';
import { classOfSpec, person, sidebarItems, teacherJoins } from './class-helpers';
import { selectWithMouse } from './helpers';
import { VERSIONED_FILE } from './version-helpers';

// In a class each author's layer is written only by that author's app (the server enforces it), so
// each member's app carries its own marks when it first opens a new version: Nina's are carried by
// Nina's app, Omar's appear for her only once Omar has opened the new version himself.

const cls = classOfSpec('versions', '3e B');

test('the teacher imports a new version; each student\'s app carries that student\'s own marks into it', async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = await person(browser, 'M. Petit', cls.url);
  const code = await teacherJoins(teacher, cls);
  const importFile = async (text: string) => {
    await teacher.goto(`${cls.url}/#/class`);
    const chooser = teacher.waitForEvent('filechooser');
    await teacher.getByRole('button', { name: 'Ouvrir un fichier texte…' }).click();
    await (await chooser).setFiles({ name: VERSIONED_FILE, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await expect(teacher.locator('.article-text')).toBeVisible();
  };
  await importFile(seedText());

  const students = { nina: await person(browser, 'Nina', `${cls.url}/#/join?code=${code}`, 'en'), omar: await person(browser, 'Omar', `${cls.url}/#/join?code=${code}`, 'fr') };
  for (const [page, join] of [[students.nina, 'Join'], [students.omar, 'Rejoindre']] as const) {
    await page.getByRole('textbox', { name: /code/i }).fill(code);
    await page.getByRole('button', { name: join, exact: true }).click();
    await page.getByRole('link', { name: /^This post was originally/ }).click();
    await expect(page.locator('.article-text')).toBeVisible();
  }
  for (const passage of [MARKED.moved, MARKED.orphan]) {
    await selectWithMouse(students.nina, passage);
    await students.nina.keyboard.press('1');
  }
  await selectWithMouse(students.omar, MARKED.fuzzy);
  await students.omar.keyboard.press('2');
  await expect(sidebarItems(students.nina)).toHaveCount(3);

  await importFile(editedSeed());
  await expect(teacher.getByText('Version 2 sur 2')).toBeVisible();
  await expect(teacher.locator('.carried-marks')).toContainText('Vous n’aviez pas de marque sur la version 1.');

  // Nina opens the newest version from the library: her two marks are carried and listed
  const nina = students.nina;
  await nina.goto(`${cls.url}/#/`);
  await nina.locator('.article-card').filter({ hasText: 'Version 2' }).locator('.article-link').click();
  await expect(nina.getByText('Version 2 of 2')).toBeVisible();
  await expect(nina.locator('.carried-marks')).toContainText('2 carried — in place: 0 · moved: 1 · approximate: 0 · not found: 1');
  await expect(nina.locator('section.orphans li.annotation')).toContainText(REMOVED);
  // Omar's mark is not carried by Nina's app (she cannot write his layer): it comes when Omar opens the version
  await expect(sidebarItems(nina).filter({ hasText: 'by Omar' })).toHaveCount(0);
  const omar = students.omar;
  await omar.goto(`${cls.url}/#/`);
  await omar.locator('.article-card').filter({ hasText: 'Version 2' }).locator('.article-link').click();
  await expect(omar.locator('.carried-marks')).toContainText('1 reportées — en place : 0 · déplacées : 0 · approchées : 1 · introuvables : 0'.replaceAll(' :', '\u00a0:'));
  await expect(sidebarItems(nina).filter({ hasText: 'by Omar' })).toContainText(REWORDED.after);
  // and the teacher sees both students' carried marks on the new version
  await expect(sidebarItems(teacher).filter({ hasText: 'par Nina' })).toHaveCount(2);
  await expect(sidebarItems(teacher).filter({ hasText: 'par Omar' })).toContainText(REWORDED.after);
  await nina.screenshot({ path: 'tests/e2e/screenshots/versions-class-student-en.png' });
  for (const page of [teacher, nina, omar]) await page.context().close();
});
