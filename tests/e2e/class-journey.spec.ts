/**
 * The whole live class in one journey, with real parts: one class server, a teacher (English),
 * three students (Nina in English, Omar and Léa in French) and the classroom projector (French,
 * observer code), each in their own browser context. join → blind marks → reveal → compare →
 * dashboard, with the projector following the teacher all along. At each step it asserts what a
 * teacher cares about: everyone is shown present (the teacher too); while blind a student sees
 * no classmate's mark and the projector no student's work; on reveal every student sees every
 * mark within a few seconds, without reloading; the comparison lists the disputed passage
 * first; the dashboard counts each student's marks by kind; the projector shows no controls and
 * no names. Screenshots in English and French at 1280 px, and at 800 px.
 * It runs in the wide project only: it narrows its own pages to 800 px.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { CLAIM_000, paintedPassages, selectWithMouse } from './helpers';
import { classOfSpec, markAs, paragraphOnReadingLine, person, shoot, sidebarItems, studentIn, teacherJoins } from './class-helpers';

const cls = classOfSpec('parcours', '3e B');

/** Live: this soon after a click elsewhere, without reloading (generous: the machine may be loaded). */
const LIVE = { timeout: 10_000 };
const DOUBT = 'Étrange manière de présenter les activités';
const PROBABLE = 'Il est probable, en revanche';

const goTo = (page: Page, hash: string) => page.goto(page.url().replace(/#.*$/, hash));
const classPanel = (teacher: Page) => goTo(teacher, '#/class');
const peerSelections = (page: Page) => page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('glose-peer-')).length);

