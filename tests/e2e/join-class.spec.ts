/**
 * Joining without friction, with a real class server: the page it serves opens on "Join «class»"
 * (code and name, nothing else); the teacher's link opens the class panel with the code, the QR
 * code and adding articles; marks made in the local library before joining are offered to be
 * brought into the class or left where they are — never dropped silently. Screenshots in English
 * and French at 1280 and 800 px, with a class session active (the top bar on one line at 1280).
 */
import { expect, test } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { CLAIM_000, selectWithMouse } from './helpers';
import { person, sidebarItems as items, startClass, teacherJoins, teacherLink, type ClassServer } from './class-helpers';

let cls: ClassServer;
test.beforeEach(async () => {
  cls = await startClass('rejoindre', 'Éducation aux médias 3e B');
});
test.afterEach(async () => cls.stop());

const shot = (page: Page, name: string) => page.screenshot({ path: `tests/e2e/screenshots/${test.info().project.name}/${name}.png` });

/** A fresh browser (no name, no library) at `url`. */
async function stranger(browser: Browser, url: string, language: 'en' | 'fr', width = 1280): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
  await page.addInitScript((l) => localStorage.setItem('glose.language', l), language);
  await page.goto(url);
  return page;
}

/** How many lines the top bar's items take: each item starting below the previous line's lowest top opens a line. */
const topBarRows = (page: Page) =>
  page.locator('.topbar').evaluate((bar) => {
    const boxes = [...bar.querySelectorAll('.brand, .topbar-tools > *, .session-bar > *')].map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0);
    const lowest = Math.max(...boxes.map((r) => r.top));
    return boxes.some((r) => r.bottom <= lowest) ? 2 : 1;
  });

test('the class server’s page opens on joining that class: its name, the code, a name — no library', async ({ browser }) => {
  const teacher = await person(browser, 'Mme Durand', cls.url);
  const code = await teacherJoins(teacher, cls);
  for (const [language, heading, codeLabel, nameLabel, join] of [
    ['en', 'Join “Éducation aux médias 3e B”', 'Class code', 'Your name', 'Join'],
    ['fr', 'Rejoindre «\u202fÉducation aux médias 3e B\u202f»', 'Code de la classe', 'Votre nom', 'Rejoindre'],
  ] as const) {
    for (const width of [1280, 800]) {
      const page = await stranger(browser, cls.url, language, width);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      // nothing else: no library, no address to type, no other view, no name dialog
      await expect(page.getByRole('textbox')).toHaveCount(2);
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(page.locator('.article-list, .topbar a.button-link')).toHaveCount(0);
      await shot(page, `join-landing-${language}-${width}`);
      if (width === 800) continue;
      await page.getByLabel(codeLabel).fill(code);
      await page.getByLabel(nameLabel).fill(language === 'en' ? 'Ada' : 'Aimé');
      await page.getByRole('button', { name: join, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: language === 'en' ? 'Connected' : 'Connecté' })).toBeVisible();
      await expect(page.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ })).toBeVisible();
      await expect(page.locator('.user-chip')).toContainText(language === 'en' ? 'Ada' : 'Aimé');
    }
  }
  // both are in the roster, each with their initial beside their colour
  await expect(teacher.locator('.roster li')).toHaveCount(3);
  await expect(teacher.locator('.roster li').filter({ hasText: 'Aimé' }).locator('.member-badge')).toHaveText('A');
  await expect(teacher.locator('.roster li').filter({ hasText: 'Mme Durand' }).locator('.member-badge')).toHaveText('M');
});

