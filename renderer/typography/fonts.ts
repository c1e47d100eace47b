/**
 * The app's own fonts, bundled from npm (Fontsource) so the app looks the same on every machine
 * and never depends on the fonts a system happens to have:
 * - Literata, a serif designed for long reading on screens, for article text and quotes;
 * - Atkinson Hyperlegible Next, designed by the Braille Institute for low-vision readers, for
 *   the interface (with its Mono cut for class codes: 0/O and 1/l/I stay distinct);
 * - OpenDyslexic, the dyslexia-friendly face a reader can choose (display-settings.ts);
 * - Noto Sans Symbols 2 after each of them, for the arrows and shapes the interface uses as
 *   signs (← ▲ ● ◆ ⬢ ✓), which text faces do not have.
 * Vite copies the woff2 files next to the app, so the CSP's `font-src 'self'` holds.
 * styles.css names the families once, as custom properties (`--font-reading`, `--font-ui`,
 * `--font-code`), which the dyslexia setting overrides.
 */
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import '@fontsource-variable/atkinson-hyperlegible-next/wght.css';
import '@fontsource-variable/atkinson-hyperlegible-next/wght-italic.css';
import '@fontsource-variable/atkinson-hyperlegible-mono/wght.css';
import '@fontsource/opendyslexic/400.css';
import '@fontsource/opendyslexic/400-italic.css';
import '@fontsource/opendyslexic/700.css';
import '@fontsource/noto-sans-symbols-2/symbols-400.css';
import '@fontsource/noto-sans-symbols-2/math-400.css';
import '@fontsource/noto-sans-symbols-2/latin-400.css';

