/**
 * Shared steps of the class tests: a real class server on 127.0.0.1 (port 0, its own data
 * directory, serving the built renderer), one per spec file (classOfSpec), people who open it in their own browser context in
 * a given language, and a teacher who joins with their link and adds the sample articles.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSyncServer, type SyncServer } from '../../electron/server/sync-server';
import { mintToken } from '../../electron/server/tokens';
import { test } from './fixtures';
import { CLAIM_000, selectWithMouse } from './helpers';

export interface ClassServer {
  server: SyncServer;
  secret: string;
  corpus: string;
  /** the class server's HTTP address */
  url: string;
  stop(): Promise<void>;
}

export async function startClass(corpus: string, title: string): Promise<ClassServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `glose-e2e-${corpus}-`));
  const secret = `e2e-${corpus}-secret-0123456789abcdefghijklmnop`;
  const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, secret, session: { corpus, title }, rendererDir: resolve('dist/renderer') });
  return {
    server,
    secret,
    corpus,
    url: `http://127.0.0.1:${server.port}`,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The class server of a spec file: started before its tests and stopped after them (it registers
 * the file's beforeAll and afterAll). Read its fields inside the tests.
 */
export function classOfSpec(corpus: string, title: string): ClassServer {
  let started: ClassServer | undefined;
  const running = (): ClassServer => {
    if (!started) throw new Error('the class server starts in beforeAll: read it inside a test');
    return started;
  };
  test.beforeAll(async () => {
    started = await startClass(corpus, title);
  });
  test.afterAll(async () => started?.stop());
  return {
    get server() {
      return running().server;
    },
    get secret() {
      return running().secret;
    },
    corpus,
    get url() {
      return running().url;
    },
    stop: () => running().stop(),
  };
}

/** A person with their own browser context (own IndexedDB), named and speaking `language`, at `url`. */
export async function person(browser: Browser, name: string, url: string, language: 'en' | 'fr' = 'fr', viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.addInitScript(([n, l]) => {
    if (!localStorage.getItem('glose.user')) localStorage.setItem('glose.user', JSON.stringify({ id: `local-${n}`, name: n, color: '#009E73' }));
    localStorage.setItem('glose.language', l!);
  }, [name, language]);
  await page.goto(url);
  return page;
}

/** The teacher's own link to the class (it carries a teacher token). */
export function teacherLink(cls: ClassServer): string {
  const token = mintToken(cls.secret, { role: 'teacher', user: 'teacher', corpus: cls.corpus }, 3600, Date.now());
  return `${cls.url}/#/join?token=${token}`;
}

const SAMPLES = {
  fr: { add: 'Ajouter les cinq articles d’exemple', library: /^La bibliothèque.*5 articles$/ },
  en: { add: 'Add the five sample articles', library: /^The library.*5 articles$/ },
};

/** The teacher opens their link (a French page unless told): it opens the class panel, where they add the sample articles; returns the join code. */
export async function teacherJoins(page: Page, cls: ClassServer, language: 'en' | 'fr' = 'fr'): Promise<string> {
  await page.goto(teacherLink(cls));
  await page.getByRole('button', { name: SAMPLES[language].add }).click();
  await expect(page.getByRole('link', { name: SAMPLES[language].library })).toBeVisible();
  return (await page.locator('.join-code').textContent())!;
}

/** A student joins with the code (`label`: the join button in the page's language) and lands on the library. */
export async function joinClass(page: Page, code: string, label: string): Promise<void> {
  await page.getByRole('textbox', { name: /code/i }).fill(code);
  await page.getByRole('button', { name: label, exact: true }).click();
}

/** A student joins with the code (in the page's language) and opens article 000. */
export async function studentJoins(page: Page, code: string, joinLabel: string): Promise<void> {
  await joinClass(page, code, joinLabel);
  await page.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).click();
  await expect(page.locator('.article-text')).toBeVisible();
}

const JOIN = { en: 'Join', fr: 'Rejoindre' } as const;

/** A student in their own browser context, speaking `language`, who joins the class with `code` and then opens article 000 (unless `open` is false: they stay where joining lands them). */
export async function studentIn(browser: Browser, cls: ClassServer, code: string, name: string, language: 'en' | 'fr', options: { viewport?: { width: number; height: number }; open?: boolean } = {}): Promise<Page> {
  const page = await person(browser, name, `${cls.url}/#/join?code=${code}`, language, options.viewport);
  if (options.open === false) await joinClass(page, code, JOIN[language]);
  else await studentJoins(page, code, JOIN[language]);
  return page;
}

/** The teacher (French) and two students, Nina (English) and Omar (French), each with article 000 open. */
export async function teacherAndTwoStudents(browser: Browser, cls: ClassServer, viewport?: { width: number; height: number }): Promise<{ teacher: Page; nina: Page; omar: Page }> {
  const teacher = await person(browser, 'M. Petit', cls.url, 'fr', viewport);
  const code = await teacherJoins(teacher, cls);
  const nina = await studentIn(browser, cls, code, 'Nina', 'en', { viewport });
  const omar = await studentIn(browser, cls, code, 'Omar', 'fr', { viewport });
  return { teacher, nina, omar };
}

/** `page` marks `passage` with the kind of `key`; then `count` marks are theirs (`by` is their sidebar byline). */
export async function markAs(page: Page, by: string, passage: string, key: string, count: number): Promise<void> {
  await selectWithMouse(page, passage);
  await page.keyboard.press(key);
  await expect(sidebarItems(page).filter({ hasText: by })).toHaveCount(count);
}

/** A screenshot of the page as it is, under the project's name (tests/e2e/screenshots/<project>/<name>.png). */
export function shoot(page: Page, project: string, name: string): Promise<Buffer> {
  return page.screenshot({ path: `tests/e2e/screenshots/${project}/${name}.png`, fullPage: false });
}

export const sidebarItems = (page: Page) => page.getByRole('complementary').locator('li.annotation');

/** Two students with article 000 open each mark one passage (a claim, a disputed one) and see it listed. */
export async function eachMarksOne(nina: Page, omar: Page): Promise<void> {
  await selectWithMouse(nina, CLAIM_000);
  await nina.keyboard.press('1');
  await selectWithMouse(omar, 'Étrange manière de présenter les activités');
  await omar.keyboard.press('2');
  await expect(sidebarItems(nina)).toHaveCount(1);
  await expect(sidebarItems(omar)).toHaveCount(1);
}

/** In the comparison view, shows the passage holding `quote` and focuses the mark of `who` there (for G to promote it). */
export async function focusMark(page: Page, quote: string, who: RegExp): Promise<void> {
  const jumps = page.locator('.passage-jump');
  await expect(jumps.first()).toBeVisible({ timeout: 20_000 });
  const wanted = page.locator('.promote-mark').filter({ hasText: quote }).filter({ hasText: who });
  for (let i = 0; i < (await jumps.count()); i++) {
    await jumps.nth(i).click();
    if ((await wanted.count()) > 0) break;
  }
  await wanted.focus();
}

/** "2026-12-05T14:30:05" in this computer's time zone (the browser's too), `ms` from now: a datetime-local value. */
export function localInputIn(ms: number): string {
  const d = new Date(Date.now() + ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Which paragraph of the article lies on the reading line (a fifth of the window down), or just below it. */
export const paragraphOnReadingLine = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('.article-text')!;
    const line = Math.round(innerHeight * 0.2);
    // the first paragraph whose box reaches below the line
    return [...root.querySelectorAll('.glose-block')].findIndex((b) => b.getBoundingClientRect().bottom > line);
  });
