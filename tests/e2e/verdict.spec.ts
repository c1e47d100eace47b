import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { person, startClass, studentJoins, teacherJoins, type ClassServer } from './class-helpers';
import { CLAIM_000, misleadingReview, selectWithMouse } from './helpers';

// A verdict on a claim in a real class: Nina (a student, English) marks the Spotify-AI claim of
// seed 000 and a rebuttal linked to it; the teacher (French) gives the claim a verdict citing the
// rebuttal; Nina sees it in the article's sidebar and on the argument map; the teacher lets the
// class vote and Nina votes, while the teacher's verdict still wins; the registry shows it too;
// the teacher downloads the ClaimReview export. Screenshots in English and French, wide and narrow.

const REBUTTAL = 'qui a surtout brillé pour son offre de streaming légale et simple d’accès';
const WHY = 'Le succès de Spotify vient de son offre de streaming, pas de l’IA.';

let cls: ClassServer;
test.beforeAll(async () => (cls = await startClass('verdicts', 'Classe de 3e B')));
test.afterAll(async () => cls?.stop());

const claims = (page: Page) => page.locator('.claim-verdicts li.claim-verdict');

test('the teacher gives a verdict with a justification; the student sees it in the article and on the map; the class votes; ClaimReview downloads', async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = await person(browser, 'M. Petit', cls.url);
  const code = await teacherJoins(teacher, cls);
  const nina = await person(browser, 'Nina', `${cls.url}/#/join?code=${code}`, 'en');
  await studentJoins(nina, code, 'Join');

  // Nina: the claim, then a rebuttal linked to it with the keyboard (L, filter, Enter: "rebuts")
  await selectWithMouse(nina, CLAIM_000);
  await nina.keyboard.press('1');
  await selectWithMouse(nina, REBUTTAL);
  await nina.keyboard.press('3');
  await nina.keyboard.press('l');
  const picker = nina.getByRole('dialog', { name: 'Link this annotation to…' });
  await expect(picker.getByRole('combobox')).toBeFocused();
  await nina.keyboard.type('Spotify, de son');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await nina.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(claims(nina)).toHaveCount(1);
  await expect(claims(nina).locator('.verdict-badge')).toHaveText('No verdict yet');

  // the teacher opens the article and gives the verdict, citing the rebuttal
  await teacher.getByRole('link', { name: /^La bibliothèque/ }).click();
  await teacher.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).click();
  const claim = claims(teacher).first();
  await expect(claim).toContainText('investissements dans l’IA');
  await claim.getByRole('button', { name: 'Donner un verdict' }).click();
  await claim.getByRole('button', { name: 'Enregistrer le verdict' }).click();
  await expect(claim.getByRole('alert')).toHaveText(/Écrivez une justification/);
  await claim.getByRole('radio', { name: /Trompeur/ }).check();
  await claim.getByRole('textbox', { name: /Justification/ }).fill(WHY);
  await claim.getByRole('checkbox', { name: new RegExp(REBUTTAL) }).check();
  await teacher.screenshot({ path: 'tests/e2e/screenshots/verdict-form-fr.png' });
  await claim.getByRole('button', { name: 'Enregistrer le verdict' }).click();
  await expect(claim.locator('.verdict-badge')).toHaveText('◐ Trompeur');
  await expect(claim.locator('.cited')).toContainText(REBUTTAL);

  // Nina sees it in her sidebar: shape and word, the justification and what it cites
  const hers = claims(nina).first();
  await expect(hers.locator('.verdict-badge')).toHaveText('◐ Misleading');
  await expect(hers).toContainText('verdict by M. Petit');
  await expect(hers.locator('.verdict-justification')).toHaveText(WHY);
  await expect(hers.getByRole('button', { name: /verdict/i })).toHaveCount(0); // a student cannot give one
  await hers.scrollIntoViewIfNeeded();
  await nina.screenshot({ path: 'tests/e2e/screenshots/verdict-sidebar-en.png' });

  // the class votes: Nina votes "False"; the count shows, the teacher's verdict still wins
  await expect(hers.getByRole('combobox', { name: 'Your vote' })).toHaveCount(0);
  await teacher.getByRole('checkbox', { name: /Laisser la classe voter/ }).check();
  await hers.getByRole('combobox', { name: 'Your vote' }).selectOption('false');
  await expect(hers).toContainText('Class vote: 1 False.');
  await expect(claim).toContainText('Vote de la classe\u00a0: 1 Faux.');
  await expect(hers.locator('.verdict-badge')).toHaveText('◐ Misleading');
  await claim.scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: 'tests/e2e/screenshots/verdict-sidebar-fr.png' });

  // narrow windows
  await nina.setViewportSize({ width: 800, height: 900 });
  await nina.getByRole('button', { name: 'Show the annotations' }).click({ timeout: 2_000 }).catch(() => undefined);
  await hers.scrollIntoViewIfNeeded();
  await nina.screenshot({ path: 'tests/e2e/screenshots/verdict-sidebar-800-en.png' });
  await teacher.setViewportSize({ width: 800, height: 900 });
  await teacher.getByRole('button', { name: 'Afficher les annotations' }).click({ timeout: 2_000 }).catch(() => undefined);
  await claim.scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: 'tests/e2e/screenshots/verdict-sidebar-800-fr.png' });
  await nina.setViewportSize({ width: 1280, height: 800 });

  // the argument map: the claim's node carries the badge, in the list and in the canvas's label
  await nina.getByRole('link', { name: /argument map/i }).first().click();
  const node = nina.locator('.map-list .map-node', { hasText: 'Spotify, de son côté' });
  await expect(node.locator('.verdict-badge')).toHaveText('◐ Misleading');
  await expect(nina.locator('.map-canvas')).toHaveAttribute('data-ready', 'true');
  await nina.screenshot({ path: 'tests/e2e/screenshots/verdict-map-en.png' });
  // and the claim registry
  await nina.getByRole('link', { name: 'Claims', exact: true }).click();
  await expect(nina.locator('.claim-entry .verdict-slot')).toHaveText('◐ Misleading');
  await teacher.setViewportSize({ width: 1280, height: 800 });
  await teacher.getByRole('link', { name: /carte des arguments/i }).first().click();
  await expect(teacher.locator('.map-list .map-node', { hasText: 'Spotify, de son côté' }).locator('.verdict-badge')).toHaveText('◐ Trompeur');
  await expect(teacher.locator('.map-canvas')).toHaveAttribute('data-ready', 'true');
  await teacher.screenshot({ path: 'tests/e2e/screenshots/verdict-map-fr.png' });

  // the ClaimReview export downloads from the research view
  await teacher.goto(`${cls.url}/#/`);
  await teacher.getByRole('link', { name: 'Données de recherche' }).click();
  await teacher.getByRole('combobox', { name: 'Format' }).selectOption('claimreview');
  const download = teacher.waitForEvent('download');
  await teacher.getByRole('button', { name: 'Exporter', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('verdicts.jsonld');
  const doc = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { '@graph': Record<string, unknown>[] };
  expect(doc['@graph']).toEqual([misleadingReview(WHY, { citation: [expect.objectContaining({ text: REBUTTAL })] })]);
});