test('the teacher’s link opens the class panel: the code, the QR code and adding articles; the top bar fits', async ({ browser }) => {
  for (const [language, add, panel] of [
    ['en', 'Add the five sample articles', 'Students join with this code'],
    ['fr', 'Ajouter les cinq articles d’exemple', 'Les élèves rejoignent la classe avec ce code'],
  ] as const) {
    for (const width of [1280, 800]) {
      const page = await person(browser, 'Mme Durand', teacherLink(cls), language, { width, height: 800 });
      await expect(page.getByRole('heading', { name: panel })).toBeVisible({ timeout: 15_000 });
      await expect(page.locator('.join-code')).toHaveText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
      await expect(page.getByRole('img', { name: /QR/ })).toBeVisible();
      // a new class has no article: the sample articles are offered, in one click; then only adding others
      if (language === 'en' && width === 1280) {
        await expect(page.getByRole('link', { name: 'The library: 0 articles' })).toBeVisible();
        await page.getByRole('button', { name: add }).click();
      }
      await expect(page.getByRole('link', { name: language === 'en' ? 'The library: 5 articles' : /^La bibliothèque.*5 articles$/ })).toBeVisible();
      await expect(page.getByRole('button', { name: add })).toHaveCount(0);
      await expect(page.getByRole('button', { name: language === 'en' ? 'Paste text' : /Coller/ })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: language === 'en' ? 'Connected' : 'Connecté' })).toBeVisible();
      // one line at 1280 px, in French too, with a long class name and blind annotation on
      const blind = page.getByRole('checkbox', { name: language === 'en' ? /Blind annotation/ : /Annotation à l’aveugle/ });
      if (language === 'fr') await blind.check();
      await shot(page, `join-teacher-panel-${language}-${width}`);
      if (width === 1280) await expect.poll(() => topBarRows(page)).toBe(1);
      // the long class name gives way, the role after it shows whole
      expect(await page.locator('.session-role').evaluate((role) => role.scrollWidth <= role.clientWidth && role.getBoundingClientRect().right <= role.parentElement!.getBoundingClientRect().right + 0.5)).toBe(true);
      if (language === 'fr') await blind.uncheck();
      await page.goto(page.url().replace(/#.*$/, '#/'));
      await shot(page, `join-teacher-library-${language}-${width}`);
      await page.context().close();
    }
  }
});

/** In their own library (the app served elsewhere), marks the claim of article 000 (and replies to it), then joins the class by its address. */
async function marksThenJoins(browser: Browser, name: string, baseURL: string, code: string, reply?: string): Promise<Page> {
  const page = await person(browser, name, baseURL, 'en');
  await page.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).click();
  await expect(page.locator('.article-text')).toBeVisible();
  await selectWithMouse(page, CLAIM_000);
  await page.keyboard.press('1');
  await expect(items(page)).toHaveCount(1);
  if (reply) {
    await items(page).getByRole('button', { name: '0 replies' }).click();
    await items(page).getByRole('textbox', { name: 'Your reply' }).fill(reply);
    await items(page).getByRole('button', { name: 'Send' }).click();
    await expect(items(page).locator('.reply-text')).toHaveText(reply);
  }
  await page.goto(`${baseURL}/#/join`);
  await page.getByLabel('Teacher’s address').fill(cls.url);
  await page.getByLabel('Class code').fill(code);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  return page;
}

