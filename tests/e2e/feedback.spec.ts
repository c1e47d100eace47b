/**
 * Private feedback to one student with a real class server: the teacher (French) writes, from
 * the comparison view and with the keyboard, feedback on Nina's mark and, from the dashboard,
 * on her work as a whole; Nina (English) sees an unread count in the top bar and the feedback
 * under her mark in the sidebar, reads it and answers, and the teacher sees the answer. Omar,
 * the other student, never receives it: not on screen, not in his IndexedDB, not in any frame
 * his websocket received. Screenshots in English and French of both sides.
 */
import { expect, test } from './fixtures';
import type { Page, WebSocket } from '@playwright/test';
import { CLAIM_000, selectWithMouse } from './helpers';
import { classOfSpec, person, sidebarItems, studentIn, studentJoins, teacherJoins, teacherLink } from './class-helpers';

const cls = classOfSpec('feedback', '3e B');

const LIVE = { timeout: 5_000 };
const ON_MARK = 'Où est ta source pour « dû à l’IA » ?';
const ON_WORK = 'Bon travail dans l’ensemble, pense aux preuves.';
const ANSWER = 'I will add the Spotify report as evidence.';

const goTo = (page: Page, hash: string) => page.goto(page.url().replace(/#.*$/, hash));
const userId = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('glose.session')!) as { user: string }).user);
const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));

async function language(page: Page, to: 'English' | 'Français'): Promise<void> {
  await page.getByRole('combobox', { name: /Language|Langue/ }).selectOption({ label: to });
}

