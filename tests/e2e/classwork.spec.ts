/**
 * Assignments and teams in real Chromium against a real class server (issue 12, items 1–2).
 * An assignment: the teacher (French) writes one on an article with a due time some 40 s ahead;
 * a student (English) sees it on the library when she joins and as a banner on the article,
 * marks a claim in time, and when the due time passes her page turns read-only with the message,
 * her mark still there; the teacher extends her due time and her page re-opens.
 * Teams: two students of one team mark in the same layer and see each other's marks while blind;
 * a third student outside sees only her own until the reveal. A student put in a team while
 * reading keeps the article where it was (never unmounted, the passage she selected still under
 * her eyes and selected), and a mark she makes while the team's layer is being read goes to it.
 * Screenshots (English and French, 1280 and 900 px) go to tests/e2e/screenshots/classwork-*.png.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { joinClass, localInputIn, person, sidebarItems, startClass, teacherJoins, type ClassServer } from './class-helpers';
import { CLAIM_000, pressOnPassage, selectWithMouse } from './helpers';

let cls: ClassServer;
test.beforeEach(async () => {
  cls = await startClass('devoirs', '3e B');
});
test.afterEach(async () => {
  await cls.stop();
});

const ARTICLE = /^Meta et Spotify qui dénoncent/;
const language = (page: Page) => page.locator('.language-switch select');

/**
 * Holds the opening of every layer database the page opens from now on (a new one is created and
 * held in its upgrade, so the app's own opening waits behind it), as a slow disk would: the
 * student's view stays on the layer she is leaving until the returned function lets go.
 */
async function holdNewLayers(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const w = window as unknown as { releaseLayers: () => void };
    const released = new Promise<void>((resolve) => (w.releaseLayers = resolve));
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      if (name.includes('/layer/')) {
        const held = open.call(this, name, 1);
        held.onupgradeneeded = () => {
          const updates = held.result.createObjectStore('updates', { autoIncrement: true }); // y-indexeddb's stores
          held.result.createObjectStore('custom');
          let holding = true;
          void released.then(() => (holding = false));
          const spin = () => void (holding && (updates.count().onsuccess = spin)); // keeps the upgrade open
          spin();
        };
        held.onsuccess = () => held.result.close();
      }
      return version === undefined ? open.call(this, name) : open.call(this, name, version);
    };
  });
  return () => page.evaluate(() => (window as unknown as { releaseLayers: () => void }).releaseLayers());
}

/** Records whether the article view ever leaves the page or is replaced (read with `viewLeft`). */
async function watchArticleView(page: Page): Promise<void> {
  await page.evaluate(() => {
    const first = document.querySelector('.article-view');
    const w = window as unknown as { viewLeft: number };
    w.viewLeft = first ? 0 : 1;
    new MutationObserver(() => {
      if (document.querySelector('.article-view') !== first) w.viewLeft++;
    }).observe(document.body, { childList: true, subtree: true });
  });
}
const viewLeft = (page: Page) => page.evaluate(() => (window as unknown as { viewLeft: number }).viewLeft);
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString());
/** Where `passage` begins in the window (px from its top), as the reader sees it. */
const placeOf = (page: Page, passage: string) =>
  page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.querySelector('.article-text')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return Math.round(range.getBoundingClientRect().top);
    }
    return null;
  }, passage);

/** Screenshots of the page (from its top; `fullPage`: all of it) in English and French at 1280 and 900 px; the page is left as it was. */
async function look(page: Page, name: string, fullPage = false): Promise<void> {
  const before = await language(page).inputValue();
  const size = page.viewportSize()!;
  for (const lang of ['en', 'fr']) {
    await language(page).selectOption(lang);
    for (const width of [1280, 900]) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `tests/e2e/screenshots/classwork-${name}-${lang}-${width}.png`, fullPage });
    }
  }
  await language(page).selectOption(before);
  await page.setViewportSize(size);
}

