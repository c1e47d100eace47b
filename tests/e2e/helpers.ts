/**
 * Shared steps of the browser tests: start as a named user, open an article, select a passage
 * with the mouse as a person would, read what the highlight layer paints, and on how many lines a
 * label is drawn.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const CLAIM_000 = 'Spotify, de son côté, se place en grand et rare succès européen, qui serait dû «\u00a0à [ses] investissements dans l’IA\u00a0».';

export async function startAs(page: Page, name: string, language: 'en' | 'fr' = 'en'): Promise<void> {
  await page.addInitScript((lang) => {
    if (!localStorage.getItem('glose.language')) localStorage.setItem('glose.language', lang);
  }, language);
  await page.goto('/');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill(name);
  await dialog.getByRole('button').first().click();
  await expect(dialog).toBeHidden();
}

export async function openArticle(page: Page, titleStart: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(`^${titleStart}`) }).click();
  await expect(page.locator('.article-text')).toBeVisible();
}

/**
 * Drags the mouse from the first to the last character of `passage` in the article text, as a
 * person would, once the article is on screen with the passage in it. The passage is measured once the page has stopped moving (fonts in, no scroll
 * still running after a mark focused its sidebar item); a drag the page moved under is made again,
 * as a person would, at most three times.
 */
export async function selectWithMouse(page: Page, passage: string): Promise<void> {
  let selected: string | undefined;
  for (let attempt = 0; attempt < 3 && selected !== passage; attempt++) selected = await (await pressOnPassage(page, passage))();
  expect(selected).toBe(passage);
}

/**
 * The first half of a drag over `passage`: the mouse is pressed on its first character (the
 * passage scrolled to the middle of the window first, unless `scroll` is false). The function
 * returned drags to where its last character was at the press, lets go, and returns the text
 * then selected (what happened on the page in between decides what that is).
 */
export async function pressOnPassage(page: Page, passage: string, scroll = true): Promise<() => Promise<string | undefined>> {
  // as a person waits for the article to be on screen before reaching for a passage
  await expect(page.locator('.article-text')).toBeVisible();
  await expect(page.locator('.article-text')).toContainText(passage);
  await page.evaluate(() => document.fonts.ready);
  const points = await passagePoints(page, passage, scroll);
  if (!points) throw new Error(`passage not found in the article: ${passage}`);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  return async () => {
    await page.mouse.move(points.x2, points.y2, { steps: 8 });
    await page.mouse.up();
    return page.evaluate(() => window.getSelection()?.toString());
  };
}

/** Where the passage's first and last characters are, once two frames in a row agree. */
async function passagePoints(page: Page, passage: string, scroll: boolean) {
  return page.evaluate(async ([needle, scroll]) => {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const measure = () => {
      const root = document.querySelector('.article-text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(needle);
        if (at < 0) continue;
        const rect = (from: number, to: number) => {
          const r = document.createRange();
          r.setStart(n!, from);
          r.setEnd(n!, to);
          return r.getClientRects()[0]!;
        };
        if (scroll) n.parentElement!.scrollIntoView({ block: 'center' });
        const first = rect(at, at + 1);
        const last = rect(at + needle.length - 1, at + needle.length);
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 0.5, y2: last.top + last.height / 2 };
      }
      return null;
    };
    let before = measure();
    for (let i = 0; i < 30; i++) {
      await frame();
      const now = measure();
      if (JSON.stringify(now) === JSON.stringify(before)) return now;
      before = now;
    }
    return before;
  }, [passage, scroll] as const);
}

/** The passages painted by each kind's highlight, as text. */
export async function paintedPassages(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('glose-kind-')) continue;
      out[name.slice('glose-kind-'.length)] = [...highlight].map((r) => (r as Range).toString()).sort();
    }
    return out;
  });
}

/**
 * On how many lines `part` of `element`'s text is drawn (1: it is not broken across lines; 0: not
 * found). Spaces of any kind in the text match the spaces of `part`.
 */
export async function linesTaken(element: Locator, part: string): Promise<number> {
  return element.evaluate((root, part) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.replace(/\s/g, ' ').indexOf(part);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + part.length);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }
    return 0;
  }, part);
}

/**
 * Extends the keyboard selection by `words` words (Ctrl+Shift+→), as a person would, and returns
 * the selected text. Selecting by words never depends on where lines wrap (fonts, window size).
 */
export async function selectWords(page: Page, words: number): Promise<string> {
  for (let i = 0; i < words; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

/** Moves the caret to the start of the next paragraph: collapse the selection to its end, then one character on. */
export async function caretToNextParagraph(page: Page): Promise<void> {
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
}

/** What the ClaimReview export holds for M. Petit's "misleading" verdict on the Spotify-AI claim of seed 000 (`more`: further properties). */
export function misleadingReview(why: string, more: Record<string, unknown>): unknown {
  return expect.objectContaining({
    '@type': 'ClaimReview',
    claimReviewed: CLAIM_000,
    reviewBody: why,
    author: { '@type': 'Person', name: 'M. Petit' },
    reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'misleading' },
    ...more,
  });
}
