/**
 * The style sheet of the annotation kinds: for each kind of the tagset, a translucent
 * background in its colour and an underline in its own style (solid, wavy, double, dotted,
 * dashed), so kinds differ by more than colour. Used for the highlights and the sidebar swatches.
 * The underlines sit below the reading font's descenders and do not skip ink: Chromium otherwise
 * computes the glyphs' intercepts for every underlined piece of every overlapping highlight, which
 * was most of the paint of an article holding 500 marks (≈ 10 of 12 ms, openperf6); below
 * Literata's descenders there is nothing to skip, so the lines look as they did, unbroken (a
 * deeper descender, as in the dyslexia font, is crossed rather than skipped).
 */
import type { Tagset } from '../../shared/model/tagset';
import { FLASH, FOCUS, LINKED, UNKNOWN_KIND, highlightName } from './highlights';

function rgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Below Literata's descenders (0.22 em) at any text size, with no ink skipped. */
const BELOW_DESCENDERS = 'text-underline-offset: 0.32em; text-decoration-skip-ink: none;';

export function kindStyleSheet(tagset: Tagset): string {
  const rules = tagset.kinds.map((k) => {
    const decoration = `text-decoration: underline ${k.underline} ${k.color}; text-decoration-thickness: 2px; ${BELOW_DESCENDERS}`;
    return [
      `::highlight(${highlightName(k.key)}) { background-color: ${rgba(k.color, 0.18)}; ${decoration} }`,
      `.kind-swatch[data-kind="${k.key}"] { background-color: ${rgba(k.color, 0.18)}; border-top: 0; border-bottom: 3px ${k.underline === 'wavy' ? 'dashed' : k.underline} ${k.color}; }`,
    ].join('\n');
  });
  // kinds the tagset does not define: grey, and lines above and below, a style no kind uses
  rules.unshift('.kind-swatch { background-color: rgba(110, 110, 110, 0.2); border-top: 2px dotted #555; border-bottom: 2px dotted #555; }');
  rules.push(`::highlight(${highlightName(UNKNOWN_KIND)}) { background-color: rgba(110, 110, 110, 0.2); text-decoration: underline overline dotted #555; ${BELOW_DESCENDERS} }`);
  rules.push(`::highlight(${LINKED}) { background-color: rgba(86, 180, 233, 0.35); text-decoration: underline solid #000; text-decoration-thickness: 3px; }`);
  rules.push(`::highlight(${FOCUS}) { background-color: rgba(255, 213, 0, 0.55); }`);
  rules.push(`::highlight(${FLASH}) { background-color: rgba(255, 170, 0, 0.85); color: #000; }`);
  return rules.join('\n');
}