test('the teacher’s feedback reaches only its student, who reads it and answers', async ({ browser }) => {
  test.setTimeout(180_000);
  const viewport = test.info().project.use.viewport ?? { width: 1280, height: 800 };
  const shots = `tests/e2e/screenshots/${test.info().project.name}`;
  const teacher = await person(browser, 'M. Petit', cls.url, 'fr', viewport);
  const code = await teacherJoins(teacher, cls);
  const nina = await studentIn(browser, cls, code, 'Nina Berg', 'en', { viewport });
  // everything Omar's page receives over the network, from before he joins
  const omar = await (await browser.newContext({ viewport })).newPage();
  const received: string[] = [];
  omar.on('websocket', (ws: WebSocket) => ws.on('framereceived', ({ payload }) => received.push(Buffer.from(payload).toString('utf8'))));
  await omar.addInitScript(() => {
    localStorage.setItem('glose.user', JSON.stringify({ id: 'local-omar', name: 'Omar Kane', color: '#009E73' }));
    localStorage.setItem('glose.language', 'fr');
  });
  await omar.goto(`${cls.url}/#/join?code=${code}`);
  await studentJoins(omar, code, 'Rejoindre');
  const article = nina.url().replace(/^.*#\/article\//, '');
  const ninaId = await userId(nina);
  await selectWithMouse(nina, CLAIM_000);
  await nina.keyboard.press('1');
  await expect(sidebarItems(nina)).toHaveCount(1);
  await expect(nina.getByRole('link', { name: 'Feedback', exact: true })).toBeVisible();

  // the teacher, in the comparison view, reaches "Feedback to Nina Berg" with the keyboard and writes
  await goTo(teacher, `#/compare/${article}`);
  const toNina = teacher.getByRole('link', { name: 'Commentaire pour Nina Berg' });
  await expect(toNina).toBeVisible(LIVE);
  await toNina.scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: `${shots}/feedback-compare-fr.png` });
  await toNina.focus();
  await teacher.keyboard.press('Enter');
  await expect(teacher.getByRole('heading', { level: 1, name: 'Commentaires pour Nina Berg' })).toBeVisible();
  const composer = teacher.getByRole('textbox', { name: 'Commentaire pour Nina Berg' }).first();
  await expect(composer).toBeFocused();
  await teacher.keyboard.type(ON_MARK);
  await teacher.keyboard.press('Control+Enter');
  const markThread = teacher.locator('.feedback-thread').first();
  await expect(markThread.getByRole('heading')).toContainText('La marque « Spotify, de son côté');
  await expect(markThread.locator('.feedback-text')).toHaveText(ON_MARK);

  // and on her work as a whole, from her row of the dashboard
  await goTo(teacher, '#/dashboard');
  await teacher.getByRole('link', { name: 'Commenter le travail — Nina Berg' }).click();
  const workThread = teacher.locator('.feedback-thread').filter({ hasText: 'Le travail dans son ensemble' });
  await workThread.getByRole('textbox').fill(ON_WORK);
  await workThread.getByRole('button', { name: 'Envoyer' }).click();
  await expect(workThread.locator('.feedback-text')).toHaveText(ON_WORK);
  await expect(teacher.locator('.feedback-thread')).toHaveCount(2);
  await teacher.screenshot({ path: `${shots}/feedback-teacher-fr.png`, fullPage: true });

  // Nina: an unread count in the top bar, the feedback under her mark in the sidebar
  await expect(nina.getByRole('link', { name: 'Feedback 2 unread' })).toBeVisible(LIVE);
  const mine = sidebarItems(nina).first();
  await expect(mine.getByRole('group', { name: 'Feedback from your teacher' })).toContainText(ON_MARK);
  await mine.getByRole('group', { name: 'Feedback from your teacher' }).scrollIntoViewIfNeeded();
  await nina.screenshot({ path: `${shots}/feedback-sidebar-en.png` });
  await mine.getByRole('link', { name: 'Read and answer' }).click();
  await expect(nina.getByRole('heading', { level: 1, name: 'Feedback from your teacher' })).toBeVisible();
  await expect(nina.getByRole('link', { name: 'Feedback', exact: true })).toBeVisible(LIVE); // read: no count left
  const hers = nina.locator('.feedback-thread').first();
  await expect(hers.getByRole('heading')).toContainText('The mark “Spotify, de son côté');
  await expect(hers.locator('.feedback-who')).toContainText('M. Petit (teacher)');
  await expect(nina.locator('.feedback-thread').filter({ hasText: 'The work as a whole' })).toContainText(ON_WORK);
  await hers.getByRole('textbox', { name: 'Answer your teacher' }).fill(ANSWER);
  await hers.getByRole('button', { name: 'Send' }).click();
  await expect(hers.locator('.feedback-entry')).toHaveCount(2);
  await nina.screenshot({ path: `${shots}/feedback-student-en.png`, fullPage: true });

  // the teacher sees the answer live, under her mark's thread
  await goTo(teacher, `#/feedback/${ninaId}`);
  await expect(teacher.locator('.feedback-thread').filter({ hasText: ON_MARK }).locator('.feedback-entry.from-student')).toContainText(ANSWER, LIVE);

  // Omar never gets it: not on screen, not stored, not received
  await goTo(omar, '#/feedback');
  await expect(omar.getByText('Votre enseignant n’a encore rien écrit.')).toBeVisible();
  await expect(omar.getByText(ON_MARK)).toHaveCount(0);
  const omarDatabases = await databases(omar);
  const omarId = await userId(omar);
  expect(omarDatabases.some((name) => name.includes(`/feedback/${omarId}`))).toBe(true); // his own
  expect(omarDatabases.filter((name) => name.includes(`/feedback/${ninaId}`))).toEqual([]);
  expect(received.length).toBeGreaterThan(0);
  expect(received.filter((frame) => frame.includes(`feedback/${ninaId}`) || frame.includes('Où est ta source') || frame.includes('Spotify report'))).toEqual([]);

  // the other language of each side
  await language(teacher, 'English');
  await expect(teacher.getByRole('heading', { level: 1, name: 'Feedback to Nina Berg' })).toBeVisible();
  await teacher.screenshot({ path: `${shots}/feedback-teacher-en.png`, fullPage: true });
  await language(nina, 'Français');
  await expect(nina.getByRole('heading', { level: 1, name: 'Commentaires de votre enseignant' })).toBeVisible();
  await nina.screenshot({ path: `${shots}/feedback-student-fr.png`, fullPage: true });
  await goTo(nina, `#/article/${article}`);
  const note = sidebarItems(nina).first().getByRole('group', { name: 'Commentaires de votre enseignant' });
  await expect(note).toContainText(ON_MARK);
  await note.scrollIntoViewIfNeeded();
  await nina.screenshot({ path: `${shots}/feedback-sidebar-fr.png` });
});

