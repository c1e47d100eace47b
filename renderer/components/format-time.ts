/**
 * A date and time as the interface language writes it (medium date, short time), with one
 * cached formatter per language: the sidebar formats a time per annotation.
 */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatTime(iso: string, lang: string): string {
  let format = timeFormats.get(lang);
  if (!format) timeFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(new Date(iso));
}
