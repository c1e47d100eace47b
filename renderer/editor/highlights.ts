/**
 * The highlights painted over the article with the CSS Custom Highlight API: one Highlight per
 * kind (colour and underline style come from the tagset, see kind-styles.ts; kept up to date by
 * highlight-painter.ts), plus the focused annotation, its linked ones and a short flash. The article's DOM and text are never touched, and overlapping
 * annotations simply stack.
 */
const PREFIX = 'glose-';
export const FOCUS = `${PREFIX}focus`;
export const FLASH = `${PREFIX}flash`;
/** the annotations linked to the focused or hovered one */
export const LINKED = `${PREFIX}linked`;

/** Painting key of the kinds the tagset does not (or no longer) define; no tagset key starts with '-'. */
export const UNKNOWN_KIND = '-unknown';

/** Start of the names of the per-kind highlights. */
export const KIND_PREFIX = `${PREFIX}kind-`;

export function highlightName(kind: string): string {
  return `${KIND_PREFIX}${kind}`;
}

export function paintSingle(name: string, range: Range | undefined): void {
  if (range) CSS.highlights.set(name, new Highlight(range));
  else CSS.highlights.delete(name);
}

export function paintMany(name: string, ranges: (Range | undefined)[]): void {
  const present = ranges.filter((r): r is Range => r !== undefined);
  if (present.length) CSS.highlights.set(name, new Highlight(...present));
  else CSS.highlights.delete(name);
}

export function clearAll(): void {
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith(PREFIX)) CSS.highlights.delete(name);
}
