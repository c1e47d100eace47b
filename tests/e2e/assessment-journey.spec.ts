/**
 * The whole assessment of issue 12 in one journey, with real parts: a real class server, a
 * teacher (French) and three students in their own browser contexts — Nina (English) and Omar
 * (French) in the team "Les Renards", Léa (French) alone. The teacher writes an assignment; the
 * students see it when they join; they mark blind (the team shares its layer, Léa sees none of it
 * and cannot change it after the reveal); the teacher reveals the class, promotes a mark of the
 * team and one of Léa's into their reading with G, explains one, and reveals that reading; each
 * student sees what they found and missed (in the sidebar, and Nina in her own report, whose
 * lines lead to the teacher's passage); the teacher writes Nina private feedback from the
 * dashboard (where the team is one row), Nina answers, Omar — her teammate — gets none of it;
 * the class report opens with the scores and their breakdown. Screenshots in English and French
 * of both sides (tests/e2e/screenshots/<project>/journey-*.png).
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { classOfSpec, focusMark, localInputIn, markAs, person, shoot, sidebarItems, studentIn, teacherJoins } from './class-helpers';
import { CLAIM_000 } from './helpers';

const cls = classOfSpec('parcours', '3e B');

const LIVE = { timeout: 20_000 };
const ARTICLE = /^Meta et Spotify qui dénoncent/;
const AGREED = 'Il est probable, en revanche';
const ALONE = 'Étrange manière de présenter les activités';
const EXPLAINED = 'La thèse de l’article : le succès viendrait de l’IA.';
const ON_WORK = 'Bon travail d’équipe ; cherchez aussi la seconde affirmation.';
const ANSWER = 'We will look for it in the second paragraph.';

const goTo = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);
const language = (page: Page, to: 'en' | 'fr') => page.locator('.language-switch select').selectOption(to);

/** Screenshots of the page at 1280 and 800 px wide (the size is put back). */
async function look(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 800 });
    await shoot(page, test.info().project.name, `journey-${name}-${width}`);
  }
  await page.setViewportSize(size);
}

