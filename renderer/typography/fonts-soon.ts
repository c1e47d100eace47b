/**
 * `loadArticleFontsSoon()`: the fonts an article is shown in, loaded as the app starts (while its
 * corpus is read and the library shown), not when an article is opened.
 * A web font is fetched only when text first needs it, so the article's reading font (and the
 * code font and symbol subsets of its toolbar and sidebar) were fetched during an article's
 * opening: its text was laid out and painted in a fallback font, then laid out again when the
 * fonts came (the whole page, ≈ 8–11 ms inside the 500-annotation opening, and a visible jump
 * of the text). The families are read from the page's own custom properties, so the dyslexia
 * font is the one loaded when it is chosen. A font that fails to load keeps its fallback.
 */
const FAMILIES = ['--font-reading', '--font-code'];
/** French and English text, and the signs the article view uses (🡐 ✕ ▲ ● ◆ ✓ −) */
const SAMPLE = 'Aa é’«»\u202f🡐✕▲●◆✓−';

export function loadArticleFontsSoon(): void {
  const style = getComputedStyle(document.documentElement);
  for (const name of FAMILIES) {
    const family = style.getPropertyValue(name).trim();
    if (!family) continue;
    for (const face of ['', 'italic ']) document.fonts.load(`${face}1em ${family}`, SAMPLE).catch(() => undefined);
  }
}
