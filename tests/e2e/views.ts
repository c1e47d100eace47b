/**
 * Every view of the app, each one line: its name and how a person gets there from the library
 * (the page already in the test's language, with a user named). Class views start a class server
 * of their own through `cls`. The accessibility spec runs axe and the reflow check on each; a new
 * view is one more line here.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { person, startClass, teacherJoins, type ClassServer } from './class-helpers';
import { CLAIM_000, openArticle, selectWithMouse } from './helpers';
import { seedTwoAnnotators } from './research-helpers';
import { articleWithVersions } from './version-helpers';

export type Language = 'en' | 'fr';
export interface Reach {
  page: Page;
  browser: Browser;
  language: Language;
  /** a class server of this test's own, started on first use */
  cls: () => Promise<ClassServer>;
}

const T = (language: Language, en: string, fr: string) => (language === 'fr' ? fr : en);

async function articleWithMark(page: Page): Promise<void> {
  await openArticle(page, 'Meta et Spotify qui dénoncent');
  await selectWithMouse(page, CLAIM_000);
  await page.keyboard.press('1');
  await expect(page.getByRole('complementary').locator('li.annotation')).toHaveCount(1);
}

async function articleWithPicker(page: Page): Promise<void> {
  await articleWithMark(page);
  await page.keyboard.press('l');
  await expect(page.getByRole('dialog')).toBeVisible();
}

/** The teacher of a class, in `language` (teacherJoins joins in French; the language switch does the rest). */
export async function classTeacher({ browser, language, cls }: Reach): Promise<Page> {
  const server = await cls();
  const teacher = await person(browser, 'Mme Durand', server.url, 'fr');
  await teacherJoins(teacher, server);
  if (language === 'en') await teacher.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  return teacher;
}

