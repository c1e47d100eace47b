import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { platformFonts } from '../support/platform-fonts';
import { CLAIM_000, openArticle, selectWithMouse, startAs } from './helpers';

/** The families the app bundles (renderer/typography/fonts.ts): nothing else may draw its text. */
const BUNDLED = /^(Literata|Atkinson Hyperlegible Next|Atkinson Hyperlegible Mono|OpenDyslexic|Noto Sans Symbols 2)\b/;

async function shoot(page: Page, name: string): Promise<void> {
  const dir = `tests/e2e/screenshots/${test.info().project.name}`;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png` });
}

/**
 * Where one test records the fonts used, for CI's log (.ci/run prints the folder): a file of its own
 * per project and language, emptied as the test starts, so the lines of two workers never mix.
 */
function fontsLog(language: string): string {
  mkdirSync('test-results/fonts-used', { recursive: true });
  const file = `test-results/fonts-used/${test.info().project.name}-${language}.txt`;
  writeFileSync(file, '');
  return file;
}

/** Asserts that only bundled fonts drew the page, and records which ones in `log`. */
async function expectOnlyBundledFonts(page: Page, view: string, log: string): Promise<void> {
  const used = await platformFonts(page);
  appendFileSync(log, `${test.info().project.name} ${view}: ${used.map((f) => `${f.family} (${f.glyphs} glyphs)`).join(', ')}\n`);
  expect(used.length).toBeGreaterThan(0);
  expect(used.filter((f) => !BUNDLED.test(f.family) || !f.custom), `system fonts drew text in the ${view}`).toEqual([]);
}

for (const language of ['en', 'fr'] as const) {
  test(`every view is drawn with the app's own fonts only, accents and « » included (${language})`, { tag: '@narrow' }, async ({ page }) => {
    const log = fontsLog(language);
    await startAs(page, 'Élodie Lefèvre', language);
    await expect(page.locator('.article-list li')).toHaveCount(5);
    await shoot(page, `library-${language}`);
    await expectOnlyBundledFonts(page, `library ${language}`, log);

    await openArticle(page, 'Meta et Spotify qui dénoncent');
    await selectWithMouse(page, CLAIM_000);
    await page.keyboard.press('1');
    await expect(page.getByRole('complementary').locator('li.annotation')).toHaveCount(1);
    await shoot(page, `article-${language}`);
    await expectOnlyBundledFonts(page, `article ${language}`, log);

    await page.goto('/#/map');
    await expect(page.locator('.map-summary')).toBeVisible();
    await shoot(page, `map-${language}`);
    await expectOnlyBundledFonts(page, `argument map ${language}`, log);
  });
}

test('a reader chooses the dyslexia-friendly font and a larger text; both hold after a reload', async ({ page }) => {
  await startAs(page, 'Noé', 'fr');
  await openArticle(page, 'Meta et Spotify qui dénoncent');
  const text = page.locator('.article-text');
  const size = () => text.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();

  // keyboard only: the "Aa" disclosure, the switch, a size
  const settings = page.getByRole('group').filter({ has: page.getByText('Aa') });
  await settings.locator('summary').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('checkbox', { name: 'Police adaptée à la dyslexie (OpenDyslexic)' }).check();
  await page.getByRole('radio', { name: '130\u202F%' }).check();
  await shoot(page, 'display-settings-fr');

  const check = async () => {
    expect(await size()).toBeCloseTo(before * 1.3, 1);
    const used = await platformFonts(page, '.article-text');
    expect(used.map((f) => f.family)).toContain('OpenDyslexic');
    expect(used.filter((f) => !/^(OpenDyslexic|Noto Sans Symbols 2)$/.test(f.family))).toEqual([]);
  };
  await check();
  await page.reload();
  await expect(text).toBeVisible();
  await check();
  // and back to the bundled reading face
  await page.locator('.display-settings summary').click();
  await page.getByRole('checkbox', { name: 'Police adaptée à la dyslexie (OpenDyslexic)' }).uncheck();
  expect((await platformFonts(page, '.article-text')).map((f) => f.family)).toEqual(['Literata']);
});

test('the reading font is loaded while the library is shown, so an article is laid out once in it', async ({ page }) => {
  await startAs(page, 'Noé', 'fr');
  await expect(page.locator('.article-list li')).toHaveCount(5);
  // nothing on the library is set in Literata: only the app's early load brings it in
  expect(await page.locator('.library').evaluate((el) => [...el.querySelectorAll('*')].some((e) => getComputedStyle(e).fontFamily.includes('Literata')))).toBe(false);
  await expect.poll(() => page.evaluate(() => document.fonts.check('1em "Literata Variable"', 'Aé’«'))).toBe(true);
  await expect.poll(() => page.evaluate(() => document.fonts.check('1em "Atkinson Hyperlegible Mono Variable"', 'Aa1'))).toBe(true);
});
