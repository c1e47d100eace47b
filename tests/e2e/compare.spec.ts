/**
 * Blind → reveal → compare with a real class server: a teacher and two students in their own
 * browser contexts. While blind, a student is shown no classmate's live selection (one painted
 * before blind goes away at once) while the teacher still sees it; the comparison view is the
 * teacher's at any time and the students' after the reveal, shows both students' marks by name
 * and kind, lists the disputed passage first, points at its most disputed sentence, and is
 * driven from the keyboard. After the reveal the teacher's article has the class's heat strip in
 * its margin (named in words, driven from the keyboard, live). Screenshots in English and French
 * at the project's width (1280 and 900 px), and of the strip at 800 px too.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { CLAIM_000, selectWithMouse } from './helpers';
import { classOfSpec, eachMarksOne, person, sidebarItems, studentIn, teacherJoins } from './class-helpers';

const cls = classOfSpec('compare', '3e B');

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
  const nina = await studentIn(browser, cls, code, 'Nina Berg', 'en', { viewport });
  const omar = await studentIn(browser, cls, code, 'Omar Kane', 'fr', { viewport });
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
  await expect(teacher.locator('.heat-strip')).toHaveCount(0); // the strip in the article waits for the reveal
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
    [nina, { disputed: /100\s?% disputed/, claim: 'Claim', doubt: 'Disputed', agreed: 'everyone agrees', question: 'Question', sentence: 'Sentence 1 of 2, the most disputed:',
      hot: /^Paragraph \d+: 2 marks, 100\s?% disputed, most disputed at sentence 1$/, alike: /^Paragraph \d+: 2 marks, everyone agrees$/, none: /^Paragraph \d+: no marks$/ }],
    [omar, { disputed: /contesté à 100\s?%/, claim: 'Affirmation', doubt: 'Contesté', agreed: 'tout le monde est d’accord', question: 'Question', sentence: 'Phrase 1 sur 2, la plus contestée :',
      hot: /^Paragraphe \d+\s: 2 marques, contesté à 100\s?%, surtout la phrase 1$/, alike: /^Paragraphe \d+\s: 2 marques, tout le monde est d’accord$/, none: /^Paragraphe \d+\s: aucune marque$/ }],
  ] as const) {
    const items = page.locator('.compare-list li.passage-item');
    await expect(items).toHaveCount(2, LIVE);
    // the disputed passage first: Nina called one sentence a claim, Omar the next one disputed
    const first = items.nth(0);
    await expect(first.locator('.passage-level')).toHaveText(words.disputed);
    // the excerpt is the paragraph's most disputed sentence (the first of two equally disputed)
    await expect(first.locator('.passage-excerpt')).toContainText(`${words.sentence} Spotify, de son côté`);
    await expect(first.locator('.answer').filter({ hasText: words.claim })).toContainText('Nina Berg');
    await expect(first.locator('.answer').filter({ hasText: words.doubt })).toContainText('Omar Kane');
    await expect(first.locator('.member-chip').first()).toHaveAttribute('title', /Nina Berg|Omar Kane/);
    // then the passage where they agree
    const second = items.nth(1);
    await expect(second.locator('.passage-level')).toHaveText(words.agreed);
    await expect(second.locator('.answer').filter({ hasText: words.question })).toContainText('Nina Berg');
    await expect(second.locator('.answer').filter({ hasText: words.question })).toContainText('Omar Kane');
    // the heat strip beside the text, a button per paragraph named in words: the figure for the disputed
    // passage, ✓ for the agreed one, blank elsewhere; the disputed sentence is underlined in the text
    // (the paragraph of PROBABLE comes twice in the article, the second time in a reader's comment)
    const row = (text: string) => page.locator('.compare-row').filter({ hasText: text }).first();
    await expect(row(CLAIM_000).getByRole('button')).toHaveAccessibleName(words.hot);
    await expect(row(CLAIM_000).locator('.heat-segment [aria-hidden]')).toHaveText(/^100\s?%$/);
    await expect(row(CLAIM_000).locator('.sentence-hot')).toHaveText(CLAIM_000);
    await expect(row(PROBABLE).getByRole('button')).toHaveAccessibleName(words.alike);
    await expect(row(PROBABLE).locator('.heat-segment [aria-hidden]')).toHaveText('✓');
    await expect(row('Dans une tribune du 21 août').getByRole('button')).toHaveAccessibleName(words.none);
    await expect(row('Dans une tribune du 21 août').locator('.heat-segment [aria-hidden]')).toHaveText('');
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

  await teacherHeatStrip(teacher, nina, article, shots);
});

/** The highlight the article flashes (the text of each range). */
const flashed = (page: Page) => page.evaluate(() => [...(CSS.highlights.get('glose-flash') ?? [])].map((r) => (r as Range).toString()));

