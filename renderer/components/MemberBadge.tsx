/**
 * A member's colour with their initial inside, wherever members are shown (roster, marks, replies,
 * the user chip, classmates' selections in the text): colour is never the only sign of who it is.
 * The initial is black or white, whichever contrasts more with the colour.
 */

/** Relative luminance of `#rrggbb` (WCAG 2). */
export function luminance(color: string): number {
  const channel = (i: number) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The text colour that contrasts most with `color`: black when (L + 0.05) / 0.05 beats 1.05 / (L + 0.05). */
export function inkOn(color: string): string {
  const l = luminance(color);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
}

// one segmenter for every badge: making one costs more than segmenting (a sidebar shows hundreds of badges)
let graphemes: Intl.Segmenter | null = null;

/** The first letter of a name (a whole character, accents and emoji included), upper-cased. */
export function initialOf(name: string): string {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const [first] = graphemes.segment(name.trim());
  return (first?.segment ?? '?').toLocaleUpperCase();
}

export function MemberBadge({ name, color, size = 'small' }: { name: string; color: string; size?: 'small' | 'large' }) {
  return (
    <span className={`member-badge ${size}`} style={{ backgroundColor: color, color: inkOn(color) }} aria-hidden="true">
      {initialOf(name)}
    </span>
  );
}
