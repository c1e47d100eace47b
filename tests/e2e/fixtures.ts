/**
 * The `test` of every browser spec: Playwright's own, plus one rule: each browser context a test
 * opens itself (`browser.newContext()`, as `person()` does for every member of a class) is closed
 * when the test ends. Playwright closes only the `context` and `page` fixtures; the rest stayed
 * open for the whole run, one renderer process each (about 200 MB, its timers and reconnection
 * attempts to a class server long stopped), until late specs starved (docs/testing.md).
 * Contexts opened in `beforeAll` belong to the file: its `afterAll` closes them.
 */
import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';

export const test = base.extend<{ closesItsContexts: void }>({
  closesItsContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
});