test('a student sees the assignment, marks in time, and the article turns read-only at the due time until the teacher extends it', async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await person(browser, 'M. Petit', cls.url);
  const code = await teacherJoins(teacher, cls);
  const form = teacher.locator('.assignment-form');
  await form.getByRole('textbox', { name: 'Titre', exact: true }).fill('Qui affirme quoi ?');
  await form.getByRole('checkbox', { name: ARTICLE }).check();
  await form.getByRole('textbox', { name: 'Consignes' }).fill('Lisez l’article.\n\n- Marquez les *affirmations*\n- Puis les réfutations\n\n<b>pas du HTML</b>');
  await form.getByRole('radio', { name: /Seulement certains types/ }).check();
  await form.getByRole('checkbox', { name: 'Affirmation' }).check();
  await form.getByRole('checkbox', { name: 'Réfutation' }).check();
  await form.getByLabel('Heure limite (facultative)').fill(localInputIn(40_000));
  await expect(form.locator('.instructions-preview em')).toHaveText('affirmations');
  await look(teacher, 'assignment-editor', true);
  await form.getByRole('button', { name: 'Créer le devoir' }).click();
  await expect(teacher.locator('.assignment-items h3')).toHaveText('Qui affirme quoi ?');

  // Nina joins: the assignment is on her landing page, in English, instructions as text
  const nina = await person(browser, 'Nina', `${cls.url}/#/join?code=${code}`, 'en');
  await joinClass(nina, code, 'Join');
  const card = nina.locator('.assignment-list .assignment-card');
  await expect(card.getByRole('heading', { name: 'Qui affirme quoi ?' })).toBeVisible();
  await expect(card.locator('.due')).toHaveText(/^Due \w+day, /);
  await expect(card.locator('em')).toHaveText('affirmations');
  await expect(card).toContainText('<b>pas du HTML</b>'); // shown as text, never parsed
  await expect(card.locator('b')).toHaveCount(0);
  await expect(card).toContainText('Kinds to use: Claim, Rebuttal');
  await look(nina, 'student-landing');

  // on the article: the banner, the kinds asked for, a mark in time
  await card.getByRole('link', { name: ARTICLE }).click();
  await expect(nina.locator('.assignment-banner')).toContainText('Qui affirme quoi ?');
  await expect(nina.getByRole('toolbar').getByRole('button')).toHaveText([/Claim/, /Rebuttal/]);
  await selectWithMouse(nina, CLAIM_000);
  await nina.keyboard.press('1');
  await expect(sidebarItems(nina)).toHaveCount(1);
  await look(nina, 'student-banner');

  // the due time passes: read-only, with the message, and the mark is still there
  const closed = nina.getByRole('status').filter({ hasText: 'The due time has passed: your marks can no longer be changed.' });
  await expect(closed).toBeVisible({ timeout: 60_000 });
  await expect(nina.getByRole('toolbar', { name: 'Mark the selection as' })).toHaveCount(0);
  await expect(sidebarItems(nina).getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await selectWithMouse(nina, 'Étrange manière de présenter les activités');
  await nina.keyboard.press('1');
  await expect(sidebarItems(nina)).toHaveCount(1);
  await nina.reload();
  await expect(sidebarItems(nina)).toHaveCount(1);
  await expect(closed).toBeVisible();
  await look(nina, 'read-only');

  // the teacher gives Nina a day more while she is dragging over a passage at the top of the article
  // (where the browser's scroll anchoring does nothing): her page opens again at once (above the
  // text, the message goes and the kind toolbar comes back), and the text stays under her pointer
  // until she lets go: she selects the words she started on, and marks them
  const passage = 'Le 28 août à 09h11';
  const extension = teacher.locator('.extension-form');
  await extension.getByLabel('Élève').selectOption({ label: 'Nina' });
  expect(await nina.evaluate(() => window.scrollY)).toBe(0);
  const letGo = await pressOnPassage(nina, passage, false);
  await extension.getByRole('button', { name: 'Prolonger' }).click();
  await expect(teacher.locator('.extensions li')).toContainText('Nina : jusqu’au');
  await expect(closed).toHaveCount(0, { timeout: 15_000 });
  await expect(nina.locator('.assignment-banner .due')).toContainText('(extended for you)');
  await expect(nina.getByRole('toolbar', { name: 'Mark the selection as' })).toBeVisible();
  expect(await letGo()).toBe(passage);
  await nina.keyboard.press('1');
  await expect(sidebarItems(nina)).toHaveCount(2);
  await expect(sidebarItems(nina).first()).toContainText(passage);
});

