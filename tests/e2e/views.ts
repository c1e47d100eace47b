/**
 * Every view of the app, each one line: its name and how a person gets there. Views are visited
 * in scenes, one page each, in the order a person would go: a view starts where the one before it
 * left the page (a dialog open, a mark made), so each scene seeds its data and starts its class
 * server once (`cls`, on first use), not once per view. The accessibility spec runs axe and the
 * reflow check on each; a new view is one more line in the scene that has the state it needs.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { person, startClass, teacherJoins, type ClassServer } from './class-helpers';
import { CLAIM_000, openArticle, selectWithMouse } from './helpers';
import { seedTwoAnnotators } from './research-helpers';
import { articleWithVersions } from './version-helpers';

export type Language = 'en' | 'fr';
export interface Reach {
  /** the scene's page: the library in the test's language, with a user named */
  page: Page;
  browser: Browser;
  language: Language;
  /** a class server of this test's own, started on first use */
  cls: () => Promise<ClassServer>;
}
/** A view: its name, and how to get there from the view before it; it returns the page to check if that is not `page`. */
export type View = [name: string, reach: (r: Reach) => Promise<Page | void>];

const T = (language: Language, en: string, fr: string) => (language === 'fr' ? fr : en);

/** From the open article: the Spotify claim marked as a claim, listed in the sidebar. */
async function markClaim(page: Page): Promise<void> {
  await selectWithMouse(page, CLAIM_000);
  await page.keyboard.press('1');
  await expect(page.getByRole('complementary').locator('li.annotation')).toHaveCount(1);
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
}

/** The teacher of a class, in `language` (teacherJoins joins in French; the language switch does the rest). */
export async function classTeacher({ browser, language, cls }: Reach): Promise<Page> {
  const server = await cls();
  const teacher = await person(browser, 'Mme Durand', server.url, 'fr');
  await teacherJoins(teacher, server);
  if (language === 'en') await teacher.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  return teacher;
}

