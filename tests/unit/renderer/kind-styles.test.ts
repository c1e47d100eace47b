/**
 * The kinds' highlight style: each kind keeps its own underline style and colour (colour is never
 * the only signal), and every kind's underline is placed below the descenders without skipping ink,
 * the style whose paint does not grow with glyph intercepts (see kind-styles.ts).
 */
import { describe, expect, it } from 'vitest';
import { kindStyleSheet } from '../../../renderer/editor/kind-styles';
import { highlightName, UNKNOWN_KIND } from '../../../renderer/editor/highlights';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';

const ruleOf = (sheet: string, name: string) => sheet.split('\n').find((line) => line.startsWith(`::highlight(${name})`));

describe('kindStyleSheet', () => {
  const sheet = kindStyleSheet(DEFAULT_TAGSET);

  it('gives each kind its own underline style and colour', () => {
    const styles = DEFAULT_TAGSET.kinds.map((k) => {
      const rule = ruleOf(sheet, highlightName(k.key));
      expect(rule).toContain(`text-decoration: underline ${k.underline} ${k.color}`);
      return k.underline;
    });
    expect(new Set(styles).size).toBe(DEFAULT_TAGSET.kinds.length);
  });

  it('draws every kind underline below the descenders, with no ink skipped', () => {
    for (const name of [...DEFAULT_TAGSET.kinds.map((k) => highlightName(k.key)), highlightName(UNKNOWN_KIND)]) {
      const rule = ruleOf(sheet, name);
      expect(rule).toContain('text-decoration-skip-ink: none');
      expect(rule).toMatch(/text-underline-offset: 0\.3\d*em/);
    }
  });
});
