/**
 * The class report and a student's report with real parts: one class server, a teacher and two
 * students in their own browser contexts. The students mark and Nina replies to Omar with HTML in
 * her reply; the teacher marks too. The teacher saves the class report as HTML (the
 * download is read, then opened with JavaScript off: its charts and map are images inside it)
 * and prints it to PDF with Chromium (page.pdf, the page's print stylesheet); the PDF's pages and
 * text are read with unpdf. Nina saves her own report, which holds her work only. Screenshots in
 * English and French at 1280 and 800 px, and the print view of the report's first page.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { classOfSpec, sidebarItems, teacherAndTwoStudents } from './class-helpers';
import { CLAIM_000, selectWithMouse } from './helpers';

const cls = classOfSpec('bilan', '3e B');

const LIVE = { timeout: 15_000 };
const HOSTILE = '<img src=x onerror=alert(1)> voir page 3';
const shot = (page: Page, project: string, name: string, fullPage = false) => page.screenshot({ path: `tests/e2e/screenshots/${project}/${name}.png`, fullPage });

async function downloaded(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return readFileSync((await (await download).path())!, 'utf8');
}

test('the teacher saves the class report as HTML and PDF; a student saves their own', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const { teacher, nina, omar } = await teacherAndTwoStudents(browser, cls);
  await selectWithMouse(nina, CLAIM_000);
  await nina.keyboard.press('1');
  await selectWithMouse(omar, 'Étrange manière de présenter les activités');
  await omar.keyboard.press('2');
  await expect(sidebarItems(nina)).toHaveCount(2, LIVE);
  // Nina answers Omar's mark with HTML in her reply
  const omarsMark = sidebarItems(nina).filter({ hasText: 'Omar' });
  await expect(omarsMark).toHaveCount(1, LIVE);
  await omarsMark.getByRole('button', { name: '0 replies' }).click();
  await omarsMark.getByRole('textbox', { name: 'Your reply' }).fill(HOSTILE);
  await omarsMark.getByRole('button', { name: 'Send' }).click();
  // the teacher marks the same passage as Omar as a claim
  await teacher.evaluate(() => (location.hash = '#/article/000'));
  await expect(teacher.locator('.article-text')).toBeVisible();
  await selectWithMouse(teacher, 'Étrange manière de présenter les activités');
  await teacher.keyboard.press('1');

  // the class report, in French: every section, the charts and the map drawn as images
  await teacher.evaluate(() => (location.hash = '#/class'));
  await teacher.getByRole('link', { name: 'Bilan' }).click();
  const report = teacher.locator('.glose-report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Bilan de la classe\u00a0: 3e B', LIVE);
  await expect(report.locator('img')).toHaveCount(3, LIVE); // the students' chart, the heat chart of the one article marked, the map
  const sections = (await report.locator('h2').allTextContents()).map((s) => s.replace(/[\u00a0\u202f]/g, ' '));
  expect(sections.filter((s) => s.startsWith('Article : '))).toHaveLength(5);
  expect(sections).toEqual(expect.arrayContaining(['Articles', 'Élèves', 'Carte des arguments']));
  await expect(report.getByRole('heading', { level: 2 }).last()).toHaveText('Notes', LIVE); // the rubric's scores, last
  await expect(report.locator('tbody tr').filter({ hasText: 'Nina' }).first()).toContainText('1');
  await expect(report.getByRole('heading', { name: 'Passages les plus discutés' }).first()).toBeVisible();
  await expect(report.locator('blockquote').first()).toContainText('Étrange manière de présenter les activités');

  // Save as HTML: one document needing nothing else, which reads with JavaScript off
  const html = await downloaded(teacher, 'Enregistrer en HTML');
  mkdirSync(`tests/e2e/screenshots/${info.project.name}`, { recursive: true });
  writeFileSync(`tests/e2e/screenshots/${info.project.name}/report-fr.html`, html);
  expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
  expect(html).not.toMatch(/<script|<link|src="(?!data:image\/png;base64,)/);
  const offline = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await offline.setContent(html);
  await expect(offline.getByRole('heading', { level: 1 })).toHaveText('Bilan de la classe\u00a0: 3e B');
  const images = await offline.locator('img').evaluateAll((all) => all.map((i) => (i as HTMLImageElement).naturalWidth));
  expect(images.length).toBeGreaterThanOrEqual(3);
  expect(images.every((w) => w > 100)).toBe(true);

  // Save as PDF: Chromium prints the page with its print stylesheet (no top bar, no buttons)
  const pdf = await teacher.pdf({ format: 'A4', printBackground: true, path: `tests/e2e/screenshots/${info.project.name}/report-fr.pdf` });
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(document, { mergePages: true });
  const pages = (await extractText(document, { mergePages: false })).text;
  expect(pages.findIndex((p) => p.includes('Carte des arguments'))).toBeGreaterThan(pages.findIndex((p) => p.includes('Élèves')) + 1);
  expect(totalPages).toBeGreaterThanOrEqual(3); // the class and its students; the marked article on a new page; the map on a new page
  expect(totalPages).toBeLessThan(40);
  const flat = text.replace(/\s+/g, ' ');
  for (const title of ['Bilan de la classe', 'Élèves', 'Où la classe se concentre', 'Passage par passage', 'Carte des arguments']) expect(flat).toContain(title);
  for (const control of ['Enregistrer en PDF', 'Tableau de bord']) expect(flat).not.toContain(control);

  // the first printed page, as a picture to look at
  await teacher.emulateMedia({ media: 'print' });
  await teacher.setViewportSize({ width: 794, height: 1123 });
  await shot(teacher, info.project.name, 'report-print-fr');
  await teacher.emulateMedia({ media: 'screen' });
  for (const width of [1280, 800]) {
    await teacher.setViewportSize({ width, height: 800 });
    await shot(teacher, info.project.name, `report-fr-${width}`);
  }
  await teacher.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Class report: 3e B');
  for (const width of [1280, 800]) {
    await teacher.setViewportSize({ width, height: 800 });
    await shot(teacher, info.project.name, `report-en-${width}`);
  }

  // Nina's own report (English): her mark and her reply, as text; nobody else's marks
  await nina.evaluate(() => (location.hash = '#/class'));
  await nina.getByRole('link', { name: 'Report' }).click();
  const mine = nina.locator('.glose-report');
  await expect(mine.getByRole('heading', { level: 1 })).toHaveText('Report of Nina: 3e B', LIVE);
  await expect(mine).toContainText('Marks: 1 · replies: 1 · links: 0', LIVE);
  await expect(mine.locator('.note')).toContainText([HOSTILE]);
  const own = await downloaded(nina, 'Save as HTML');
  expect(own).toContain('&lt;img src=x onerror=alert(1)&gt; voir page 3');
  expect(own).not.toContain('<img src=x');
  expect(own).toMatch(/To Omar on “/i);
  expect(own.match(/<td>Disputed<\/td>/g) ?? []).toHaveLength(0); // Omar's mark is not in Nina's report
  await shot(nina, info.project.name, 'report-student-en-1280', true);
});