test('marks made before joining are offered: brought into the class, or left in the library — never lost', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const teacher = await person(browser, 'Mme Durand', cls.url);
  const code = await teacherJoins(teacher, cls);

  const nina = await marksThenJoins(browser, 'Nina', baseURL!, code, 'Source ? Aucun chiffre.');
  const offer = nina.getByRole('dialog', { name: 'Work from before you joined' });
  // asked once the class's articles have arrived and both libraries are read
  await expect(offer).toContainText('You made 1 mark in your own library', { timeout: 20_000 });
  await shot(nina, 'join-carry-over-en');
  await offer.getByRole('button', { name: 'Bring my 1 mark' }).click();
  await expect(nina.getByRole('status').filter({ hasText: '1 mark brought into the class.' })).toBeVisible();
  // the teacher sees it in the class, with her name
  await teacher.goto(teacher.url().replace(/#.*$/, '#/article/000'));
  await expect(items(teacher).filter({ hasText: 'par Nina' })).toHaveCount(1);
  await expect(items(teacher).filter({ hasText: 'par Nina' }).locator('.member-badge').first()).toHaveText('N');
  // with her reply to it, under her class name
  await items(teacher).filter({ hasText: 'par Nina' }).getByRole('button', { name: '1 réponse' }).click();
  await expect(items(teacher).filter({ hasText: 'par Nina' }).locator('.reply-text')).toHaveText('Source ? Aucun chiffre.');
  // asked once: not again after a reload
  await nina.reload();
  await expect(nina.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await nina.waitForTimeout(1_500);
  await expect(nina.getByRole('dialog')).toHaveCount(0);

  const omar = await marksThenJoins(browser, 'Omar', baseURL!, code);
  await omar.getByRole('dialog').getByRole('button', { name: 'Leave it here' }).click({ timeout: 20_000 });
  await expect(omar.getByRole('dialog')).toHaveCount(0);
  await omar.reload();
  await expect(omar.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await omar.waitForTimeout(1_500);
  await expect(omar.getByRole('dialog')).toHaveCount(0);
  await expect(items(teacher)).toHaveCount(1);
  // leaving the class, his mark is where he left it
  await omar.getByRole('link', { name: /Éducation aux médias 3e B/ }).click();
  await omar.getByRole('button', { name: 'Leave the class' }).click();
  await omar.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).click();
  await expect(items(omar)).toHaveCount(1);
  await expect(items(omar).first()).toContainText('by Omar');
});

test('the join card puts the address, the code and the QR code on the whole screen; a student joins with what it shows', async ({ browser }) => {
  for (const [language, show, open, type, close] of [
    ['en', 'Show the code full screen', 'Open', 'Type the code', 'Close'],
    ['fr', 'Afficher le code en grand', 'Ouvrez', 'Saisissez le code', 'Fermer'],
  ] as const) {
    const teacher = await person(browser, 'Mme Durand', teacherLink(cls), language);
    const code = (await teacher.locator('.join-code').textContent({ timeout: 15_000 }))!;
    // from the keyboard: the button, then Enter
    const button = teacher.getByRole('button', { name: show });
    await button.focus();
    await teacher.keyboard.press('Enter');
    const card = teacher.getByRole('dialog', { name: language === 'en' ? 'Join “Éducation aux médias 3e B”' : 'Rejoindre «\u202fÉducation aux médias 3e B\u202f»' });
    await expect(card).toBeVisible();
    await expect(card.locator('.join-card-code')).toHaveText(code);
    await expect(card.getByText(open)).toBeVisible();
    await expect(card.getByText(type)).toBeVisible();
    await expect(card.getByRole('img', { name: /QR/ })).toBeVisible();
    // the whole window, the code in type read from the back of the room, nothing else of the panel
    const box = (await card.locator('.join-card').boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(1279);
    expect(box.height).toBeGreaterThanOrEqual(799);
    expect(await card.locator('.join-card-code').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThan(80);
    const observer = cls.server.session!.observerCode;
    await expect(card).not.toContainText(`${observer.slice(0, 3)}-${observer.slice(3)}`);
    await shot(teacher, `join-card-${language}`);
    // a student types the address and the code the card shows
    const address = (await card.locator('.join-card-address').textContent())!;
    expect(address).not.toMatch(/^http/);
    const nina = await stranger(browser, `http://${address}/`, language);
    await nina.getByLabel(language === 'en' ? 'Class code' : 'Code de la classe').fill(code);
    await nina.getByLabel(language === 'en' ? 'Your name' : 'Votre nom').fill('Nina');
    await nina.getByRole('button', { name: language === 'en' ? 'Join' : 'Rejoindre', exact: true }).click();
    await expect(nina.getByRole('status').filter({ hasText: language === 'en' ? 'Connected' : 'Connecté' })).toBeVisible({ timeout: 15_000 });
    // its button (in English) or Escape (in French) closes it, and focus goes back to the button that opened it
    if (language === 'en') await card.getByRole('button', { name: close }).click();
    else await teacher.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(button).toBeFocused();
    await teacher.context().close();
    await nina.context().close();
  }
});
