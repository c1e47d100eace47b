import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { startAs } from './helpers';
import { expectReflows } from './reflow';
import { classOnDemand, classTeacher, SCENES } from './views';

// Every view of the app (tests/e2e/views.ts), in English and in French: axe-core finds no serious
// or critical violation, and nothing is cut off. It runs in the wide project only, which narrows the same page to
// 800 px and to 640 px: a 1,280 px window at 200 % zoom lays the page out in 640 CSS px (browser
// zoom scales the CSS pixel; Emulation.setPageScaleFactor is a pinch-zoom that does not reflow,
// and deviceScaleFactor alone changes only sharpness), 400 px high. Screenshots of each width go to
// tests/e2e/screenshots/views/<width>/. One test per scene and language, one step per view: a
// scene's page goes from view to view as a person would, so its data is seeded once.

/**
 * The widths a view is checked at. Nothing may be cut off at any of them. Axe runs at 1,280 px,
 * where every part of the page is shown (the sidebar beside the text), and at 640 px, where the
 * narrow-only controls are (the drawer's buttons, the top bar scrolling away); at 800 px the page
 * holds the same elements as at one of those two, so axe (most of this spec's time) is not run again.
 */
const WIDTHS = [
  { size: { width: 1280, height: 800 }, axe: true },
  { size: { width: 800, height: 900 }, axe: false },
  { size: { width: 640, height: 400 }, axe: true },
];

async function check(page: Page, view: string, axe: boolean): Promise<void> {
  const width = page.viewportSize()!.width;
  // the layout settles in a frame after a resize
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: `tests/e2e/screenshots/views/${width}/${view.replaceAll(' ', '-')}.png` });
  await expectReflows(page, view);
  if (axe) await expectAccessible(page, `${view}-${width}`);
}

/** The checks at every width; the page is left at 1,280 px for the next view. */
async function checkEveryWidth(page: Page, view: string): Promise<void> {
  for (const { size, axe } of WIDTHS) {
    await page.setViewportSize(size);
    await check(page, view, axe);
  }
  await page.setViewportSize(WIDTHS[0]!.size);
}

for (const language of ['en', 'fr'] as const) {
  for (const [scene, views] of SCENES) {
    test(`${scene} (${language}): on every view no serious or critical axe violation, nothing cut off`, async ({ page, browser }) => {
      const list = views();
      test.setTimeout(list.length * 45_000); // each view had a test of its own, with a minute
      const server = classOnDemand();
      const others = new Set<Page>();
      try {
        await startAs(page, 'Ana', language);
        for (const [name, reach] of list) {
          await test.step(name, async () => {
            const shown = (await reach({ page, browser, language, cls: server.cls })) ?? page;
            if (shown !== page) others.add(shown);
            await checkEveryWidth(shown, `${name} ${language}`);
          });
        }
      } finally {
        for (const other of others) await other.context().close();
        await server.stop();
      }
    });
  }
}

test('the checks fail on a button without a name, text too pale to read and a control cut off, a page too wide', async ({ page }) => {
  await startAs(page, 'Ana');
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.append(document.createElement('button'));
    main.insertAdjacentHTML('beforeend', '<p style="color:#ddd;background:#fff">pale</p>');
    main.insertAdjacentHTML('beforeend', '<div style="overflow:hidden;width:50px"><button style="margin-left:80px">far</button></div>');
    main.insertAdjacentHTML('beforeend', '<p style="width:3000px">wide</p>');
  });
  const failure = await expectAccessible(page, 'broken-on-purpose').then(() => '', (e: Error) => e.message);
  expect(failure).toMatch(/button-name \(critical\)/);
  expect(failure).toMatch(/color-contrast \(serious\)/);
  const cut = await expectReflows(page, 'broken-on-purpose').then(() => '', (e: Error) => e.message);
  expect(cut).toMatch(/<button> “far” at .* is cut off by <div/);
  expect(cut).toMatch(/the page scrolls sideways by \d+ px/);
});

test('a teacher’s French top bar, the longest, fits on one line at 1,280 px', async ({ page, browser }) => {
  const server = classOnDemand();
  try {
    const teacher = await classTeacher({ page, browser, language: 'fr', cls: server.cls });
    await expect(teacher.getByRole('status').filter({ hasText: 'Connecté' })).toBeVisible();
    const rows = await teacher.locator('.topbar').evaluate((bar) => {
      const boxes = [...bar.querySelectorAll('.brand, .topbar-tools > *, .session-bar > *')].map((e) => e.getBoundingClientRect());
      return { lowestTop: Math.max(...boxes.map((b) => b.top)), highestBottom: Math.min(...boxes.map((b) => b.bottom)) };
    });
    // one line: every item of the bar overlaps every other vertically
    expect(rows.lowestTop).toBeLessThan(rows.highestBottom);
    await teacher.context().close();
  } finally {
    await server.stop();
  }
});
