/**
 * The teacher's live dashboard and the classroom projector, with real parts: one class server,
 * a teacher, two students and a projector (observer code), each in their own browser context.
 * The dashboard follows the students' work live (marks by kind, idle flag, heat per paragraph);
 * the projector shows no controls, no names unless the teacher shows them, no student's work
 * while blind, and follows the teacher's article and place when asked. Screenshots EN and FR at
 * 1280 and 800 px wide.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { classOfSpec, paragraphOnReadingLine, person, sidebarItems, teacherAndTwoStudents } from './class-helpers';
import { CLAIM_000, paintedPassages, selectWithMouse } from './helpers';

const cls = classOfSpec('tableau', '3e B');

const LIVE = { timeout: 10_000 };
/** a page reloaded on a loaded machine: its documents reopen from IndexedDB and the server */
const RELOADED = { timeout: 30_000 };
const shot = (page: Page, project: string, name: string, fullPage = false) => page.screenshot({ path: `tests/e2e/screenshots/${project}/${name}.png`, fullPage });

async function inLanguage(page: Page, language: 'en' | 'fr', width: number): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  // runs after the context's own start script, which set the first language
  await page.addInitScript((l) => localStorage.setItem('glose.language', l), language);
  await page.reload();
}

test('the dashboard follows the class live; the projector shows the teacher’s place, names only when allowed, and nothing of the students while blind', async ({ browser }, info) => {
  test.setTimeout(150_000);
  const { teacher, nina, omar } = await teacherAndTwoStudents(browser, cls);
  const observerCode = cls.server.session!.observerCode;
  const wall = await person(browser, 'Projecteur', `${cls.url}/#/join?code=${observerCode}`, 'en');
  await wall.getByRole('textbox', { name: /code/i }).fill(observerCode);
  await wall.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(wall.getByRole('heading', { name: '3e B', level: 1 })).toBeVisible();

  // the dashboard: both students online in the article, nothing done yet, so both flagged — as not started, not as idle for 5 min
  await teacher.getByRole('link', { name: 'Tableau de bord' }).click();
  const rows = teacher.locator('#dashboard-students-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Nina' }).locator('td').first()).toContainText(/en ligne.*Meta et Spotify/);
  await expect(rows.filter({ hasText: 'Pas encore commencé' })).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Sans activité depuis' })).toHaveCount(0);
  await expect(teacher.getByRole('img', { name: /Marques de chaque élève par type/ })).toBeVisible();

  // they mark: the dashboard counts each mark by kind, live, and lifts the flag
  await selectWithMouse(nina, CLAIM_000);
  await nina.keyboard.press('1');
  await selectWithMouse(omar, 'Étrange manière de présenter les activités');
  await omar.keyboard.press('2');
  await expect(sidebarItems(nina)).toHaveCount(2, LIVE);
  const cells = (who: string) => rows.filter({ hasText: who }).locator('td');
  await expect(cells('Nina').nth(1)).toHaveText('1', LIVE); // Affirmation
  await expect(cells('Omar').nth(2)).toHaveText('1', LIVE); // Contesté
  await expect(rows.filter({ hasText: /Sans activité|Pas encore commencé/ })).toHaveCount(0);
  await expect(teacher.getByText(/2 élèves · 2 en ligne · 0 sans activité/)).toBeVisible();
  // the heat map: the marked paragraphs, with Omar's dispute, listed first
  const hottest = teacher.locator('.hottest li');
  await expect(hottest.first()).toContainText(/contestations\s?: 1/, LIVE);
  const heatTotal = await teacher.locator('#dashboard-heat-table tbody tr').evaluateAll((trs) => trs.reduce((n, tr) => n + Number(tr.querySelectorAll('td')[1]!.textContent), 0));
  expect(heatTotal).toBe(2);
  // a shorter idle limit is the teacher's to set: still nobody idle (they marked seconds ago)
  await teacher.getByRole('spinbutton', { name: /Signaler un élève/ }).fill('1');
  await expect(teacher.getByText(/sans activité depuis 1 min/)).toBeVisible();
  for (const width of [1280, 800]) {
    await teacher.setViewportSize({ width, height: 800 });
    await shot(teacher, info.project.name, `dashboard-fr-${width}`, true);
  }

  // the projector: no controls, no instruction; the teacher asks it to follow and opens the article
  await expect(wall.getByRole('button')).toHaveCount(0);
  await teacher.goto(`${cls.url}/#/class`);
  await teacher.getByRole('checkbox', { name: /Le projecteur me suit/ }).check();
  await expect(wall.getByText('Waiting for the teacher to open an article.')).toBeVisible(LIVE);
  await teacher.evaluate(() => (location.hash = '#/article/000'));
  await expect(wall.getByRole('heading', { name: /^Meta et Spotify/ })).toBeVisible(LIVE);
  await expect(wall.getByText(/press a number/i)).toHaveCount(0);
  await expect(wall.getByRole('toolbar')).toHaveCount(0);
  await expect.poll(() => paintedPassages(wall).then((p) => Object.keys(p).sort().join()), LIVE).toBe('claim,disputed');
  await expect(wall.getByText('Nina')).toHaveCount(0); // names hidden unless the teacher shows them

  // the teacher reads further down: the projector brings the same paragraph to its reading line
  await teacher.evaluate(() => scrollTo(0, document.body.scrollHeight / 2));
  const followed = await paragraphOnReadingLine(teacher);
  expect(followed).toBeGreaterThan(0);
  await expect.poll(() => paragraphOnReadingLine(wall), LIVE).toBe(followed);

  // names, at the teacher's choice
  await teacher.goto(`${cls.url}/#/class`);
  await teacher.getByRole('checkbox', { name: /Afficher les noms/ }).check();
  await shot(teacher, info.project.name, 'class-panel-projector-fr', true);
  await nina.mouse.click(10, 10); // any presence renewal carries the name now allowed
  await expect(wall.locator('.projector-names')).toContainText('Nina', { timeout: 20_000 });
  await teacher.evaluate(() => (location.hash = '#/article/000'));
  await expect(wall.getByRole('heading', { name: /^Meta et Spotify/ })).toBeVisible(LIVE);
  for (const width of [1280, 800]) {
    await wall.setViewportSize({ width, height: 800 });
    // the teacher brings Nina's claim to their reading line; the projector follows
    await expect.poll(() => teacher.evaluate(() => {
      const claim = [...(CSS.highlights.get('glose-kind-claim') ?? [])][0] as Range | undefined;
      if (claim) scrollBy(0, claim.getBoundingClientRect().top - innerHeight * 0.2 + 4);
      return Boolean(claim);
    }), LIVE).toBe(true);
    const place = await paragraphOnReadingLine(teacher);
    await expect.poll(() => paragraphOnReadingLine(wall), LIVE).toBe(place);
    await shot(wall, info.project.name, `projector-en-${width}`);
  }

  // blind: the projector shows the text alone, says why, and no name
  await teacher.goto(`${cls.url}/#/class`);
  await teacher.getByRole('checkbox', { name: /Annotation à l’aveugle/ }).check();
  await expect(wall.getByText(/Blind annotation: students’ work is hidden/)).toBeVisible(LIVE);
  await teacher.evaluate(() => (location.hash = '#/article/000'));
  await expect(wall.getByRole('heading', { name: /^Meta et Spotify/ })).toBeVisible(LIVE);
  await expect.poll(() => paintedPassages(wall), LIVE).toEqual({});
  await expect(wall.locator('.projector-names')).toHaveCount(0);
  for (const width of [1280, 800]) {
    await inLanguage(wall, 'fr', width);
    await expect(wall.getByText(/Annotation à l’aveugle\s?: le travail des élèves est caché/)).toBeVisible(RELOADED);
    await expect(wall.getByRole('heading', { name: /^Meta et Spotify/ })).toBeVisible(RELOADED);
    expect(await paintedPassages(wall)).toEqual({}); // after a reload too: copies it kept from before are not shown
    await shot(wall, info.project.name, `projector-blind-fr-${width}`);
  }

  // the dashboard in English, after the reveal
  await teacher.goto(`${cls.url}/#/class`);
  await teacher.getByRole('checkbox', { name: /Annotation à l’aveugle/ }).uncheck();
  await teacher.goto(`${cls.url}/#/dashboard`);
  for (const width of [1280, 800]) {
    await inLanguage(teacher, 'en', width);
    await expect(teacher.getByText(/2 students · 2 online/)).toBeVisible(RELOADED);
    await expect(cells('Nina').nth(1)).toHaveText('1'); // Claim: figures are never shown before the layers are read
    // the teacher wrote nothing since the reload: the students' layers this page only reads, merged
    // from IndexedDB, owe the server nothing (the bar said "2 waiting" for good)
    await teacher.waitForTimeout(1_000);
    await expect(teacher.getByRole('status').filter({ hasText: 'Connected' })).not.toContainText('waiting');
    await shot(teacher, info.project.name, `dashboard-en-${width}`, true);
  }
});