/** One person's library and articles, without a class. */
const localViews = (): View[] => [
  ['library', async () => {}],
  ['name and colour dialog', async ({ page }) => {
    await page.getByRole('button', { name: /^Ana — / }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  }],
  ['display settings', async ({ page, language }) => {
    await closeDialog(page);
    await page.getByText('Aa', { exact: true }).click();
    await expect(page.getByRole('group', { name: T(language, 'Article text size', 'Taille du texte des articles') })).toBeVisible();
  }],
  ['host a class', async ({ page }) => {
    await page.getByText('Aa', { exact: true }).click();
    await page.goto('/#/host');
  }],
  ['join a class', ({ page }) => page.goto('/#/join').then(() => undefined)],
  ['tagset editor', async ({ page, language }) => {
    await page.goto('/#/');
    await openArticle(page, 'Meta et Spotify qui dénoncent');
    await page.getByRole('button', { name: T(language, 'Edit the tagset…', 'Modifier les étiquettes…') }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  }],
  ['article with its sidebar', async ({ page }) => {
    await closeDialog(page);
    await markClaim(page);
  }],
  ['link picker', async ({ page }) => {
    await page.keyboard.press('l');
    await expect(page.getByRole('dialog')).toBeVisible();
  }],
  ['discussion thread', async ({ page, language }) => {
    await closeDialog(page);
    const item = page.getByRole('complementary').locator('li.annotation');
    await item.getByRole('button', { name: T(language, '0 replies', '0 réponse') }).click();
    await item.getByRole('textbox').fill('See **page 3**');
    await item.getByRole('button', { name: T(language, 'Send', 'Envoyer') }).click();
    await expect(item.locator('.reply-text')).toHaveText('See page 3');
  }],
  ['new version of an article with carried marks', async ({ page, language }) => {
    await page.goto('/#/');
    await articleWithVersions(page, language);
  }],
  ['what changed between two versions', async ({ page }) => {
    await page.locator('.version-links a.button-link').click();
    await expect(page.locator('.diff-text ins').first()).toBeVisible();
  }],
];

/** Two annotators' marks on article 000, seeded once. */
const researchViews = (): View[] => [
  ['argument map', async ({ page }) => {
    await seedTwoAnnotators(page);
    await page.goto('/#/map');
    await expect(page.locator('.map-canvas[data-ready]')).toBeVisible();
  }],
  ['claim registry', async ({ page }) => {
    await page.goto('/#/claims');
    await expect(page.locator('.claim-entry')).toHaveCount(2);
  }],
  ['research and agreement', async ({ page, language }) => {
    await page.goto('/#/research');
    await page.getByRole('button', { name: T(language, 'Measure agreement', 'Mesurer l’accord') }).click();
    await expect(page.getByRole('table').first()).toBeVisible();
  }],
  ['class comparison of an article', async ({ page }) => {
    await page.goto('/#/compare/000');
    await expect(page.locator('.compare-row').first()).toBeVisible();
  }],
  ['adjudication of an article', async ({ page }) => {
    await page.goto('/#/adjudicate/000');
    await expect(page.locator('.adjudicate-progress')).toBeVisible();
  }],
];

/** One class: its teacher, a student (Nina) and the projector, each joined once. */
const classViews = (): View[] => {
  let teacher: Page;
  let nina: Page;
  const teacherAt = async (hash: string, ready: string, timeout?: number) => {
    await teacher.evaluate((h) => (location.hash = h), hash);
    await expect(teacher.locator(ready)).toBeVisible({ timeout });
    return teacher;
  };
  return [
    ['class panel', async (reach) => (teacher = await classTeacher(reach))],
    ['join card on the whole screen', async ({ language }) => {
      await teacher.getByRole('button', { name: T(language, 'Show the code full screen', 'Afficher le code en grand') }).click();
      await expect(teacher.locator('.join-card-code')).toBeVisible();
      return teacher;
    }],
    ['teacher dashboard', () => teacherAt('#/dashboard', 'main.dashboard .dashboard-summary')],
    ['teacher scores (rubric)', () => teacherAt('#/scores', 'main.scores-view .rubric-weights')],
    ['private feedback to a student', () => teacherAt('#/feedback/nina', '.feedback-thread textarea')],
    // the report reads every layer and text first
    ['class report', () => teacherAt('#/report', '.glose-report h1', 20_000)],
    ['join page of a class server', async ({ browser, language, cls }) => (nina = await person(browser, 'Nina', `${(await cls()).url}/#/join`, language))],
    ['assignment on a student’s article, past its due time', async ({ language, cls }) => {
      await teacherAt('#/class', '.assignment-form');
      const form = teacher.locator('.assignment-form');
      await form.getByRole('textbox', { name: T(language, 'Title', 'Titre'), exact: true }).fill('Qui affirme quoi ?');
      await form.getByRole('checkbox', { name: /^Meta et Spotify qui dénoncent/ }).check();
      await form.getByRole('textbox', { name: T(language, 'Instructions', 'Consignes') }).fill('Lisez.\n\n- Marquez les *affirmations*');
      await form.locator('input[type=datetime-local]').fill('2020-01-06T08:00');
      await form.getByRole('button').last().click();
      await nina.getByRole('textbox', { name: /code/i }).fill((await cls()).server.session!.studentCode);
      await nina.getByRole('button', { name: T(language, 'Join', 'Rejoindre'), exact: true }).click();
      await nina.locator('.assignment-card').getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).click();
      await expect(nina.locator('.closed-note')).toBeVisible();
      return nina;
    }],
    ['a student’s own report', async () => {
      await nina.evaluate(() => (location.hash = '#/report'));
      await expect(nina.locator('.glose-report h1')).toBeVisible({ timeout: 20_000 });
      return nina;
    }],
    ['projector', async ({ browser, language, cls }) => {
      const code = (await cls()).server.session!.observerCode;
      const wall = await person(browser, 'Projector', `${(await cls()).url}/#/join?code=${code}`, language);
      await wall.getByRole('textbox', { name: /code/i }).fill(code);
      await wall.getByRole('button', { name: T(language, 'Join', 'Rejoindre'), exact: true }).click();
      await expect(wall.getByRole('heading', { name: '3e B', level: 1 })).toBeVisible();
      return wall;
    }],
  ];
};

/** The scenes, each a fresh page: every view of the app is in one of them. */
export const SCENES: [name: string, views: () => View[]][] = [
  ['the library, an article and its versions', localViews],
  ['two annotators’ marks', researchViews],
  ['a class', classViews],
];

/** A class server for one test, started when a view first asks for it. */
export function classOnDemand(): { cls: () => Promise<ClassServer>; stop: () => Promise<void> } {
  let server: ClassServer | undefined;
  return {
    cls: async () => (server ??= await startClass(`views${Date.now().toString(36)}`, '3e B')),
    stop: async () => server?.stop(),
  };
}
