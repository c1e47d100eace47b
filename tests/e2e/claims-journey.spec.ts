/**
 * The journey of issue 15, in one class: a teacher (French, in the app's own window, which can
 * fetch web pages) and two students, Nina (English) and Omar (French).
 * 1. Nina marks the Spotify-AI claim in seed 000; "Same claim?" offers its rewording in seed 001,
 *    and she accepts it; Omar marks a rebuttal and a piece of evidence and links them to her claim.
 * 2. The registry shows one claim in two articles, with its evidence and rebuttal.
 * 3. The teacher gives a verdict citing both; it shows in the registry, on the map and in the article.
 * 4. The ClaimReview export names the claim's two appearances and what the verdict cites.
 * 5. The teacher imports a news page from the local site; the students mark it; the page is edited
 *    silently on the site; the teacher imports it again: a new version, what changed, and each
 *    student's marks carried with their status (in place, moved, approximate, not found).
 * Screenshots in English and in French, at 1280 and 800 px: tests/e2e/screenshots/journey/.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { mintToken } from '../../electron/server/tokens';
import { pageServer, type PageServer } from '../support/page-server';
import { schemaProblems } from '../support/schemaorg-check';
import { MARKED, NOTE, REMOVED, REWORDED } from '../unit/versions/seed-edits';
import { markAs, person, sidebarItems, startClass, studentIn, type ClassServer } from './class-helpers';
import { CLAIM_000, linesTaken, misleadingReview } from './helpers';
import { strings } from './version-helpers';

const CLAIM_001 = 'De son côté, Spotify souligne que son investissement précoce dans l’IA a été la clé de son succès.';
const REBUTTAL = 'qui a surtout brillé pour son offre de streaming légale et simple d’accès';
const EVIDENCE = 'Spotify s’est toujours démarqué grâce à ses algorithmes de recommandation de musique très performants.';
const WHY = 'Les algorithmes ont aidé, mais le succès de Spotify vient d’abord de son offre de streaming.';
const PAGE = '/changing/seed-003.html';
const EN = strings('en');
const FR = strings('fr');
const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));

let cls: ClassServer;
let site: PageServer;
test.beforeAll(async () => {
  [cls, site] = await Promise.all([startClass('journey', 'Classe de 1re B'), pageServer()]);
});
test.afterAll(async () => Promise.all([cls?.stop(), site?.close()]));

const shoot = async (page: Page, name: string, width = 1280) => {
  const size = page.viewportSize()!;
  if (width !== size.width) await page.setViewportSize({ width, height: 900 });
  await page.screenshot({ path: `tests/e2e/screenshots/journey/${name}-${width}.png` });
  if (width !== size.width) await page.setViewportSize(size);
};

/** `page` links its focused mark (just made) to the mark whose words contain `filter`, with the relation `rel`. */
async function linkTo(page: Page, filter: string, rel: RegExp): Promise<void> {
  await page.keyboard.press('l');
  const picker = page.getByRole('dialog');
  await expect(picker.getByRole('combobox')).toBeFocused();
  // quoted passages in the reader's language: « » with narrow no-break spaces in French, “ ” in English
  const [open, close] = (await page.locator('html').getAttribute('lang')) === 'fr' ? ['«\u202F', '\u202F»'] : ['“', '”'];
  await expect(picker.locator('.link-source')).toHaveText(new RegExp(`^${open}.+${close}$`));
  await picker.getByRole('radio', { name: rel }).check();
  await picker.getByRole('combobox').fill(filter);
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(picker.getByRole('option')).toContainText(new RegExp(`${open}[^${close}]*${filter}`));
  await picker.getByRole('combobox').press('Enter');
  await expect(picker).toBeHidden();
}