test('a live class: join, blind marks, reveal, compare and the dashboard, with the projector following the teacher', async ({ browser }, info) => {
  test.setTimeout(240_000);
  const project = info.project.name;

  // join: the teacher's link opens the class panel; the students type the code; the projector its own code
  const teacher = await person(browser, 'Ms Hart', cls.url, 'en');
  const code = await teacherJoins(teacher, cls, 'en');
  await teacher.getByRole('checkbox', { name: /^Blind annotation/ }).check();
  await teacher.getByRole('checkbox', { name: /^Projector follows me/ }).check();
  const observer = cls.server.session!.observerCode;
  const wall = await person(browser, 'Projecteur', `${cls.url}/#/join?code=${observer}`, 'fr');
  await wall.getByRole('textbox', { name: /code/i }).fill(observer);
  await wall.getByRole('button', { name: 'Rejoindre', exact: true }).click();
  await expect(wall.getByRole('heading', { name: '3e B', level: 1 })).toBeVisible();
  await expect(wall.getByText('En attente d’un article ouvert par l’enseignant.')).toBeVisible(LIVE);
  await expect(wall.getByText(/Annotation à l’aveugle\s?: le travail des élèves est caché/)).toBeVisible();
  await shoot(wall, project, 'journey-projector-waiting-fr-1280');
  const nina = await studentIn(browser, cls, code, 'Nina', 'en');
  const omar = await studentIn(browser, cls, code, 'Omar', 'fr');
  const lea = await studentIn(browser, cls, code, 'Léa', 'fr');
  await expect(nina.getByText('Blind', { exact: true })).toBeVisible();

  // the roster: the teacher, the projector and the three students, each shown online, the students in the article
  const roster = teacher.locator('ul.roster > li');
  await expect(roster).toHaveCount(5);
  for (const name of ['Ms Hart', 'Projecteur', 'Nina', 'Omar', 'Léa']) await expect(roster.filter({ hasText: name })).toContainText('● online', LIVE);
  await expect(roster.filter({ hasText: 'Nina' })).toContainText('Meta et Spotify');
  await teacher.locator('#roster-title').scrollIntoViewIfNeeded();
  await shoot(teacher, project, 'journey-class-panel-en-1280');

  // the teacher opens the article: the projector follows, shows no controls, and while blind no student's work
  await goTo(teacher, '#/article/000');
  await expect(teacher.locator('.article-text')).toBeVisible();
  await expect(wall.getByRole('heading', { name: /^Meta et Spotify/ })).toBeVisible(LIVE);

  // blind marks: the first paragraph marked differently (a claim, a dispute), the question alike
  await markAs(nina, 'by Nina', CLAIM_000, '1', 1);
  await markAs(omar, 'par Omar', DOUBT, '2', 1);
  await markAs(nina, 'by Nina', PROBABLE, '5', 2);
  await markAs(omar, 'par Omar', PROBABLE, '5', 2);
  await markAs(lea, 'par Léa', PROBABLE, '5', 1);
  // the teacher sees all five as they come: so they reached the server, which gives the students none of them
  await expect(sidebarItems(teacher)).toHaveCount(5, LIVE);
  for (const [page, own] of [[nina, 2], [omar, 2], [lea, 1]] as const) await expect(sidebarItems(page)).toHaveCount(own);
  expect(await paintedPassages(lea)).toEqual({ question: [PROBABLE] });
  await selectWithMouse(omar, CLAIM_000); // a live selection while blind: the teacher sees it, Léa does not
  await expect.poll(() => peerSelections(teacher), LIVE).toBeGreaterThan(0);
  expect(await peerSelections(lea)).toBe(0);
  expect(await paintedPassages(wall)).toEqual({});
  await expect(wall.getByRole('button')).toHaveCount(0);
  await shoot(lea, project, 'journey-blind-student-fr-1280');
  // her class panel: the teacher present, classmates' presence hidden while blind
  await goTo(lea, '#/class');
  const leasRoster = lea.locator('ul.roster > li');
  await expect(leasRoster.filter({ hasText: 'Ms Hart' })).toContainText('● en ligne', LIVE);
  await expect(leasRoster.filter({ hasText: 'Nina' })).not.toContainText('Meta et Spotify');
  await goTo(lea, '#/article/000');

  // reveal: every student sees every mark within seconds, without reloading; the projector too, without names
  await classPanel(teacher);
  await teacher.getByRole('checkbox', { name: /^Blind annotation/ }).uncheck();
  for (const page of [nina, omar, lea]) await expect(sidebarItems(page)).toHaveCount(5, LIVE);
  await expect(lea.getByText('À l’aveugle', { exact: true })).toHaveCount(0);
  await expect(sidebarItems(lea).filter({ hasText: 'par Nina' })).toHaveCount(2);
  await goTo(teacher, '#/article/000');
  await expect(wall.getByRole('heading', { name: /^Meta et Spotify/ })).toBeVisible(LIVE);
  await expect.poll(() => paintedPassages(wall).then((p) => Object.keys(p).sort().join()), LIVE).toBe('claim,disputed,question');
  await expect(wall.getByText(/Nina|Omar|Léa/)).toHaveCount(0);
  // the teacher brings the disputed paragraph to their reading line: the projector brings it to its own
  await teacher.locator('.glose-block').filter({ hasText: CLAIM_000 }).evaluate((p) => scrollBy(0, p.getBoundingClientRect().top - innerHeight * 0.2 + 4));
  const place = await paragraphOnReadingLine(teacher);
  await expect.poll(() => paragraphOnReadingLine(wall), LIVE).toBe(place);
  await expect(wall.getByRole('button')).toHaveCount(0);
  await expect(wall.getByRole('toolbar')).toHaveCount(0);
  await shoot(lea, project, 'journey-revealed-student-fr-1280');
  await shoot(wall, project, 'journey-projector-fr-1280');

  // compare: the disputed paragraph first (Nina's claim against Omar's dispute), then where all three agree
  await teacher.getByRole('link', { name: 'Compare the class' }).click();
  const passages = teacher.locator('.compare-list li.passage-item');
  await expect(passages).toHaveCount(2, LIVE);
  await expect(passages.first().locator('.passage-excerpt')).toContainText('Spotify, de son côté');
  // two of the three pairs marked its words differently (Léa marked nothing there)
  await expect(passages.first().locator('.passage-level')).toHaveText(/67\s?% disputed/);
  await expect(passages.first().locator('.answer').filter({ hasText: 'Claim' })).toContainText('Nina');
  await expect(passages.first().locator('.answer').filter({ hasText: 'Disputed' })).toContainText('Omar');
  await expect(passages.nth(1).locator('.passage-level')).toHaveText('everyone agrees');
  for (const name of ['Nina', 'Omar', 'Léa']) await expect(passages.nth(1).locator('.answer').filter({ hasText: 'Question' })).toContainText(name);
  await shoot(teacher, project, 'journey-compare-en-1280');
  await goTo(omar, '#/compare/000');
  await expect(omar.locator('.compare-list li.passage-item').first().locator('.passage-level')).toHaveText(/contesté à \d+\s?%/, LIVE);
  await shoot(omar, project, 'journey-compare-fr-1280');

  // the dashboard: each student's marks by kind, live
  await classPanel(teacher);
  await teacher.getByRole('link', { name: 'Class dashboard' }).click();
  const rows = teacher.locator('#dashboard-students-table tbody tr');
  await expect(rows).toHaveCount(3);
  // the numbers: claim, disputed, rebuttal, evidence, question, total, replies, votes, links
  const counts = (who: string) => rows.filter({ hasText: who }).locator('td.number').allTextContents();
  await expect.poll(() => counts('Nina'), LIVE).toEqual(['1', '0', '0', '0', '1', '2', '0', '0', '0']);
  await expect.poll(() => counts('Omar')).toEqual(['0', '1', '0', '0', '1', '2', '0', '0', '0']);
  await expect.poll(() => counts('Léa')).toEqual(['0', '0', '0', '0', '1', '1', '0', '0', '0']);
  await expect(teacher.getByText(/3 students · 3 online/)).toBeVisible();
  // a mark made now shows there within seconds
  await markAs(lea, 'par Léa', DOUBT, '2', 2);
  await expect.poll(() => counts('Léa'), LIVE).toEqual(['0', '1', '0', '0', '1', '2', '0', '0', '0']);
  await shoot(teacher, project, 'journey-dashboard-en-1280');
  await teacher.setViewportSize({ width: 800, height: 800 });
  await shoot(teacher, project, 'journey-dashboard-en-800');
  await lea.setViewportSize({ width: 800, height: 800 });
  await shoot(lea, project, 'journey-student-fr-800');
  // a student's class panel shows the teacher present (they are on the dashboard, in no article)
  await goTo(omar, '#/class');
  await expect(omar.locator('ul.roster > li').filter({ hasText: 'Ms Hart' })).toContainText('● en ligne', LIVE);
});
