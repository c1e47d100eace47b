/**
 * French typography for interface strings: a narrow no-break space (U+202F) before « ; : ! ? »
 * and after «, as the Imprimerie nationale's rules ask, so that a question mark never starts a
 * line and « » hug what they quote. Applied once to the French dictionary (i18n.ts), before
 * interpolation, so names and article titles put into a string are never touched.
 */
const NNBSP = '\u202F';

/** `text` with an ordinary or no-break space before ; : ! ? » and after « made narrow and no-break; one is added inside « » where none was. */
export function frenchSpacing(text: string): string {
  return text
    .replace(/«[ \u00A0\u202F]?/g, `«${NNBSP}`)
    .replace(/[ \u00A0\u202F]?»/g, `${NNBSP}»`)
    .replace(/[ \u00A0]([;:!?])/g, `${NNBSP}$1`);
}

/** Every string of a nested dictionary passed through `frenchSpacing`, in a copy of the same shape. */
export function withFrenchSpacing<T>(dictionary: T): T {
  if (typeof dictionary === 'string') return frenchSpacing(dictionary) as T;
  if (typeof dictionary !== 'object' || dictionary === null) return dictionary;
  return Object.fromEntries(Object.entries(dictionary).map(([key, value]) => [key, withFrenchSpacing(value)])) as T;
}