test('assignment → blind marking in a team → reveal → the teacher’s reading → what each student found → private feedback → the class report', async ({ browser }) => {
  test.setTimeout(300_000);
  const viewport = test.info().project.use.viewport ?? { width: 1280, height: 800 };

  // the teacher writes the assignment and turns blind marking on
  const teacher = await person(browser, 'M. Petit', cls.url, 'fr', viewport);
  const code = await teacherJoins(teacher, cls);
  const form = teacher.locator('.assignment-form');
  await form.getByRole('textbox', { name: 'Titre', exact: true }).fill('Qui affirme quoi ?');
  await form.getByRole('checkbox', { name: ARTICLE }).check();
  await form.getByRole('textbox', { name: 'Consignes' }).fill('Marquez les *affirmations*, puis les questions.');
  await form.getByLabel('Heure limite (facultative)').fill(localInputIn(3_600_000));
  await form.getByRole('button', { name: 'Créer le devoir' }).click();
  await expect(teacher.locator('.assignment-items h3')).toHaveText('Qui affirme quoi ?');
  await teacher.getByRole('checkbox', { name: /Annotation à l’aveugle/ }).check();

  // three students join and find the assignment on the page they land on
  const students: Page[] = [];
  for (const [name, lang] of [['Nina', 'en'], ['Omar', 'fr'], ['Léa', 'fr']] as const) {
    const page = await studentIn(browser, cls, code, name, lang, { viewport, open: false });
    await expect(page.locator('.assignment-list .assignment-card').getByRole('heading', { name: 'Qui affirme quoi ?' })).toBeVisible(LIVE);
    students.push(page);
  }
  const [nina, omar, lea] = students as [Page, Page, Page];
  await expect(nina.locator('.assignment-card em')).toHaveText('affirmations');

  // Nina and Omar make a team
  const teams = teacher.locator('.team-editor');
  await teams.getByRole('textbox', { name: 'Nom de la nouvelle équipe' }).fill('Les Renards');
  await teams.getByRole('textbox', { name: 'Nom de la nouvelle équipe' }).press('Enter');
  for (const name of ['Nina', 'Omar']) await teams.getByRole('combobox', { name: `Équipe de ${name}` }).selectOption({ label: 'Les Renards' });
  await expect(teams.locator('.team-list')).toContainText('2 membres');
  for (const page of students) {
    await page.locator('.assignment-card').getByRole('link', { name: ARTICLE }).click();
    await expect(page.locator('.assignment-banner')).toContainText('Qui affirme quoi ?');
  }
  await expect(nina.locator('.team-note')).toContainText('Les Renards');

  // blind marking: the team writes one layer; Léa sees only her own work
  await markAs(nina, 'by Nina', CLAIM_000, '1', 1);
  await expect(sidebarItems(omar)).toHaveCount(1, LIVE); // Nina's mark, in the team's layer
  await markAs(omar, 'par Omar', ALONE, '5', 1);
  await expect(sidebarItems(nina)).toHaveCount(2, LIVE);
  await markAs(lea, 'par Léa', AGREED, '1', 1);
  await markAs(lea, 'par Léa', CLAIM_000, '2', 2);
  await expect(sidebarItems(lea)).toHaveCount(2);
  await expect(sidebarItems(nina)).toHaveCount(2);
  for (const page of students) await expect(page.locator('.sync-refused')).toHaveCount(0); // the server took every mark

  // the reveal: Léa sees the team's work and cannot change it
  await goTo(teacher, '#/class');
  await teacher.getByRole('checkbox', { name: /Annotation à l’aveugle/ }).uncheck();
  await expect(sidebarItems(lea)).toHaveCount(4, LIVE);
  await expect(sidebarItems(lea).filter({ hasText: 'par Léa' }).first().getByRole('button', { name: 'Supprimer' })).toBeVisible();
  await expect(sidebarItems(lea).filter({ hasText: 'par Nina' }).getByRole('button', { name: 'Supprimer' })).toHaveCount(0);

  // the teacher's reading: from the comparison view (the team's work named for the team), G promotes a mark
  await goTo(teacher, '#/compare/000');
  await expect(teacher.locator('.compare-list')).toContainText(/Équipe\s«\sLes Renards\s»/, LIVE);
  const goldMarks = teacher.locator('.gold-marks > li');
  await focusMark(teacher, 'Spotify, de son côté', /Affirmation — Nina/);
  await teacher.keyboard.press('g');
  await expect(goldMarks).toHaveCount(1);
  await focusMark(teacher, AGREED, /Léa/);
  await teacher.keyboard.press('g');
  await expect(goldMarks).toHaveCount(2);
  const explanation = goldMarks.first().getByRole('textbox');
  await explanation.fill(EXPLAINED);
  await explanation.blur();
  await teacher.getByRole('button', { name: 'Montrer ma lecture aux élèves' }).click();
  await expect(teacher.getByRole('button', { name: 'Cacher ma lecture aux élèves' })).toHaveAttribute('aria-pressed', 'true');

  // each student sees what they found: the team one claim of two, Léa one and one in part
  await expect(nina.locator('.gold-summary')).toHaveText('You found 1 of the 2 claims your teacher marked.', LIVE);
  await expect(nina.locator('.gold-outcome')).toHaveText(['✓ found', '✗ missed']);
  await expect(omar.locator('.gold-summary')).toHaveText('Vous avez trouvé 1 des 2 affirmations que votre enseignant a marquées.', LIVE);
  await expect(lea.locator('.gold-summary')).toHaveText(/^Vous avez trouvé 1 des 2 affirmations que votre enseignant a marquées\. 1 autre trouvé en partie\./, LIVE);
  await lea.locator('.gold-feedback').scrollIntoViewIfNeeded();
  await look(lea, 'student-gold-fr');

  // Nina's own report says it too, each line leading to the teacher's passage
  await goTo(nina, '#/class');
  await nina.getByRole('link', { name: 'Report' }).click();
  const mine = nina.locator('.glose-report');
  await expect(mine.locator('.gold-summary')).toHaveText('You found 1 of the 2 claims your teacher marked.', LIVE);
  await expect(mine.locator('li.gold-match')).toContainText(`Your teacher: ${EXPLAINED}`);
  await expect(mine.locator('li.gold-miss strong')).toHaveText('✗ missed');
  await expect(mine).toContainText('Marks: 2'); // the team's work is hers
  await mine.getByRole('heading', { name: 'Your reading and your teacher’s' }).scrollIntoViewIfNeeded();
  await look(nina, 'student-report-en');
  await expectAccessible(nina, 'a student’s report with the teacher’s reading');
  await language(nina, 'fr');
  await expect(mine.locator('.gold-summary')).toHaveText('Vous avez trouvé 1 des 2 affirmations que votre enseignant a marquées.');
  await look(nina, 'student-report-fr');
  await language(nina, 'en');
  await mine.locator('li.gold-miss').getByRole('link', { name: 'show it in the article' }).click();
  await expect(nina).toHaveURL(/#\/article\/000\?a=/);
  await expect.poll(() => nina.evaluate(() => window.getSelection()?.toString()), LIVE).toBe(AGREED);

  // the dashboard: the team is one row with its members; private feedback to Nina on her work
  await goTo(teacher, '#/dashboard');
  const rows = teacher.locator('#dashboard-students-table tbody tr');
  await expect(rows.locator('th')).toHaveText([/Léa/, /Équipe\s«\sLes Renards\s».*Équipe de Nina, Omar/], LIVE);
  await expect(teacher.locator('.dashboard-summary')).toHaveText(/^3 élèves · 3 en ligne/);
  await look(teacher, 'teacher-dashboard-fr');
  await expectAccessible(teacher, 'the dashboard with a team');
  await language(teacher, 'en');
  await expect(rows.nth(1).locator('th')).toContainText('Team of Nina, Omar');
  await look(teacher, 'teacher-dashboard-en');
  await language(teacher, 'fr');
  await teacher.getByRole('link', { name: 'Commenter le travail — Nina' }).click();
  const work = teacher.locator('.feedback-thread').filter({ hasText: 'Le travail dans son ensemble' });
  await work.getByRole('textbox').fill(ON_WORK);
  await work.getByRole('button', { name: 'Envoyer' }).click();
  await expect(work.locator('.feedback-text')).toHaveText(ON_WORK);
  await nina.getByRole('link', { name: 'Feedback 1 unread' }).click(LIVE);
  const hers = nina.locator('.feedback-thread').filter({ hasText: 'The work as a whole' });
  await expect(hers).toContainText(ON_WORK);
  await hers.getByRole('textbox', { name: 'Answer your teacher' }).fill(ANSWER);
  await hers.getByRole('button', { name: 'Send' }).click();
  await expect(work.locator('.feedback-entry.from-student')).toContainText(ANSWER, LIVE);
  await goTo(omar, '#/feedback');
  await expect(omar.getByText('Votre enseignant n’a encore rien écrit.')).toBeVisible(LIVE);
  await expect(omar.getByText(ON_WORK)).toHaveCount(0);

  // the class report: the scores and their breakdown, a team scored as one
  await goTo(teacher, '#/class');
  await teacher.getByRole('link', { name: 'Bilan' }).click();
  const report = teacher.locator('.glose-report');
  await expect(report.getByRole('heading', { level: 2 }).last()).toHaveText('Notes', LIVE);
  const scores = report.locator('section').last().locator('tbody tr');
  await expect(scores.filter({ hasText: 'Les Renards (Nina, Omar)' })).toContainText('1 sur 2', LIVE);
  await expect(scores.filter({ hasText: 'Léa' })).toContainText('1 sur 2');
  await report.locator('section').last().scrollIntoViewIfNeeded();
  await look(teacher, 'teacher-report-fr');
  await language(teacher, 'en');
  await expect(report.getByRole('heading', { level: 2 }).last()).toHaveText('Scores');
  await expect(scores.filter({ hasText: 'Léa' })).toContainText('1 of 2 (in part: 1)');
  await look(teacher, 'teacher-report-en');
});
