import { expect, test } from './fixtures';
import * as Y from 'yjs';
import { addReply, setVote } from '../../shared/model/discussion';
import { updateAnnotation } from '../../shared/model/layer';
import { CLAIM_000, openArticle, paintedPassages, selectWithMouse, startAs } from './helpers';
import { layerOn000, rosterUpdate, storeUpdates } from './research-helpers';

const COMMENT_000 = 'Spotify, de son côté, se place en grand et rare succès européen, qui serait dû « à ses investissements dans l’IA ».';

test('mark the Spotify-AI claim in seed 000, accept the suggested second occurrence (undo, accept again), dismiss the other; both places in the registry', async ({ page }, info) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const width = info.project.name;

  await startAs(page, 'Alice Martin');
  await openArticle(page, 'Meta et Spotify qui dénoncent');
  await selectWithMouse(page, CLAIM_000);
  await page.keyboard.press('1');
  const sidebar = page.getByRole('complementary');
  const items = sidebar.locator('li.annotation');
  await expect(items).toHaveCount(1);

  // "Same claim?" offers the reader comment that repeats it first, then seed 001's wording of it
  const offers = sidebar.getByRole('region', { name: 'Same claim?' });
  await expect(offers).toBeVisible();
  const offered = offers.getByRole('listitem');
  await expect(offered).toHaveCount(2);
  await expect(offered.nth(0)).toContainText('In this article');
  await expect(offered.nth(0).locator('q')).toHaveText(COMMENT_000);
  await expect(offered.nth(1)).toContainText('In “Meta et Spotify s’unissent contre la réglementation européenne de l’IA”');
  await offers.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `tests/e2e/screenshots/same-claim-en-${width}.png` });

  // accept: a claim mark on the comment, linked as the same claim, in one step
  await offered.nth(0).getByRole('button', { name: 'Same claim' }).click();
  await expect(items).toHaveCount(2);
  await expect.poll(async () => (await paintedPassages(page)).claim?.length).toBe(2);
  await expect(sidebar.getByRole('status').filter({ hasText: 'Marked as the same claim.' })).toBeVisible();
  // undone by the Undo next to it, and accepted again
  await sidebar.getByRole('button', { name: 'Undo' }).click();
  await expect(items).toHaveCount(1);
  await expect(offered).toHaveCount(2);
  await offered.nth(0).getByRole('button', { name: 'Same claim' }).click();
  await expect(items).toHaveCount(2);
  // the claim's other wording in seed 001 is dismissed: nothing left to offer
  await expect(offered).toHaveCount(1);
  await offered.nth(0).getByRole('button', { name: 'Not the same' }).click();
  await expect(offers).toBeHidden();
  // a second claim, with no twin in the corpus: nothing is offered
  await selectWithMouse(page, 'la tactique est tout à fait habituelle chez ces acteurs');
  await page.keyboard.press('1');
  await expect(items).toHaveCount(3);
  await expect(offers).toBeHidden();

  // the registry, from the article: one claim, two places
  await page.getByRole('link', { name: 'Claim registry' }).click();
  const registry = page.getByRole('main');
  await expect(registry.getByRole('heading', { level: 1 })).toContainText('2 claims');
  await expect(registry.locator('.claim-entry')).toHaveCount(2);
  const claim = registry.locator('.claim-entry').first();
  await expect(registry.locator('.claim-entry').nth(1)).toContainText('said by Bloomberg');
  const places = claim.locator('.claim-places > li');
  await expect(places).toHaveCount(2);
  await expect(places.nth(0)).toContainText('paragraph 9');
  await expect(places.nth(0)).toContainText('article body');
  await expect(places.nth(0)).toContainText('said by Spotify');
  await expect(places.nth(1)).toContainText('paragraph 26');
  await expect(places.nth(1)).toContainText('reader comments');
  await expect(claim).toContainText('Votes: 0 agree, 0 disagree');
  await page.screenshot({ path: `tests/e2e/screenshots/claim-registry-en-${width}.png`, fullPage: true });

  // keyboard: ↓ and ↑ move between claims, Tab to the second place, Enter opens the article at the comment
  const second = places.nth(1).getByRole('link');
  await places.nth(0).getByRole('link').focus();
  await page.keyboard.press('ArrowDown');
  await expect(registry.locator('.claim-entry h2').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(registry.locator('.claim-entry h2').nth(0)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(places.nth(0).getByRole('link')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.article-text')).toBeVisible();
  await expect(page.getByRole('complementary').locator('li.annotation[aria-current="true"]')).toContainText('ses investissements');

  // in French
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.goto('/#/claims');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toContainText('2 affirmations');
  await expect(page.locator('.claim-places > li').nth(1)).toContainText('commentaires des lecteurs');
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: `tests/e2e/screenshots/claim-registry-fr-${width}.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('in French, a claim of seed 001 is offered its other wording in seed 000 (another article of the same language)', async ({ page }, info) => {
  await startAs(page, 'Léa', 'fr');
  await openArticle(page, 'Meta et Spotify s’unissent');
  await selectWithMouse(page, 'De son côté, Spotify souligne que son investissement précoce dans l’IA a été la clé de son succès.');
  await page.keyboard.press('1');
  const offers = page.getByRole('complementary').getByRole('region', { name: /Même affirmation/ });
  await expect(offers).toBeVisible();
  await expect(offers.getByRole('listitem').first()).toContainText('Meta et Spotify qui dénoncent');
  await offers.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `tests/e2e/screenshots/same-claim-fr-${info.project.name}.png` });
  // accepted in the other article: the registry shows one claim in two articles
  await offers.getByRole('listitem').first().getByRole('button', { name: /^Même affirmation/ }).click();
  await expect(offers.getByRole('status')).toContainText('Marqué comme la même affirmation.');
  await page.goto('/#/claims');
  const places = page.locator('.claim-places > li');
  await expect(places).toHaveCount(2);
  await expect(page.locator('.claim-entry')).toHaveCount(1);
  await expect(places.nth(0)).toContainText('propos de Spotify');
});

test('the registry shows the evidence and rebuttal linked to a claim, its votes and replies, and opens the evidence in its article', async ({ page }) => {
  await startAs(page, 'Ana');
  const evidence = 'Spotify s’est toujours démarqué grâce à ses algorithmes de recommandation de musique très performants.';
  const rebuttal = 'Étrange manière de présenter les activités d’une plateforme qui a surtout brillé pour son offre de streaming légale et simple d’accès.';
  const bob = new Y.Doc();
  Y.applyUpdate(bob, layerOn000('bob', 'Bob', [['evidence', evidence], ['rebuttal', rebuttal]]));
  updateAnnotation(bob, 'bob0', { links: [{ to: 'alice0', rel: 'supports' }] }, new Date());
  updateAnnotation(bob, 'bob1', { links: [{ to: 'alice0', rel: 'rebuts' }] }, new Date());
  const author = { id: 'bob', name: 'Bob', color: '#E69F00' };
  setVote(bob, { about: 'alice0', value: 'disagree', author, at: '2026-01-05T10:00:00.000Z' });
  addReply(bob, { id: 'reply1', about: 'alice0', text: 'Source ?', author, created: '2026-01-05T10:01:00.000Z' });
  await storeUpdates(page, {
    'corpus/sample': rosterUpdate({ alice: 'Alice', bob: 'Bob' }),
    'corpus/sample/layer/000/alice': layerOn000('alice', 'Alice', [['claim', CLAIM_000]]),
    'corpus/sample/layer/000/bob': Y.encodeStateAsUpdate(bob),
  });
  await page.reload();
  await page.goto('/#/claims');
  const claim = page.locator('.claim-entry');
  await expect(claim).toHaveCount(1);
  await expect(claim.getByRole('heading', { name: 'Evidence (1)' })).toBeVisible();
  await expect(claim.getByRole('heading', { name: 'Rebuttal (1)' })).toBeVisible();
  await expect(claim).toContainText('Votes: 0 agree, 1 disagree');
  await expect(claim).toContainText('1 reply');
  await page.screenshot({ path: `tests/e2e/screenshots/claim-registry-linked-en-${test.info().project.name}.png`, fullPage: true });
  await claim.getByRole('link', { name: evidence }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.article-text')).toBeVisible();
  await expect(page.getByRole('complementary').locator('li.annotation[aria-current="true"]')).toContainText('algorithmes de recommandation');
});
