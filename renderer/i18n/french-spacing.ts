/**
 * French typography for interface strings, so that a question mark or a colon never starts a line
 * and « » hug what they quote: a no-break space before the colon, as wide as a word space (the
 * Imprimerie nationale's « espace mot insécable »: a narrow one all but vanishes before the colon
 * in the interface font), and a narrow no-break space (U+202F, « espace fine ») before ; ! ? » and
 * after «. Applied once to the French dictionary (i18n.ts), before interpolation, so names and
 * article titles put into a string are never touched.
 */
const NNBSP = '\u202F';
const NBSP = '\u00A0';

/** `text` with the space before ; : ! ? » and after « made no-break (word-wide before :, narrow elsewhere); one is added inside « » where none was. */
export function frenchSpacing(text: string): string {
  return text
    .replace(/«[ \u00A0\u202F]?/g, `«${NNBSP}`)
    .replace(/[ \u00A0\u202F]?»/g, `${NNBSP}»`)
    .replace(/[ \u00A0\u202F]:/g, `${NBSP}:`)
    .replace(/[ \u00A0]([;!?])/g, `${NNBSP}$1`);
}

/** Every string of a nested dictionary passed through `frenchSpacing`, in a copy of the same shape. */
export function withFrenchSpacing<T>(dictionary: T): T {
  if (typeof dictionary === 'string') return frenchSpacing(dictionary) as T;
  if (typeof dictionary !== 'object' || dictionary === null) return dictionary;
  return Object.fromEntries(Object.entries(dictionary).map(([key, value]) => [key, withFrenchSpacing(value)])) as T;
}
