import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { CLAIM_000 } from './helpers';
import { classOfSpec, focusMark, markAs, shoot, teacherAndTwoStudents } from './class-helpers';

// The teacher's reading in a real class: the teacher marks two claims in their own layer and
// promotes them into the gold from the comparison view with G, promotes a student's question
// too, undoes and redoes, explains a claim and reveals; before the reveal students get nothing
// of the gold, after it each sees what they found, found in part and missed (in the sidebar and
// in the text) with the teacher's explanation. Then the teacher's scores view.

const cls = classOfSpec('lecture', '4e B');

const ALONE = 'Étrange manière de présenter les activités';
const AGREED = 'Il est probable, en revanche';
const LIVE = { timeout: 20_000 };
const EXPLAINED = 'La thèse de l’article : le succès viendrait de l’IA.';

const snap = (page: Page, name: string) => shoot(page, test.info().project.name, name);

test('the teacher builds their reading with G, reveals it; each student sees matches, partial matches and misses; the scores view', async ({ browser }) => {
  test.setTimeout(180_000);
  const { teacher, nina, omar } = await teacherAndTwoStudents(browser, cls, test.info().project.use.viewport ?? undefined);

  await teacher.goto(teacher.url().replace(/#.*$/, '#/article/000'));
  await expect(teacher.locator('.article-text')).toContainText('Spotify, de son côté', LIVE);
  await markAs(teacher, 'par M. Petit', CLAIM_000, '1', 1);
  await markAs(teacher, 'par M. Petit', AGREED, '1', 2);
  await markAs(nina, 'by Nina', CLAIM_000, '1', 1); // the claim: a match
  await markAs(omar, 'par Omar', AGREED, '2', 1); // "disputed" over the teacher's claim: a partial match
  await markAs(omar, 'par Omar', ALONE, '5', 2); // a question the teacher will promote

  // the comparison view: G promotes the focused mark into the gold
  await teacher.goto(teacher.url().replace(/#.*$/, '#/compare/000'));
  const goldMarks = teacher.locator('.gold-marks > li');
  await focusMark(teacher, 'Spotify, de son côté', /M\. Petit/);
  await teacher.keyboard.press('g');
  await expect(goldMarks).toHaveCount(1);
  await expect(teacher.locator('.promote-mark:focus')).toContainText('dans votre lecture');
  await focusMark(teacher, ALONE, /Omar/);
  await teacher.keyboard.press('G');
  await expect(goldMarks).toHaveCount(2);
  await expect(teacher.getByRole('status').filter({ hasText: /^Ajouté à votre lecture\s: Question/ })).toBeVisible();
  await focusMark(teacher, AGREED, /M\. Petit/);
  await teacher.keyboard.press('g');
  await expect(goldMarks).toHaveCount(3);
  // Ctrl+Z takes the last one out, Ctrl+Shift+Z puts it back
  await teacher.keyboard.press('Control+z');
  await expect(goldMarks).toHaveCount(2);
  await teacher.keyboard.press('Control+Shift+z');
  await expect(goldMarks).toHaveCount(3);
  await expect(goldMarks.locator('strong')).toHaveText(['Affirmation', 'Question', 'Affirmation']);
  // the teacher explains the first claim
  const explanation = goldMarks.first().getByRole('textbox');
  await explanation.fill(EXPLAINED);
  await explanation.blur();

  // before the reveal the students see nothing of the gold
  await expect(nina.locator('.gold-feedback')).toHaveCount(0);
  await teacher.getByRole('button', { name: 'Montrer ma lecture aux élèves' }).click();
  await expect(teacher.getByRole('button', { name: 'Cacher ma lecture aux élèves' })).toHaveAttribute('aria-pressed', 'true');
  await expect(teacher.locator('.gold-reveal [role=status]')).toHaveText('Les élèves voient votre lecture et ce qu’ils en ont trouvé.');
  await teacher.locator('.gold-workbench').scrollIntoViewIfNeeded();
  await snap(teacher, 'gold-workbench-fr');

  // Nina (English): one of the two claims, the explanation, two misses shown in the text
  const feedback = nina.locator('.gold-feedback');
  await expect(feedback.locator('.gold-summary')).toHaveText('You found 1 of the 2 claims your teacher marked.', LIVE);
  await expect(feedback.locator('.gold-outcome')).toHaveText(['✓ found', '✗ missed', '✗ missed']);
  await expect(feedback.locator('.gold-note').first()).toHaveText(`Your teacher: ${EXPLAINED}`);
  await expect(nina.locator('.gold-miss-tag')).toHaveCount(2);
  await expect(nina.locator('.gold-miss-tag').first()).toHaveText('✗ missed');
  // the keyboard walks the list; Enter shows the mark in the text
  await feedback.locator('.gold-jump').first().focus();
  await nina.keyboard.press('ArrowDown');
  await expect(feedback.locator('.gold-jump').nth(1)).toBeFocused();
  await nina.keyboard.press('Enter');
  await expect.poll(() => nina.evaluate(() => window.getSelection()?.toString())).toBe(ALONE);
  await snap(nina, 'gold-feedback-en');
  await expectAccessible(nina, 'gold feedback');

  // Omar (French): no claim found, one in part (another kind), his question found
  const his = omar.locator('.gold-feedback');
  await expect(his.locator('.gold-summary')).toHaveText(/^Vous avez trouvé 0 des 2 affirmations que votre enseignant a marquées\. 1 autre trouvé en partie\./, LIVE);
  await expect(his.locator('.gold-outcome')).toHaveText(['✗ manqué', '✓ trouvé', '◐ trouvé en partie']);
  await expect(his.locator('.gold-detail')).toHaveText('Vous avez marqué ces mots comme « Contesté ».');
  await expect(omar.locator('.gold-miss-tag')).toHaveCount(1);
  await his.scrollIntoViewIfNeeded();
  await snap(omar, 'gold-feedback-fr');

  // the scores view, from the dashboard: every point a link to the mark that earned it
  await teacher.goto(teacher.url().replace(/#.*$/, '#/dashboard'));
  await teacher.getByRole('link', { name: 'Notes (barème)' }).click();
  const rows = teacher.locator('.scores-table tbody tr');
  await expect(rows.locator('th')).toHaveText(['Nina', 'Omar'], LIVE);
  await expect(rows.nth(0).locator('td').first()).toHaveText('1 sur 2 (en partie : 0)');
  await expect(rows.nth(1).locator('td').first()).toHaveText('0 sur 2 (en partie : 1)');
  // Nina: 2 points for her claim; Omar: 1 for half a claim, 1 for his question
  await expect(rows.nth(0).locator('td').nth(6)).toHaveText('2');
  await expect(rows.nth(1).locator('td').nth(6)).toHaveText('2');
  const question = teacher.getByRole('link', { name: /^1 point\s: question « Étrange manière de présenter les activités »/ });
  await expect(question).toHaveText('+1');
  await snap(teacher, 'gold-scores-fr');
  // the weights change the scores at once
  await teacher.getByRole('spinbutton', { name: 'Questions posées' }).fill('3');
  await expect(rows.nth(1).locator('td').nth(6)).toHaveText('4', LIVE);
  await question.or(teacher.getByRole('link', { name: /^3 points\s: question/ })).click();
  await expect(teacher).toHaveURL(/#\/article\/000\?a=/);

  // the same views in English (and French for Nina, English for Omar)
  await teacher.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await teacher.goto(teacher.url().replace(/#.*$/, '#/scores'));
  await expect(teacher.getByRole('heading', { level: 1, name: 'Scores' })).toBeVisible(LIVE);
  await expect(teacher.locator('.scores-table tbody tr').nth(0).locator('td').first()).toHaveText('1 of 2 (in part: 0)', LIVE);
  await snap(teacher, 'gold-scores-en');
  await teacher.goto(teacher.url().replace(/#.*$/, '#/compare/000'));
  await expect(teacher.locator('.gold-marks > li')).toHaveCount(3, LIVE);
  await teacher.locator('.gold-workbench').scrollIntoViewIfNeeded();
  await snap(teacher, 'gold-workbench-en');
  await nina.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(nina.locator('.gold-feedback .gold-summary')).toHaveText('Vous avez trouvé 1 des 2 affirmations que votre enseignant a marquées.', LIVE);
  await snap(nina, 'gold-feedback-fr-nina');
  await omar.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(omar.locator('.gold-feedback .gold-summary')).toHaveText(/^You found 0 of the 2 claims/, LIVE);
  await omar.locator('.gold-feedback').scrollIntoViewIfNeeded();
  await snap(omar, 'gold-feedback-partial-en');
});
