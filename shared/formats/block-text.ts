/**
 * The text of an HTML page's content as the import path wants it: one line per innermost block
 * (paragraph, heading, list item, quote, cell…), its white space collapsed, blank lines between.
 * Used by the page's HTML reader (renderer/store/html-text.ts) and by import from a URL in Node
 * (electron/server/page-extract.ts) alike. The DOM is typed structurally, since shared/ has no DOM.
 */
export const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th';

interface BlockNode {
  readonly textContent: string | null;
  querySelector(selectors: string): unknown;
  querySelectorAll(selectors: string): ArrayLike<BlockNode>;
}

export function blockText(root: BlockNode): string {
  const blocks = Array.from(root.querySelectorAll(TEXT_BLOCKS)).filter((b) => !b.querySelector(TEXT_BLOCKS));
  const lines = (blocks.length > 0 ? blocks : [root]).map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim());
  return lines.filter(Boolean).join('\n\n');
}
