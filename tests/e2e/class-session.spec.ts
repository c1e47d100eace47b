import { expect, test } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSyncServer, type SyncServer } from '../../electron/server/sync-server';
import { mintToken } from '../../electron/server/tokens';
import { cuttableProxy, type CuttableProxy } from '../support/cuttable-proxy';
import { CLAIM_000, paintedPassages, selectWithMouse } from './helpers';

const SECRET = 'e2e-class-secret-0123456789abcdefghij';
let server: SyncServer;
let proxy: CuttableProxy;
let dataDir: string;
let classUrl: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'glose-e2e-class-'));
  server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, secret: SECRET, session: { corpus: 'klasse', title: 'Éducation aux médias 3e B' }, rendererDir: resolve('dist/renderer') });
  classUrl = `http://127.0.0.1:${server.port}`;
  proxy = await cuttableProxy(server.port);
});

test.afterAll(async () => {
  await proxy.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function person(browser: Browser, name: string, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill(name);
  await dialog.getByRole('button').first().click();
  return page;
}

const items = (page: Page) => page.getByRole('complementary').locator('li.annotation');

test('a teacher and two students annotate live; a student who loses the network keeps working, reloads and merges', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  // the teacher opens their own link, served by the class server, and adds the sample articles
  const teacherToken = mintToken(SECRET, { role: 'teacher', user: 'teacher', corpus: 'klasse' }, 3600, Date.now());
  // the link opens the class panel: the code, its QR code, and adding the articles
  const teacher = await person(browser, 'Mme Durand', `${classUrl}/#/join?token=${teacherToken}`);
  await teacher.getByRole('button', { name: 'Add the five sample articles' }).click();
  await expect(teacher.getByRole('link', { name: 'The library: 5 articles' })).toBeVisible();
  await expect(teacher.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  const code = (await teacher.locator('.join-code').textContent())!;
  expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  await expect(teacher.getByRole('img', { name: /QR code/ })).toBeVisible();

  // student A opens the teacher's address in a browser: the page asks for the code and her name
  const alice = await (await browser.newContext()).newPage();
  await alice.goto(classUrl);
  await alice.getByLabel('Class code').fill(code.toLowerCase());
  await alice.getByLabel('Your name').fill('Alice');
  await alice.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(alice.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ })).toBeVisible();

  // student B uses the app from elsewhere and reaches the class through a network link we can cut
  const bob = await person(browser, 'Bob', `${baseURL}/#/join`);
  await bob.getByLabel('Teacher’s address').fill(`127.0.0.1:${proxy.port}`);
  await bob.getByLabel('Class code').fill(code);
  await bob.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(bob.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ })).toBeVisible();

  // everyone in the roster, online
  await expect(teacher.locator('.roster li')).toHaveCount(3);
  await expect(teacher.locator('.roster li').filter({ hasText: 'Mme Durand' })).toContainText('teacher');
  await expect(teacher.locator('.roster li').filter({ hasText: 'Alice' })).toContainText('online');

  // the teacher adds an article during the class: every student sees it
  await teacher.goto(teacher.url().replace(/#.*$/, '#/'));
  await teacher.getByRole('button', { name: 'Paste text' }).click();
  await teacher.getByLabel('Title').fill('Tribune : l’IA et la musique');
  await teacher.getByLabel('Article text').fill('Spotify affirme que son succès vient de l’IA.\n\nLes critiques en doutent.');
  await teacher.getByRole('button', { name: 'Add to corpus' }).click();
  for (const page of [alice, bob]) await expect(page.getByRole('link', { name: 'Tribune : l’IA et la musique' })).toBeVisible();
  await expect(alice.getByRole('button', { name: 'Paste text' })).toHaveCount(0);

  for (const page of [teacher, alice, bob]) {
    await page.goto(page.url().replace(/#.*$/, '#/article/000'));
    await expect(page.locator('.article-text')).toBeVisible();
  }
  // Alice marks the claim: it appears at Bob's and the teacher's, with her name
  await selectWithMouse(alice, CLAIM_000);
  await alice.keyboard.press('1');
  for (const page of [bob, teacher]) {
    await expect(items(page)).toHaveCount(1);
    await expect(items(page).first()).toContainText('by Alice');
    await expect.poll(() => paintedPassages(page)).toEqual({ claim: [CLAIM_000] });
  }
  // her selection shows faintly at Bob's
  await expect.poll(() => bob.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('glose-peer-')))).toBe(true);
  // with her initial at its end, not by colour alone
  await expect(bob.locator('.peer-flag[title="Alice"] .member-badge')).toHaveText('A');
  await bob.locator('.peer-flag').first().scrollIntoViewIfNeeded();
  await expect(bob.locator('.peer-flag').first()).toBeVisible();
  await bob.screenshot({ path: 'tests/e2e/screenshots/class-peer-selection-en.png' });

  // Bob loses the network, annotates, reloads: his work is still there, waiting to be sent
  proxy.cut();
  await expect(bob.getByRole('status').filter({ hasText: /Offline|Reconnecting/ })).toBeVisible();
  await selectWithMouse(bob, 'Étrange manière de présenter les activités d’une plateforme');
  await bob.keyboard.press('3');
  await expect(items(bob)).toHaveCount(2);
  await bob.reload();
  await expect(items(bob)).toHaveCount(2);
  await expect(bob.getByRole('status').filter({ hasText: /waiting to be sent|Reconnecting|Offline/ })).toBeVisible();
  await expect(items(teacher)).toHaveCount(1);

  // the network comes back: everything merges everywhere, nothing duplicated
  proxy.restore();
  for (const page of [teacher, alice, bob]) {
    await expect(items(page)).toHaveCount(2, { timeout: 20_000 });
    await expect.poll(() => paintedPassages(page)).toEqual({ claim: [CLAIM_000], rebuttal: ['Étrange manière de présenter les activités d’une plateforme'] });
  }
  await expect(bob.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();

  // the teacher's own annotations reach the students too
  await selectWithMouse(teacher, 'Il est probable, en revanche');
  await teacher.keyboard.press('5');
  for (const page of [alice, bob]) await expect(items(page).filter({ hasText: 'by Mme Durand' })).toHaveCount(1);
  await teacher.screenshot({ path: 'tests/e2e/screenshots/class-teacher-en.png' });
  await bob.screenshot({ path: 'tests/e2e/screenshots/class-student-en.png' });

  // the teacher gives the class new codes, then removes Bob: his pass stops working at once
  await teacher.getByRole('link', { name: /Éducation aux médias 3e B/ }).click();
  await teacher.getByRole('button', { name: 'New codes' }).click();
  await expect(teacher.locator('.join-code')).not.toHaveText(code);
  await teacher.getByRole('button', { name: 'Remove Bob' }).click();
  await expect(teacher.locator('.roster li').filter({ hasText: 'Bob' })).toContainText('removed');
  await expect(bob.getByText('The teacher removed you from this class.')).toBeVisible({ timeout: 15_000 });
  await teacher.screenshot({ path: 'tests/e2e/screenshots/class-admin-en.png' });
});

test('in a browser, hosting explains how to start the class server, in French too', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('glose.user', JSON.stringify({ id: 'u1', name: 'Mme Durand', color: '#0072B2' }));
    localStorage.setItem('glose.language', 'fr');
  });
  await page.goto('/#/join');
  await page.getByRole('link', { name: 'Accueillir une classe' }).click();
  await expect(page.getByText('Une page de navigateur ne peut pas accueillir une classe')).toBeVisible();
  await expect(page.locator('pre.command')).toContainText('npm run server -- --host 0.0.0.0');
  await page.screenshot({ path: 'tests/e2e/screenshots/host-browser-fr.png' });
});

