import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { CLAIM_000 } from './helpers';
import { classOfSpec, markAs, shoot, teacherAndTwoStudents } from './class-helpers';

// Adjudication in a real class: two students mark article 000 (they disagree on one passage's
// kind, one marks a passage alone, both mark a third the same way); the teacher adjudicates from
// the keyboard into the gold layer, undoes and redoes, and sees a new mark arrive while working;
// a student then reads the gold layer the server stored, once the teacher shows it.

const cls = classOfSpec('arbitre', '3e C');

const ALONE = 'Étrange manière de présenter les activités';
const AGREED = 'Il est probable, en revanche';
/** what crosses the class server: generous, the machine may be loaded */
const LIVE = { timeout: 20_000 };

const snap = (page: Page, name: string) => shoot(page, test.info().project.name, name);

test('the teacher adjudicates two students’ marks from the keyboard, undoes, sees new marks live; a student reads the gold layer', async ({ browser }) => {
  test.setTimeout(150_000);
  const { teacher, nina, omar } = await teacherAndTwoStudents(browser, cls, test.info().project.use.viewport ?? undefined);

  await markAs(nina, 'by Nina', CLAIM_000, '1', 1); // claim
  await markAs(nina, 'by Nina', AGREED, '1', 2);
  await markAs(omar, 'par Omar', CLAIM_000, '2', 1); // disputed: a disagreement on the kind
  await markAs(omar, 'par Omar', ALONE, '2', 2);
  await markAs(omar, 'par Omar', AGREED, '1', 3);

  // the research view lists the article with its passages to do, and opens its adjudication
  await teacher.goto(teacher.url().replace(/#.*$/, '#/research'));
  const row = teacher.getByRole('row', { name: /^Meta et Spotify qui dénoncent/ });
  await expect(row.getByRole('cell')).toHaveText(['0', '3'], LIVE);
  await row.getByRole('link').click();
  await expect(teacher.getByRole('heading', { level: 1, name: /^Adjudication\s: Meta et Spotify/ })).toBeVisible();
  const progress = teacher.locator('.adjudicate-progress label');
  await expect(progress).toHaveText('0 passage tranché, 3 à faire', LIVE);
  // disagreements first (in text order), the agreed passage last; rows aligned on the text
  const captions = teacher.locator('.align-title');
  await expect(captions).toHaveText([/^Passage 1 sur 3\s: les annotateurs divergent, à faire/, /^Passage 2 sur 3\s: les annotateurs divergent/, /^Passage 3 sur 3\s: les annotateurs concordent/]);
  const first = teacher.locator('.adjudicate-unit').first();
  await expect(first.getByRole('rowheader')).toHaveText(['Nina', 'Omar', 'Référence']);
  await snap(teacher, 'adjudicate-before-fr');

  // keyboard only: Nina's claim accepted as "disputed" (key 2) accepts Omar's identical span with it
  const span = (who: string, kind: string, verdict: string) => teacher.getByRole('button', { name: new RegExp(`^${kind}, ${verdict} — ${who}\\s:`) });
  await span('Nina', 'Affirmation', 'à décider').first().focus();
  await teacher.keyboard.press('2');
  await expect(progress).toHaveText('1 passage tranché, 2 à faire');
  await expect(span('Omar', 'Contesté', 'accepté')).toHaveCount(1);
  await expect(span('Nina', 'Affirmation', 'accepté comme Contesté')).toHaveCount(1);
  await expect(first.locator('.align-gold')).toHaveText(/Contesté/);
  // the focus moved on to the next span without a decision: Omar's passage alone, rejected with R
  await expect(span('Omar', 'Contesté', 'à décider')).toBeFocused();
  await teacher.keyboard.press('r');
  await expect(span('Omar', 'Contesté', 'rejeté')).toHaveCount(1);
  // then the agreed passage: Enter accepts both
  await expect(span('Nina', 'Affirmation', 'à décider')).toBeFocused();
  await teacher.keyboard.press('Enter');
  await expect(progress).toHaveText('3 passages tranchés, 0 à faire');
  await expect(teacher.getByRole('status').filter({ hasText: 'Tous les passages de cet article sont tranchés.' })).toBeVisible();

  // undo and redo, one key at a time
  await teacher.keyboard.press('Control+z');
  await expect(progress).toHaveText('2 passages tranchés, 1 à faire');
  await teacher.keyboard.press('Control+Shift+z');
  await expect(progress).toHaveText('3 passages tranchés, 0 à faire');

  // a student marks while the teacher works: the mark arrives and the passage is to do again
  await markAs(nina, 'by Nina', ALONE, '1', 3);
  await expect(progress).toHaveText('2 passages tranchés, 1 à faire', LIVE);
  await expect(span('Nina', 'Affirmation', 'à décider')).toHaveCount(1, LIVE);
  await snap(teacher, 'adjudicate-live-fr');
  await span('Nina', 'Affirmation', 'à décider').focus();
  await teacher.keyboard.press('m');
  await expect(progress).toHaveText('3 passages tranchés, 0 à faire');

  // the gold layer is on the server: once the teacher shows it (hidden from students before:
  // gold-feedback.spec.ts), a student reads it (read-only), in English
  await teacher.goto(teacher.url().replace(/#.*$/, '#/compare/000'));
  await teacher.getByRole('button', { name: 'Montrer ma lecture aux élèves' }).click();
  await expect(teacher.getByRole('button', { name: 'Cacher ma lecture aux élèves' })).toBeVisible();
  await nina.goto(nina.url().replace(/#.*$/, '#/adjudicate/000'));
  await expect(nina.locator('.adjudicate-progress label')).toHaveText('3 passages adjudicated, 0 to do', LIVE);
  await expect(nina.getByText('Only the teacher writes the gold layer: you can look, not decide.')).toBeVisible();
  await expect(nina.locator('.align-gold .gold-span')).toHaveText(['Disputed', 'Claim', 'Claim']);
  await snap(nina, 'adjudicate-en');
  // and a key changes nothing there
  await nina.getByRole('button', { name: /^Disputed, rejected — Omar:/ }).focus();
  await nina.keyboard.press('Enter');
  await expect(nina.getByRole('button', { name: /^Disputed, rejected — Omar:/ })).toHaveCount(1);
  await snap(teacher, 'adjudicate-fr');
});
