/**
 * The common shape every annotation reader (W3C and its Hypothesis and Recogito dialects,
 * Hypothesis API rows, brat standoff, WebAnno TSV) gives before anything is checked against the
 * corpus: an item per annotation with what its file said (source, quote, kind labels, note,
 * creator, dates), links between items by their identifiers, and the items that could not be
 * read, each with where it is and why. Nothing is refused whole for one bad item.
 */

export type Json = Record<string, unknown>;
export const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

export interface ForeignItem {
  /** Where it is, for messages: `file.json item 3 (id)`, `doc.ann:4`. */
  where: string;
  /** Its identifier in its file (an IRI, or `file#T1`); the record id is derived from it. */
  iri: string;
  /** What its target names: an IRI, a file name, or nothing. */
  source?: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** Code point offsets, when the file gives them in the same text. */
  start?: number;
  end?: number;
  /** Kind labels in order of preference (classifying bodies, tags, brat types). */
  kinds: string[];
  note: string;
  creator: unknown;
  created?: string;
  modified?: string;
  /** A Glose layer named by the file (`glose:layer`). */
  layer?: string;
  status?: string;
}

export interface ForeignLink {
  where: string;
  from: string;
  to: string;
  rel: string;
}

export interface BadItem {
  where: string;
  reason: string;
}

export interface ForeignBatch {
  items: ForeignItem[];
  links: ForeignLink[];
  bad: BadItem[];
}

export function emptyBatch(): ForeignBatch {
  return { items: [], links: [], bad: [] };
}

export function mergeBatches(into: ForeignBatch, more: ForeignBatch): ForeignBatch {
  into.items.push(...more.items);
  into.links.push(...more.links);
  into.bad.push(...more.bad);
  return into;
}

/** The quote and its context at code points [start, end) of a text given as its code points (as selectors.ts makes them). */
export function quoteAt(cps: readonly string[], start: number, end: number): Pick<ForeignItem, 'exact' | 'prefix' | 'suffix' | 'start' | 'end'> {
  return { exact: cps.slice(start, end).join(''), prefix: cps.slice(Math.max(0, start - 32), start).join(''), suffix: cps.slice(end, end + 32).join(''), start, end };
}
