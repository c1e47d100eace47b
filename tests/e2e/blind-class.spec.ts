import { expect, test } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSyncServer, type SyncServer } from '../../electron/server/sync-server';
import { mintToken } from '../../electron/server/tokens';
import { eachMarksOne } from './class-helpers';

const SECRET = 'e2e-blind-secret-0123456789abcdefghijk';
let server: SyncServer;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'glose-e2e-blind-'));
  server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, secret: SECRET, session: { corpus: 'aveugle', title: '2nde C' }, rendererDir: resolve('dist/renderer') });
});

test.afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function joined(browser: Browser, name: string, path: string, language = 'fr'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(([n, l]) => {
    if (!localStorage.getItem('glose.user')) localStorage.setItem('glose.user', JSON.stringify({ id: `local-${n}`, name: n, color: '#009E73' }));
    localStorage.setItem('glose.language', l!);
  }, [name, language]);
  await page.goto(`http://127.0.0.1:${server.port}${path}`);
  return page;
}

const items = (page: Page) => page.getByRole('complementary').locator('li.annotation');

test('in a blind class students see only their own work until the teacher reveals everyone’s', async ({ browser }) => {
  test.setTimeout(90_000);
  const teacherToken = mintToken(SECRET, { role: 'teacher', user: 'teacher', corpus: 'aveugle' }, 3600, Date.now());
  const teacher = await joined(browser, 'M. Petit', `/#/join?token=${teacherToken}`);
  // the link opens the class panel, where the teacher adds the articles and turns blind annotation on
  await teacher.getByRole('button', { name: 'Ajouter les cinq articles d’exemple' }).click();
  await teacher.getByRole('checkbox', { name: /Annotation à l’aveugle/ }).check();
  await expect(teacher.getByText('À l’aveugle', { exact: true })).toBeVisible();
  const code = (await teacher.locator('.join-code').textContent())!;

  const students: Page[] = [];
  for (const name of ['Nina', 'Omar']) {
    const page = await joined(browser, name, `/#/join?code=${code}`);
    await page.getByRole('button', { name: 'Rejoindre', exact: true }).click();
    await page.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).click();
    await expect(page.locator('.article-text')).toBeVisible();
    students.push(page);
  }
  const [nina, omar] = students as [Page, Page];
  await expect(omar.getByText('À l’aveugle', { exact: true })).toBeVisible();

  await eachMarksOne(nina, omar);
  // the teacher sees both while the students do not see each other
  await teacher.goto(teacher.url().replace(/#.*$/, '#/article/000'));
  await expect(items(teacher)).toHaveCount(2);
  await omar.waitForTimeout(1000);
  await expect(items(omar)).toHaveCount(1);
  await expect(items(omar).first()).toContainText('par Omar');
  await omar.screenshot({ path: 'tests/e2e/screenshots/blind-student-fr.png' });

  // the teacher reveals: each student now sees the other's annotation
  await teacher.goto(teacher.url().replace(/#.*$/, '#/class'));
  await teacher.getByRole('checkbox', { name: /Annotation à l’aveugle/ }).uncheck();
  await expect(items(omar)).toHaveCount(2, { timeout: 15_000 });
  await expect(items(nina)).toHaveCount(2, { timeout: 15_000 });
  await expect(items(omar).filter({ hasText: 'par Nina' })).toHaveCount(1);
});