/**
 * After the reveal, the teacher's article has the class's heat strip in the text's margin: one
 * button per paragraph, in text order, named in words; Enter shows the paragraph (in view,
 * flashed), ↓ moves on; a classmate's new mark changes its segment alone, live.
 */
async function teacherHeatStrip(teacher: Page, nina: Page, article: string, shots: string) {
  await goTo(teacher, `#/article/${article}`);
  const strip = teacher.getByRole('group', { name: 'Ce que la classe a marqué, paragraphe par paragraphe' });
  const segments = strip.getByRole('button');
  await expect(segments).toHaveCount(await teacher.locator('.article-text > .glose-block').count());
  const names = () => segments.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label') ?? ''));
  const marked = async () => (await names()).filter((n) => !n.endsWith('aucune marque'));
  await expect.poll(marked, LIVE).toEqual([
    expect.stringMatching(/^Paragraphe \d+\s: 2 marques, contesté à 100\s?%, surtout la phrase 1$/),
    expect.stringMatching(/^Paragraphe \d+\s: 2 marques, tout le monde est d’accord$/),
  ]);
  const numbers = (await names()).map((n) => Number(/^Paragraphe (\d+)/.exec(n)?.[1]));
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));

  // keyboard: Enter shows the paragraph in the text, the focus stays on the strip, ↓ goes to the next paragraph
  const hot = strip.getByRole('button', { name: /2 marques, contesté à 100/ });
  const n = Number(/^Paragraphe (\d+)/.exec((await hot.getAttribute('aria-label')) ?? '')?.[1]);
  await hot.focus();
  await teacher.keyboard.press('Enter');
  await expect.poll(() => flashed(teacher)).toEqual([expect.stringContaining('Spotify, de son côté')]);
  await expect(teacher.locator('.article-text > .glose-block').nth(n - 1)).toBeInViewport();
  await expect(hot).toBeFocused();
  await teacher.keyboard.press('ArrowDown');
  const focused = teacher.locator('.heat-segment:focus');
  await expect(focused).toHaveAttribute('aria-label', new RegExp(`^Paragraphe ${n + 1}\\s`));

  // live: Nina marks another paragraph; its segment alone changes (no segment is replaced, the focus stays)
  await strip.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { heatChanges: string[] }).heatChanges = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        const at = r.target instanceof Element ? r.target : r.target.parentElement;
        seen.push(at === element ? 'strip' : (at?.closest('.heat-segment')?.getAttribute('aria-label') ?? '?').split(/\s:/)[0]!);
      }
    }).observe(element, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await selectWithMouse(nina, 'Dans une tribune du 21 août');
  await nina.keyboard.press('1');
  const fresh = strip.getByRole('button', { name: /^Paragraphe \d+\s: 1 marque, contesté à 100\s?%$/ });
  await expect(fresh).toHaveCount(1, { timeout: 10_000 });
  const m = /^Paragraphe (\d+)/.exec((await fresh.getAttribute('aria-label')) ?? '')?.[1];
  expect(new Set(await teacher.evaluate(() => (window as unknown as { heatChanges: string[] }).heatChanges))).toEqual(new Set([`Paragraphe ${m}`]));
  await expect(focused).toHaveAttribute('aria-label', new RegExp(`^Paragraphe ${n + 1}\\s`));

  // screenshots, French then English, at the project's width and at 800 px
  for (const language of ['fr', 'en']) {
    if (language === 'en') await teacher.getByRole('combobox', { name: 'Langue' }).selectOption('English');
    for (const width of [teacher.viewportSize()!.width, 800]) {
      await teacher.setViewportSize({ width, height: 800 });
      await strip.or(teacher.getByRole('group', { name: 'How the class marked each paragraph' })).getByRole('button', { name: /2 (marques|marks), (contesté à )?100/ }).click();
      await teacher.waitForTimeout(1_500); // the smooth scroll ends and the flash fades
      await teacher.screenshot({ path: `${shots}/heatstrip-${language}-${width}.png` });
    }
    await teacher.setViewportSize({ width: test.info().project.use.viewport?.width ?? 1280, height: 800 });
  }
}
