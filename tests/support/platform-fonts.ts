/**
 * Which font files Chromium really drew a page's text with: the DevTools protocol's
 * `CSS.getPlatformFontsForNode`, asked for every element that holds text. Unlike computed
 * styles (which name the fonts a page *asks* for), this sees a fallback to a system font,
 * for example when a bundled font lacks « or the narrow no-break space.
 */
import type { Page } from '@playwright/test';

export interface UsedFont {
  family: string;
  glyphs: number;
  /** true for a web font the page loaded, false for a font of the machine */
  custom: boolean;
}

/** The fonts used for the text inside `selector` (default: the whole page), by family, most glyphs first. */
export async function platformFonts(page: Page, selector = 'body'): Promise<UsedFont[]> {
  await page.evaluate(() => document.fonts.ready);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `${selector}, ${selector} *` });
    const byFamily = new Map<string, UsedFont>();
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const f of fonts) {
        const known = byFamily.get(f.familyName) ?? { family: f.familyName, glyphs: 0, custom: f.isCustomFont };
        known.glyphs += f.glyphCount;
        byFamily.set(f.familyName, known);
      }
    }
    return [...byFamily.values()].sort((a, b) => b.glyphs - a.glyphs);
  } finally {
    await cdp.detach();
  }
}