test('two students of one team mark in one layer; a student outside the team sees only her own work until the reveal', async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await person(browser, 'M. Petit', cls.url);
  const code = await teacherJoins(teacher, cls);
  const students: Record<string, Page> = {};
  for (const name of ['Nina', 'Omar', 'Léa']) {
    students[name] = await person(browser, name, `${cls.url}/#/join?code=${code}`, 'fr');
    await joinClass(students[name], code, 'Rejoindre');
  }
  const { Nina: nina, Omar: omar, Léa: lea } = students as Record<'Nina' | 'Omar' | 'Léa', Page>;

  // everyone has the article open before the teams are made: the team's layer is at first a classmate's, read-only
  for (const page of [nina, omar, lea]) {
    await page.getByRole('link', { name: ARTICLE }).first().click();
    await expect(page.locator('.article-text')).toBeVisible();
  }
  // blind from here on: each student reads only her own layer, so the team's is new to its members
  await teacher.getByRole('checkbox', { name: /Annotation à l’aveugle/ }).check();
  const teams = teacher.locator('.team-editor');
  await teams.getByRole('textbox', { name: 'Nom de la nouvelle équipe' }).fill('Les Renards');
  await teams.getByRole('textbox', { name: 'Nom de la nouvelle équipe' }).press('Enter');
  await expect(teams.locator('.team-list')).toContainText('Les Renards');

  // Nina is reading part way down the article, a passage selected, when the teacher puts her in
  // the team (with the keyboard: the selects of the roster), and her disk is slow to open the
  // team's layer: the article stays as it is, busy, until the layer is in
  const reading = 'Spotify, de son côté';
  await selectWithMouse(nina, CLAIM_000);
  const place = await placeOf(nina, reading);
  expect(place).not.toBeNull();
  expect(await nina.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await watchArticleView(nina);
  const releaseNina = await holdNewLayers(nina);
  const select = (name: string) => teams.getByRole('combobox', { name: `Équipe de ${name}` });
  await select('Nina').focus();
  await select('Nina').selectOption({ label: 'Les Renards' });
  await expect(nina.locator('.team-note')).toContainText('Les Renards');
  expect(await viewLeft(nina)).toBe(0);
  expect(await selected(nina)).toBe(CLAIM_000);
  expect(Math.abs((await placeOf(nina, reading))! - place!)).toBeLessThanOrEqual(1);
  await expect(nina.locator('.article-view')).toHaveAttribute('aria-busy', 'true');
  // she marks the passage meanwhile: the key waits for the team's layer, and goes there (once: see the reveal)
  await nina.keyboard.press('1');
  await releaseNina();
  await expect(nina.locator('.article-view')).not.toHaveAttribute('aria-busy');
  await expect(sidebarItems(nina)).toHaveCount(1);
  await expect(sidebarItems(nina).first()).toContainText(reading);
  expect(await viewLeft(nina)).toBe(0);
  expect(Math.abs((await placeOf(nina, reading))! - place!)).toBeLessThanOrEqual(1);

  // Omar's page while his team's layer is read, and once it is in
  const releaseOmar = await holdNewLayers(omar);
  await select('Omar').focus();
  await select('Omar').selectOption({ label: 'Les Renards' });
  await expect(teams.locator('.team-list')).toContainText('2 membres');
  await expect(omar.locator('.article-view')).toHaveAttribute('aria-busy', 'true');
  await look(omar, 'team-switching');
  await releaseOmar();
  await expect(omar.locator('.article-view')).not.toHaveAttribute('aria-busy');
  await expect(sidebarItems(omar)).toHaveCount(1, { timeout: 15_000 }); // the team's layer: Omar sees Nina's mark
  await look(omar, 'team-made');
  await look(teacher, 'team-editor', true);

  await selectWithMouse(omar, 'Étrange manière de présenter les activités');
  await omar.keyboard.press('2');
  await expect(sidebarItems(nina)).toHaveCount(2, { timeout: 15_000 });
  await selectWithMouse(lea, CLAIM_000);
  await lea.keyboard.press('1');
  await expect(sidebarItems(lea)).toHaveCount(1);
  await lea.waitForTimeout(1_000);
  await expect(sidebarItems(lea)).toHaveCount(1); // blind: not the team's marks
  await expect(sidebarItems(nina)).toHaveCount(2); // nor Léa's for the team
  for (const page of [nina, omar, lea]) await expect(page.locator('.sync-refused')).toHaveCount(0); // the server took every mark

  // the reveal: everyone sees all
  await teacher.getByRole('checkbox', { name: /Annotation à l’aveugle/ }).uncheck();
  await expect(sidebarItems(lea)).toHaveCount(3, { timeout: 15_000 });
  await expect(sidebarItems(omar)).toHaveCount(3, { timeout: 15_000 });
});
