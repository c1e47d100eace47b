/**
 * Blind → reveal → compare with a real class server: a teacher and two students in their own
 * browser contexts. While blind, a student is shown no classmate's live selection (one painted
 * before blind goes away at once) while the teacher still sees it; the comparison view is the
 * teacher's at any time and the students' after the reveal, shows both students' marks by name
 * and kind, lists the disputed passage first, and is driven from the keyboard. Screenshots in
 * English and French at the project's width (1280 and 900 px).
 */
import { expect, test, type Page } from '@playwright/test';
import { CLAIM_000, selectWithMouse } from './helpers';
import { eachMarksOne, person, sidebarItems, startClass, studentJoins, teacherJoins, type ClassServer } from './class-helpers';

let cls: ClassServer;
test.beforeAll(async () => {
  cls = await startClass('compare', '3e B');
});
test.afterAll(async () => cls.stop());

const LIVE = { timeout: 3_000 };
const PROBABLE = 'Il est probable, en revanche';

/** The text of every classmate's selection this page paints. */
const peerSelections = (page: Page) =>
  page.evaluate(() => [...CSS.highlights].filter(([name]) => name.startsWith('glose-peer-')).flatMap(([, h]) => [...h].map((r) => (r as Range).toString())));

const blindSwitch = (teacher: Page) => teacher.getByRole('checkbox', { name: /Annotation à l’aveugle/ });
const goTo = (page: Page, hash: string) => page.goto(page.url().replace(/#.*$/, hash));

test('blind hides classmates’ selections; after the reveal the comparison shows who marked what, the disputed passage first', async ({ browser }) => {
  test.setTimeout(150_000);
  const viewport = test.info().project.use.viewport ?? { width: 1280, height: 800 };
  const shots = `tests/e2e/screenshots/${test.info().project.name}`;
  const teacher = await person(browser, 'M. Petit', cls.url, 'fr', viewport);
  const code = await teacherJoins(teacher, cls);
  const nina = await person(browser, 'Nina Berg', `${cls.url}/#/join?code=${code}`, 'en', viewport);
  await studentJoins(nina, code, 'Join');
  const omar = await person(browser, 'Omar Kane', `${cls.url}/#/join?code=${code}`, 'fr', viewport);
  await studentJoins(omar, code, 'Rejoindre');
  const article = nina.url().replace(/^.*#\/article\//, '');

  // before blind, Nina sees Omar's live selection; blind takes it away at once
  await selectWithMouse(omar, PROBABLE);
  await expect.poll(() => peerSelections(nina), LIVE).toEqual([PROBABLE]);
  await blindSwitch(teacher).check();
  await expect(nina.getByText('Blind', { exact: true })).toBeVisible();
  await expect.poll(() => peerSelections(nina), LIVE).toEqual([]);

  // while blind, the teacher sees Omar's new selection, Nina never does
  await goTo(teacher, `#/article/${article}`);
  await expect(teacher.locator('.article-text')).toBeVisible();
  await selectWithMouse(omar, 'Étrange manière de présenter les activités');
  await expect.poll(() => peerSelections(teacher), LIVE).toEqual(['Étrange manière de présenter les activités']);
  await nina.waitForTimeout(1_000);
  expect(await peerSelections(nina)).toEqual([]);

  // blind marks: one passage marked differently (a claim, a disputed statement), one alike (a question each)
  await eachMarksOne(nina, omar);
  for (const student of [nina, omar]) {
    await selectWithMouse(student, PROBABLE);
    await student.keyboard.press('5');
    await expect(sidebarItems(student)).toHaveCount(2);
  }

  // a blind student has no comparison: no link, and the address says why
  await expect(nina.getByRole('link', { name: 'Compare the class' })).toHaveCount(0);
  await goTo(nina, `#/compare/${article}`);
  await expect(nina.getByRole('status').filter({ hasText: 'The comparison opens when your teacher reveals' })).toBeVisible();

  // the teacher compares during blind already
  await teacher.getByRole('link', { name: 'Comparer la classe' }).click();
  const teacherList = teacher.locator('.compare-list li.passage-item');
  await expect(teacherList).toHaveCount(2);
  await expect(teacherList.first()).toContainText('Nina Berg');
  await expect(teacherList.first()).toContainText('Omar Kane');

  // reveal: the students compare
  await goTo(teacher, '#/class');
  await blindSwitch(teacher).uncheck();
  await expect(nina.getByText('Blind', { exact: true })).toHaveCount(0, LIVE);
  await goTo(nina, `#/article/${article}`);
  await nina.getByRole('link', { name: 'Compare the class' }).click();
  await goTo(omar, `#/compare/${article}`);

  for (const [page, words] of [
    [nina, { disputed: /100\s?% disputed/, claim: 'Claim', doubt: 'Disputed', agreed: 'everyone agrees', question: 'Question' }],
    [omar, { disputed: /contesté à 100\s?%/, claim: 'Affirmation', doubt: 'Contesté', agreed: 'tout le monde est d’accord', question: 'Question' }],
  ] as const) {
    const items = page.locator('.compare-list li.passage-item');
    await expect(items).toHaveCount(2, LIVE);
    // the disputed passage first: Nina called one sentence a claim, Omar the next one disputed
    const first = items.nth(0);
    await expect(first.locator('.passage-level')).toHaveText(words.disputed);
    await expect(first.locator('.passage-excerpt')).toContainText('Spotify, de son côté');
    await expect(first.locator('.answer').filter({ hasText: words.claim })).toContainText('Nina Berg');
    await expect(first.locator('.answer').filter({ hasText: words.doubt })).toContainText('Omar Kane');
    await expect(first.locator('.member-chip').first()).toHaveAttribute('title', /Nina Berg|Omar Kane/);
    // then the passage where they agree
    const second = items.nth(1);
    await expect(second.locator('.passage-level')).toHaveText(words.agreed);
    await expect(second.locator('.answer').filter({ hasText: words.question })).toContainText('Nina Berg');
    await expect(second.locator('.answer').filter({ hasText: words.question })).toContainText('Omar Kane');
    // the heat strip beside the text: the figure for the disputed passage, ✓ for the agreed one, blank elsewhere
    // (the paragraph of PROBABLE comes twice in the article, the second time in a reader's comment)
    const row = (text: string) => page.locator('.compare-row').filter({ hasText: text }).first();
    await expect(row(CLAIM_000).locator('.heat-cell [aria-hidden]')).toHaveText(/^100\s?%$/);
    await expect(row(PROBABLE).locator('.heat-cell [aria-hidden]')).toHaveText('✓');
    await expect(row('Dans une tribune du 21 août').locator('.heat-cell [aria-hidden]')).toHaveText('');
  }
  // a click shows the disputed passage in the text, with its figure in the margin
  await omar.locator('.passage-jump').first().click();
  await expect(omar.locator('.compare-row p').filter({ hasText: CLAIM_000 })).toBeInViewport();
  await omar.waitForTimeout(1_500); // the flash fades
  await omar.screenshot({ path: `${shots}/compare-fr.png` });

  // keyboard: Tab reaches the first passage, ↓ moves to the next, Enter shows it in the text, Escape comes back
  const jumps = nina.locator('.passage-jump');
  await jumps.first().focus();
  await nina.keyboard.press('ArrowDown');
  await expect(jumps.nth(1)).toBeFocused();
  await nina.keyboard.press('Enter');
  const probable = nina.locator('.compare-row p').filter({ hasText: PROBABLE }).first();
  await expect(probable).toBeFocused();
  await expect(probable).toHaveClass(/flash/);
  await expect(probable).toBeInViewport();
  await nina.keyboard.press('Escape');
  await expect(jumps.nth(1)).toBeFocused();
  await nina.keyboard.press('ArrowUp');
  await nina.keyboard.press('Enter');
  await expect(nina.locator('.compare-row p').filter({ hasText: CLAIM_000 })).toBeFocused();
  await nina.waitForTimeout(1_500); // the smooth scroll ends and the flash fades
  await nina.screenshot({ path: `${shots}/compare-en.png` });

  // and a passage opens in the article, at its first mark
  await nina.locator('.compare-list li.passage-item').first().getByRole('link', { name: 'Open in the article' }).click();
  await expect(nina.locator('.article-text')).toBeVisible();
  await expect(nina.locator('li.annotation.focused')).toContainText(/Spotify|Étrange/);
});
