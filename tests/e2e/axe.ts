/**
 * The accessibility check every view goes through: axe-core (Deque's rules for WCAG 2.2 A/AA and
 * its best practices) run on the page as it is, in real Chromium. A serious or critical violation
 * fails the test and names the rule, what it asks for and the elements that break it; lesser ones
 * are printed by rule, and the full axe report is attached to the test.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const FAILING = new Set(['serious', 'critical']);

const describe = (v: Result) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`.trim()).join(' | ')}`;

/** Runs axe on the whole page and fails on any serious or critical violation, listed by rule. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  // the page as a person sees it, in its own fonts (contrast and sizes depend on them)
  await page.evaluate(() => document.fonts.ready);
  // passes, incomplete and inapplicable results are not read: axe then skips building a selector
  // for each of their nodes, a third of its time on an article (its resultTypes option)
  const results = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
  await test.info().attach(`axe-${view}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const failing = results.violations.filter((v) => FAILING.has(v.impact ?? ''));
  const lesser = results.violations.filter((v) => !FAILING.has(v.impact ?? ''));
  if (lesser.length) console.log(`axe on ${view}, not failing: ${lesser.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
  expect(failing.map(describe), `axe on ${view}`).toEqual([]);
}