test('a student writes to the teacher during the lesson: the dashboard shows it, live, until the teacher reads it', async ({ browser }) => {
  test.setTimeout(120_000);
  const shots = `tests/e2e/screenshots/${test.info().project.name}`;
  // the teacher's link to the class (whether the test above added its articles or not)
  const teacher = await person(browser, 'M. Petit', teacherLink(cls), 'fr');
  const code = (await teacher.locator('.join-code').textContent({ timeout: 15_000 }))!;
  const lea = await studentIn(browser, cls, code, 'Léa Roy', 'en', { open: false });
  await goTo(teacher, '#/dashboard');
  const rowLink = teacher.getByRole('link', { name: /^Commenter le travail — Léa Roy/ });
  await expect(rowLink).toBeVisible(LIVE);
  await expect(rowLink.locator('.unread-badge')).toHaveCount(0);

  // Léa has had no feedback: she writes to her teacher on her work as a whole
  await goTo(lea, '#/feedback');
  await expect(lea.getByText('Your teacher has not written anything yet. You can write to them below.')).toBeVisible();
  const question = 'Is a quote from the CEO a claim or evidence?';
  await lea.getByRole('textbox', { name: 'Write to your teacher' }).fill(question);
  await lea.getByRole('button', { name: 'Send' }).click();
  await expect(lea.locator('.feedback-text')).toHaveText(question);
  // she may add to it: her teacher has not answered yet
  await expect(lea.getByRole('textbox', { name: 'Write to your teacher' })).toBeVisible();
  await lea.screenshot({ path: `${shots}/feedback-student-writes-en.png`, fullPage: true });
  await language(lea, 'Français');
  await expect(lea.getByRole('textbox', { name: 'Écrire à votre enseignant' })).toBeVisible();
  await lea.screenshot({ path: `${shots}/feedback-student-writes-fr.png`, fullPage: true });
  await language(lea, 'English');

  // the teacher's dashboard says so at once, in words and with the count on her row
  const line = teacher.locator('.dashboard-messages');
  await expect(line).toContainText('vous a écrit', LIVE);
  await expect(line.getByRole('link', { name: 'Léa Roy (1 nouveau message)' })).toBeVisible();
  await expect(rowLink).toHaveAccessibleName('Commenter le travail — Léa Roy 1 nouveau message de Léa Roy');
  await expect(rowLink.locator('.unread-badge')).toHaveText('1');
  await line.scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: `${shots}/feedback-dashboard-message-fr.png` });
  await language(teacher, 'English');
  await expect(line.getByRole('link', { name: 'Léa Roy (1 new message)' })).toBeVisible();
  await teacher.screenshot({ path: `${shots}/feedback-dashboard-message-en.png` });

  // the teacher opens it from the line, reads and answers; back on the dashboard, nothing is left to read from her
  await line.getByRole('link', { name: 'Léa Roy (1 new message)' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: 'Feedback to Léa Roy' })).toBeVisible();
  const thread = teacher.locator('.feedback-thread').filter({ hasText: 'The work as a whole' });
  await expect(thread.locator('.feedback-entry.from-student')).toContainText(question);
  await thread.getByRole('textbox').fill('The quote is the claim; the figures behind it would be evidence.');
  await thread.getByRole('button', { name: 'Send' }).click();
  await goTo(teacher, '#/dashboard');
  await expect(teacher.getByRole('link', { name: /^Feedback on the work — Léa Roy/ })).toBeVisible(LIVE);
  await expect(teacher.getByRole('link', { name: /^Léa Roy \(/ })).toHaveCount(0);
  await expect(teacher.getByRole('link', { name: /^Feedback on the work — Léa Roy/ }).locator('.unread-badge')).toHaveCount(0);
  // and Léa sees the answer live on her page, where she now answers her teacher
  await expect(lea.locator('.feedback-thread .feedback-entry')).toHaveCount(2, LIVE);
  await expect(lea.getByRole('textbox', { name: 'Answer your teacher' })).toBeVisible();
});
