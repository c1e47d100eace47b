import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { paintedPassages, selectWithMouse } from './helpers';
import { classOfSpec, eachMarksOne, sidebarItems as items, teacherAndTwoStudents } from './class-helpers';

const cls = classOfSpec('revele', '3e B');

/** Reveal is live: a student sees classmates' work this soon after the teacher's click, without reloading. */
const LIVE = { timeout: 3_000 };

const blindSwitch = (teacher: Page) => teacher.getByRole('checkbox', { name: /Annotation à l’aveugle/ });

test('blind turned on during the class hides classmates’ marks; reveal shows them live, old and new, without reload', async ({ browser }) => {
  test.setTimeout(90_000);
  // the students join and open the article before the teacher turns blind annotation on
  const { teacher, nina, omar } = await teacherAndTwoStudents(browser, cls);

  await blindSwitch(teacher).check();
  await expect(omar.getByText('À l’aveugle', { exact: true })).toBeVisible();
  await expect(nina.getByText('Blind', { exact: true })).toBeVisible();
  await eachMarksOne(nina, omar);
  // while blind, nothing of the other arrives (the server refuses the layer), however long one waits
  await omar.waitForTimeout(1_500);
  await expect(items(omar)).toHaveCount(1);
  await expect(items(nina)).toHaveCount(1);
  expect(await paintedPassages(omar)).toEqual({ disputed: ['Étrange manière de présenter les activités'] });

  // Nina selects a passage while blind: Omar sees nothing of it
  const peerSelectionShown = () => omar.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('glose-peer-')));
  await selectWithMouse(nina, 'Il est probable, en revanche');
  await omar.waitForTimeout(500);
  expect(await peerSelectionShown()).toBe(false);

  // the teacher reveals: each student sees the other's mark made while blind
  await blindSwitch(teacher).uncheck();
  // and Nina's selection at once, though she did nothing since (not at her next presence renewal, 15 s on)
  await expect.poll(peerSelectionShown, LIVE).toBe(true);
  await expect(items(omar).filter({ hasText: 'par Nina' })).toHaveCount(1, LIVE);
  await expect(items(nina).filter({ hasText: 'by Omar' })).toHaveCount(1, LIVE);
  await expect(omar.getByText('À l’aveugle', { exact: true })).toHaveCount(0);
  // both asked for the same green; the class gave each their own colour (and their name goes with it)
  const dot = (by: string) => items(omar).filter({ hasText: by }).first().locator('.member-badge').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await dot('par Nina')).not.toBe(await dot('par Omar'));
  // and new marks keep arriving live
  await selectWithMouse(nina, 'Il est probable, en revanche');
  await nina.keyboard.press('5');
  await expect(items(nina)).toHaveCount(3);
  await expect(items(omar)).toHaveCount(3, LIVE);
  await omar.screenshot({ path: 'tests/e2e/screenshots/reveal-student-fr.png' });
  await nina.screenshot({ path: 'tests/e2e/screenshots/reveal-student-en.png' });

  // blind again hides them again, and a second reveal shows them again
  await blindSwitch(teacher).check();
  await expect(items(omar)).toHaveCount(1, LIVE);
  await blindSwitch(teacher).uncheck();
  await expect(items(omar)).toHaveCount(3, LIVE);
});
