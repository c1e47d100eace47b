import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { startAs } from './helpers';
import { expectReflows } from './reflow';
import { classOnDemand, classTeacher, VIEWS } from './views';

// Every view of the app (tests/e2e/views.ts), in English and in French: axe-core finds no serious
// or critical violation, and nothing is cut off. It runs in the wide project only, which narrows the same page to
// 800 px and to 640 px: a 1,280 px window at 200 % zoom lays the page out in 640 CSS px (browser
// zoom scales the CSS pixel; Emulation.setPageScaleFactor is a pinch-zoom that does not reflow,
// and deviceScaleFactor alone changes only sharpness), 400 px high. Screenshots of each width go to
// tests/e2e/screenshots/views/<width>/.

const SMALLER = [
  { width: 800, height: 900 },
  { width: 640, height: 400 },
];

async function check(page: Page, view: string): Promise<void> {
  const width = page.viewportSize()!.width;
  // the layout settles in a frame after a resize
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: `tests/e2e/screenshots/views/${width}/${view.replaceAll(' ', '-')}.png` });
  await expectReflows(page, view);
  await expectAccessible(page, `${view}-${width}`);
}

for (const language of ['en', 'fr'] as const) {
  for (const [name, reach] of VIEWS) {
    test(`${name} (${language}): no serious or critical axe violation, nothing cut off`, async ({ page, browser }) => {
      const server = classOnDemand();
      try {
        await startAs(page, 'Ana', language);
        const shown = (await reach({ page, browser, language, cls: server.cls })) ?? page;
        await check(shown, `${name} ${language}`);
        for (const size of SMALLER) {
          await shown.setViewportSize(size);
          await check(shown, `${name} ${language}`);
        }
        if (shown !== page) await shown.context().close();
      } finally {
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