export const VIEWS: [name: string, reach: (r: Reach) => Promise<Page | void>][] = [
  ['library', async () => {}],
  ['article with its sidebar', ({ page }) => articleWithMark(page)],
  ['discussion thread', async ({ page, language }) => {
    await articleWithMark(page);
    const item = page.getByRole('complementary').locator('li.annotation');
    await item.getByRole('button', { name: T(language, '0 replies', '0 réponse') }).click();
    await item.getByRole('textbox').fill('See **page 3**');
    await item.getByRole('button', { name: T(language, 'Send', 'Envoyer') }).click();
    await expect(item.locator('.reply-text')).toHaveText('See page 3');
  }],
  ['argument map', async ({ page }) => {
    await seedTwoAnnotators(page);
    await page.goto('/#/map');
    await expect(page.locator('.map-canvas[data-ready]')).toBeVisible();
  }],
  ['claim registry', async ({ page }) => {
    await seedTwoAnnotators(page);
    await page.goto('/#/claims');
    await expect(page.locator('.claim-entry')).toHaveCount(2);
  }],
  ['research and agreement', async ({ page, language }) => {
    await seedTwoAnnotators(page);
    await page.goto('/#/research');
    await page.getByRole('button', { name: T(language, 'Measure agreement', 'Mesurer l’accord') }).click();
    await expect(page.getByRole('table').first()).toBeVisible();
  }],
  ['class comparison of an article', async ({ page }) => {
    await seedTwoAnnotators(page);
    await page.goto('/#/compare/000');
    await expect(page.locator('.compare-row').first()).toBeVisible();
  }],
  ['link picker', ({ page }) => articleWithPicker(page)],
  ['name and colour dialog', async ({ page }) => {
    await page.getByRole('button', { name: /^Ana — / }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  }],
  ['tagset editor', async ({ page, language }) => {
    await openArticle(page, 'Meta et Spotify qui dénoncent');
    await page.getByRole('button', { name: T(language, 'Edit the tagset…', 'Modifier les étiquettes…') }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  }],
  ['display settings', async ({ page, language }) => {
    await page.getByText('Aa', { exact: true }).click();
    await expect(page.getByRole('group', { name: T(language, 'Article text size', 'Taille du texte des articles') })).toBeVisible();
  }],
  ['host a class', ({ page }) => page.goto('/#/host').then(() => undefined)],
  ['join a class', ({ page }) => page.goto('/#/join').then(() => undefined)],
  ['join page of a class server', async ({ browser, language, cls }) => person(browser, 'Nina', `${(await cls()).url}/#/join`, language)],
  ['class panel', classTeacher],
  ['assignment on a student’s article, past its due time', async (reach) => {
    const teacher = await classTeacher(reach);
    const form = teacher.locator('.assignment-form');
    await form.getByRole('textbox', { name: T(reach.language, 'Title', 'Titre'), exact: true }).fill('Qui affirme quoi ?');
    await form.getByRole('checkbox', { name: /^Meta et Spotify qui dénoncent/ }).check();
    await form.getByRole('textbox', { name: T(reach.language, 'Instructions', 'Consignes') }).fill('Lisez.\n\n- Marquez les *affirmations*');
    await form.locator('input[type=datetime-local]').fill('2020-01-06T08:00');
    await form.getByRole('button').last().click();
    const server = await reach.cls();
    const code = server.server.session!.studentCode;
    const student = await person(reach.browser, 'Nina', `${server.url}/#/join?code=${code}`, reach.language);
    await student.getByRole('textbox', { name: /code/i }).fill(code);
    await student.getByRole('button', { name: T(reach.language, 'Join', 'Rejoindre'), exact: true }).click();
    await student.locator('.assignment-card').getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).click();
    await expect(student.locator('.closed-note')).toBeVisible();
    return student;
  }],
  ['teacher dashboard', async (reach) => {
    const teacher = await classTeacher(reach);
    await teacher.evaluate(() => (location.hash = '#/dashboard'));
    await expect(teacher.locator('main.dashboard .dashboard-summary')).toBeVisible();
    return teacher;
  }],
  ['teacher scores (rubric)', async (reach) => {
    const teacher = await classTeacher(reach);
    await teacher.evaluate(() => (location.hash = '#/scores'));
    await expect(teacher.locator('main.scores-view .rubric-weights')).toBeVisible();
    return teacher;
  }],
  ['private feedback to a student', async (reach) => {
    const teacher = await classTeacher(reach);
    await teacher.evaluate(() => (location.hash = '#/feedback/nina'));
    await expect(teacher.locator('.feedback-thread textarea')).toBeVisible();
    return teacher;
  }],
  ['class report', async (reach) => {
    const teacher = await classTeacher(reach);
    await teacher.evaluate(() => (location.hash = '#/report'));
    await expect(teacher.locator('.glose-report h1')).toBeVisible({ timeout: 20_000 }); // the report reads every layer and text first
    return teacher;
  }],
  ['a student’s own report', async (reach) => {
    const code = (await (await classTeacher(reach)).locator('.join-code').textContent())!;
    const student = await person(reach.browser, 'Nina', `${(await reach.cls()).url}/#/join?code=${code}`, reach.language);
    await student.getByRole('textbox', { name: /code/i }).fill(code);
    await student.getByRole('button', { name: T(reach.language, 'Join', 'Rejoindre'), exact: true }).click();
    // joining ends on the class's library: going to the report before that lands there instead
    await expect(student.getByRole('status').filter({ hasText: T(reach.language, 'Connected', 'Connecté') })).toBeVisible();
    await expect(student.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ })).toBeVisible();
    await student.evaluate(() => (location.hash = '#/report'));
    await expect(student.locator('.glose-report h1')).toBeVisible({ timeout: 20_000 });
    return student;
  }],
  ['projector', async ({ browser, language, cls }) => {
    const server = await cls();
    const code = server.server.session!.observerCode;
    const wall = await person(browser, 'Projector', `${server.url}/#/join?code=${code}`, language);
    await wall.getByRole('textbox', { name: /code/i }).fill(code);
    await wall.getByRole('button', { name: T(language, 'Join', 'Rejoindre'), exact: true }).click();
    await expect(wall.getByRole('heading', { name: '3e B', level: 1 })).toBeVisible();
    return wall;
  }],
  ['new version of an article with carried marks', ({ page, language }) => articleWithVersions(page, language)],
  ['what changed between two versions', async ({ page, language }) => {
    await articleWithVersions(page, language);
    await page.locator('.version-links a.button-link').click();
    await expect(page.locator('.diff-text ins').first()).toBeVisible();
  }],
  ['adjudication of an article', async ({ page }) => {
    await seedTwoAnnotators(page);
    await page.goto('/#/adjudicate/000');
    await expect(page.locator('.adjudicate-progress')).toBeVisible();
  }],
];

/** A class server for one test, started when a view first asks for it. */
export function classOnDemand(): { cls: () => Promise<ClassServer>; stop: () => Promise<void> } {
  let server: ClassServer | undefined;
  return {
    cls: async () => (server ??= await startClass(`views${Date.now().toString(36)}`, '3e B')),
    stop: async () => server?.stop(),
  };
}