test('a claim across two articles, its verdict and ClaimReview; a news page edited after publication, its diff and the carried marks', async ({ browser, baseURL }, info) => {
  test.skip(info.project.name !== 'wide', 'one journey is enough: it takes its own 800 px screenshots');
  test.setTimeout(300_000);
  // the teacher's app window (it fetches pages: POST /api/import-url) joins the class server with the teacher's link
  const token = mintToken(cls.secret, { role: 'teacher', user: 'teacher', corpus: cls.corpus }, 3600, Date.now());
  const teacher = await person(browser, 'M. Petit', `${baseURL}/#/join?server=${encodeURIComponent(cls.url)}&token=${token}`);
  await teacher.getByRole('button', { name: FR.session.addSamples }).click();
  await expect(teacher.getByRole('link', { name: /^La bibliothèque.*5 articles$/ })).toBeVisible();
  const code = (await teacher.locator('.join-code').textContent())!;
  const nina = await studentIn(browser, cls, code, 'Nina', 'en');
  const omar = await studentIn(browser, cls, code, 'Omar', 'fr');

  // 1. Nina's claim, and "same claim?" in seed 001 accepted
  await markAs(nina, 'by Nina', CLAIM_000, '1', 1);
  const offers = nina.getByRole('complementary').getByRole('region', { name: 'Same claim?' });
  const inOther = offers.getByRole('listitem').filter({ hasText: 'In “Meta et Spotify s’unissent' });
  await expect(inOther.locator('q')).toHaveText(CLAIM_001);
  await offers.scrollIntoViewIfNeeded();
  await shoot(nina, 'same-claim-en');
  await inOther.getByRole('button', { name: 'Same claim' }).click();
  await expect(offers.getByRole('status')).toContainText('Marked as the same claim.');
  // Omar: a rebuttal and a piece of evidence, each linked to Nina's claim
  await expect(sidebarItems(omar).filter({ hasText: 'par Nina' }).locator('.annotation-quote')).toHaveText(`«\u202F${CLAIM_000}\u202F»`);
  await expect(sidebarItems(nina).locator('.annotation-quote')).toHaveText(`“${CLAIM_000}”`);
  await markAs(omar, 'par Omar', REBUTTAL, '3', 1);
  await linkTo(omar, 'Spotify, de son', /^réfute$/);
  await markAs(omar, 'par Omar', EVIDENCE, '4', 2);
  await linkTo(omar, 'Spotify, de son', /^soutient$/);

  // 2. the registry: one claim, in two articles, with its evidence and rebuttal
  await nina.getByRole('link', { name: 'Claim registry' }).click();
  const entry = nina.locator('.claim-entry').filter({ hasText: 'investissements dans l’IA' });
  await expect(entry).toHaveCount(1);
  const places = entry.locator('.claim-places > li');
  await expect(places).toHaveCount(2);
  await expect(places.nth(0)).toContainText('Meta et Spotify qui dénoncent');
  await expect(places.nth(1)).toContainText('Meta et Spotify s’unissent');
  await expect(entry.getByRole('heading', { name: 'Evidence (1)' })).toBeVisible();
  await expect(entry.getByRole('heading', { name: 'Rebuttal (1)' })).toBeVisible();
  await expect(entry.locator('.verdict-slot')).toHaveText('No verdict yet');

  // 3. the teacher's verdict, citing both
  await teacher.getByRole('link', { name: /^La bibliothèque/ }).click();
  await teacher.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).click();
  const claim = teacher.locator('.claim-verdicts li.claim-verdict').filter({ hasText: 'investissements dans l’IA' });
  await claim.getByRole('button', { name: 'Donner un verdict' }).click();
  await claim.getByRole('radio', { name: /Trompeur/ }).check();
  await claim.getByRole('textbox', { name: /Justification/ }).fill(WHY);
  await claim.getByRole('checkbox', { name: new RegExp(REBUTTAL) }).check();
  await claim.getByRole('checkbox', { name: /algorithmes de recommandation/ }).check();
  await claim.scrollIntoViewIfNeeded();
  await shoot(teacher, 'verdict-form-fr');
  await claim.getByRole('button', { name: 'Enregistrer le verdict' }).click();
  await expect(claim.locator('.verdict-badge')).toHaveText('◐ Trompeur');
  // … in the registry, on the map (Nina) and in the article (Omar)
  await expect(entry.locator('.verdict-slot')).toHaveText('◐ Misleading');
  await entry.scrollIntoViewIfNeeded();
  await shoot(nina, 'registry-en');
  await shoot(nina, 'registry-en', 800);
  const omarsClaim = omar.locator('.claim-verdicts li.claim-verdict').filter({ hasText: 'investissements dans l’IA' });
  await expect(omarsClaim.locator('.verdict-badge')).toHaveText('◐ Trompeur');
  await expect(omarsClaim.locator('.verdict-justification')).toHaveText(WHY);
  await omarsClaim.scrollIntoViewIfNeeded();
  await shoot(omar, 'article-verdict-fr');
  await nina.getByRole('link', { name: /argument map/i }).first().click();
  await expect(nina.locator('.map-list .map-node', { hasText: 'Spotify, de son côté' }).locator('.verdict-badge')).toHaveText('◐ Misleading');
  await expect(nina.locator('.map-canvas')).toHaveAttribute('data-ready', 'true');
  await shoot(nina, 'map-en');

  // 4. ClaimReview: the claim, its two appearances, the verdict and what it cites
  await teacher.getByRole('link', { name: 'Données de recherche' }).click();
  await teacher.getByRole('combobox', { name: 'Format' }).selectOption('claimreview');
  const download = teacher.waitForEvent('download');
  await teacher.getByRole('button', { name: 'Exporter', exact: true }).click();
  const review = (JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as { '@graph': Record<string, unknown>[] })['@graph'];
  const appearance = [expect.objectContaining({ identifier: expect.stringContaining('000') }), expect.objectContaining({ identifier: expect.stringContaining('001') })];
  expect(review).toEqual([misleadingReview(WHY, { itemReviewed: expect.objectContaining({ '@type': 'Claim', appearance }) })]);
  expect(schemaProblems(review)).toEqual([]); // every property and value type as schema.org 30.0 documents it
  expect((review[0]!.citation as { text: string }[]).map((c) => c.text).sort()).toEqual([EVIDENCE, REBUTTAL].sort());

  // 5. a news page from the local site, marked by both students
  const importPage = async () => {
    await teacher.goto(`${baseURL}/#/class`);
    await teacher.getByRole('button', { name: FR.urlImport.open }).click();
    await teacher.getByRole('textbox', { name: FR.urlImport.label }).fill(site.url(PAGE));
    await teacher.getByRole('button', { name: FR.urlImport.submit }).click();
    // the first page warms the extractor up (jsdom): seconds, more under load
    await expect(teacher.locator('.article-text')).toBeVisible({ timeout: 60_000 });
  };
  await importPage();
  for (const [student, by] of [[nina, 'by Nina'], [omar, 'par Omar']] as const) {
    await student.goto(`${cls.url}/#/`);
    await student.getByRole('link', { name: /^Meta and Spotify team up/ }).last().click();
    await expect(student.locator('.article-text')).toContainText(MARKED.moved);
    const mine = by === 'by Nina' ? [MARKED.exact, MARKED.fuzzy] : [MARKED.moved, MARKED.orphan];
    for (const [i, passage] of mine.entries()) await markAs(student, by, passage, '1', i + 1);
  }
  // Nina links evidence from another article (the sample's copy of the post) to her mark on the page
  await nina.goto(`${cls.url}/#/`);
  await nina.getByRole('link', { name: /^Meta and Spotify team up/ }).first().click();
  await markAs(nina, 'by Nina', MARKED.exact, '4', 1);
  await linkTo(nina, 'worked together', /^supports$/);
  // the site edits the page without saying so; the teacher imports the same address again
  expect((await fetch(`${site.url(PAGE)}?version=2`, { method: 'POST' })).status).toBe(204);
  await importPage();
  await expect(teacher.getByText(fill(FR.versions.versionOf, { version: 2, count: 2 }))).toBeVisible();
  await expect(teacher.locator('.article-text')).toContainText(NOTE);
  await expect(teacher.locator('.article-provenance')).toContainText(site.url(PAGE));

  // each student opens the newest version: their own marks come with their status
  const summaries = { nina: fill(EN.versions.carriedSummary, { count: 2, exact: 1, moved: 0, fuzzy: 1, orphan: 0 }), omar: fill(FR.versions.carriedSummary, { count: 2, exact: 0, moved: 1, fuzzy: 0, orphan: 1 }) };
  for (const [student, name] of [[nina, 'nina'], [omar, 'omar']] as const) {
    await student.goto(`${cls.url}/#/`);
    await student.locator('.article-card').filter({ hasText: /Version\s2/ }).locator('.article-link').click();
    await expect(student.locator('.carried-marks')).toContainText(summaries[name]);
  }
  await expect(nina.locator('.carried-marks li.carried-fuzzy q')).toHaveText(REWORDED.after);
  // the link made to her mark from the other article now reaches the mark's copy in version 2
  await expect(sidebarItems(nina).filter({ hasText: MARKED.exact }).locator('.link-in')).toContainText(`“${MARKED.exact}” supports this one`);
  await expect(omar.locator('section.orphans li.annotation')).toContainText(REMOVED);
  await nina.locator('.carried-marks').scrollIntoViewIfNeeded();
  await shoot(nina, 'carried-en');
  await shoot(omar, 'carried-fr');
  await shoot(omar, 'carried-fr', 800);
  // the teacher sees all four marks on the new version, and what changed
  await expect(sidebarItems(teacher)).toHaveCount(4);
  await teacher.getByRole('link', { name: FR.versions.whatChanged }).first().click();
  await expect(teacher.getByText(fill(FR.versions.changes_other, { count: 3 }), { exact: true })).toBeVisible();
  await expect(teacher.locator('.diff-text ins')).toContainText([NOTE, 'investment', 'technologies']);
  await expect(teacher.locator('.diff-text del')).toContainText(['investments', 'technology', REMOVED]);
  await shoot(teacher, 'diff-fr');
  await shoot(teacher, 'diff-fr', 800);

  // from the other article, Nina's evidence says which version its link now reaches
  await nina.goto(`${cls.url}/#/`);
  await nina.getByRole('link', { name: /^Meta and Spotify team up/ }).first().click();
  await expect(sidebarItems(nina).locator('.link-out')).toContainText(`“${MARKED.exact}” (in “Meta and Spotify team up against EU rules on open-source AI (v2 of 2)”)`);
  // and the link picker offers the carried mark once, as its copy in version 2, in either language
  const pickFrom = async (lang: 'en' | 'fr') => {
    await nina.getByRole('combobox', { name: lang === 'en' ? 'Langue' : 'Language' }).selectOption(lang);
    await sidebarItems(nina).filter({ hasText: MARKED.exact }).locator('.annotation-quote').click();
    await nina.keyboard.press('l');
    await nina.getByRole('dialog').getByRole('combobox').fill('worked together');
    await expect(nina.getByRole('dialog').getByRole('option')).toHaveText([lang === 'en' ? /\(v2\sof\s2\)$/ : /\(v2\ssur\s2\)$/]);
    await shoot(nina, `picker-versions-${lang}`);
    if (lang === 'fr') await shoot(nina, 'picker-versions-fr', 800);
    await nina.getByRole('dialog').getByRole('combobox').fill(''); // Escape in a filled search box only empties it
    await nina.keyboard.press('Escape');
    await expect(nina.getByRole('dialog')).toBeHidden();
  };
  await pickFrom('fr');
  await pickFrom('en');

  // the other views: one article with its versions. The class panel counts it once (5 samples + the page),
  await teacher.goto(`${baseURL}/#/class`);
  await expect(teacher.getByRole('link', { name: 'La bibliothèque : 6 articles'.replace(' :', '\u00a0:') })).toBeVisible();
  // the assignment editor offers it once, as its newest version (the sample's copy of the post has no versions)
  const offered = teacher.locator('.assignment-form label.check').filter({ hasText: /team up/ });
  await expect(offered).toHaveText([/^Meta and Spotify team up against EU rules on open-source AI$/, /team up.*\(v2\ssur\s2\)$/]);
  await offered.first().scrollIntoViewIfNeeded();
  await shoot(teacher, 'assignment-versions-fr');
  await shoot(teacher, 'assignment-versions-fr', 800);
  // at 800 px too, the version stays whole ("(v2 sur" never ends a line above "2)") and the top bar
  // shows the teacher's role whole (a long class name may be shortened, never the role)
  await teacher.setViewportSize({ width: 800, height: 900 });
  expect(await linesTaken(offered.last(), '(v2 sur 2)')).toBe(1);
  await expect(teacher.locator('.session-title')).toHaveText(`Classe de 1re B · ${FR.session.roles.teacher}`);
  expect(await teacher.locator('.session-title').evaluate((title) => [title, ...title.children].every((e) => e.scrollWidth <= e.clientWidth))).toBe(true);
  await teacher.setViewportSize({ width: 1280, height: 800 });
  await teacher.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(offered.last()).toHaveText(/\(v2\sof\s2\)$/);
  await shoot(teacher, 'assignment-versions-en');
  await teacher.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  // the dashboard offers its newest version, the older one apart,
  await teacher.goto(`${baseURL}/#/dashboard`);
  const choice = teacher.getByRole('combobox', { name: 'Article' });
  await expect(choice.locator('option', { hasText: /team up.*\(v2\ssur\s2\)$/ })).toHaveCount(1);
  await expect(choice.locator(`optgroup[label="${FR.versionViews.older}"] option`)).toHaveText([/team up.*\(v1\ssur\s2\)$/]);
  // the registry lists each carried claim once (the Spotify claim and the page's four), at version 2
  await nina.getByRole('link', { name: 'Claims', exact: true }).click();
  await expect(nina.locator('.claim-entry')).toHaveCount(5);
  const carried = nina.locator('.claim-entry').filter({ hasText: 'Apple is a common enemy' });
  await expect(carried.locator('.claim-place-link')).toHaveText([/team up.*\(v2\sof\s2\)$/]);
  await carried.scrollIntoViewIfNeeded();
  await shoot(nina, 'registry-versions-en');
  await nina.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(carried.locator('.claim-place-link')).toHaveText([/team up.*\(v2\ssur\s2\)$/]);
  await shoot(nina, 'registry-versions-fr');
  await shoot(nina, 'registry-versions-fr', 800);
  await nina.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  // and the map shows each carried mark once, at version 2
  await nina.getByRole('link', { name: 'Argument map' }).first().click();
  const nodes = nina.locator('.map-list .map-node');
  await expect(nodes.filter({ hasText: '(v2 of 2)' })).toHaveCount(4);
  await expect(nodes.filter({ hasText: '(v1 of 2)' })).toHaveCount(0);
  await expect(nodes.filter({ hasText: 'worked together' })).toHaveCount(2); // the evidence in the sample, the carried mark
  await expect(nina.locator('.map-canvas')).toHaveAttribute('data-ready', 'true');
  await nodes.filter({ hasText: '(v2 of 2)' }).first().scrollIntoViewIfNeeded();
  await shoot(nina, 'map-versions-en');
  for (const page of [teacher, nina, omar]) await page.context().close();
});