test('an expired class pass is explained, and joining again keeps the student’s identity and work', async ({ browser }) => {
  // a pass that expired during this class's lifetime (an older pass would not renew the identity):
  // it ends about 2 s after the class was created, so when this test runs alone it waits for that
  const created = server.session!.created!;
  const expired = mintToken(SECRET, { role: 'student', user: 'sLea', corpus: 'klasse' }, 1, created + 1_000);
  const expiredAt = (Math.floor((created + 1_000) / 1_000) + 1) * 1_000;
  await new Promise((done) => setTimeout(done, Math.max(0, expiredAt + 200 - Date.now())));
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(
    ([token, server]) => {
      if (localStorage.getItem('glose.session')) return;
      localStorage.setItem('glose.user', JSON.stringify({ id: 'local-lea', name: 'Léa', color: '#CC79A7' }));
      localStorage.setItem('glose.session', JSON.stringify({ server, token, corpus: 'klasse', user: 'sLea', role: 'student', title: 'Éducation aux médias 3e B' }));
    },
    [expired, classUrl],
  );
  await page.goto(`${classUrl}/#/`);
  const alert = page.getByRole('alert').filter({ hasText: 'Your class pass has expired' });
  await expect(alert).toBeVisible();
  // the socket is up but nothing syncs: the bar must not say "Connected"
  await expect(page.getByRole('status').filter({ hasText: 'Not connected to the class' })).toBeVisible();
  await alert.getByRole('link', { name: 'Join again' }).click();
  await page.getByLabel('Class code').fill(server.session!.studentCode);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Join', exact: true }).click()]);
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('glose.session')!) as { user: string; token: string });
  expect(session.user).toBe('sLea');
  expect(session.token).not.toBe(expired);
  await expect(page.getByRole('alert').filter({ hasText: 'expired' })).toHaveCount(0);
});
