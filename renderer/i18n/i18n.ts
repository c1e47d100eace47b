/**
 * i18next set up with the English and French strings. The language comes from the user's
 * last choice, else the system language, else English; switching it is remembered. French
 * strings get French spacing (french-spacing.ts); numbers and dates put into any string are
 * written by `Intl` in the interface language (1 234,5 in French, 1,234.5 in English).
 */
import i18next, { type FormatterModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';
import { withFrenchSpacing } from './french-spacing';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'glose.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export async function setupI18n(): Promise<void> {
  await initI18n(i18next.use(initReactI18next), initialLanguage());
  document.documentElement.lang = i18next.language;
}

/** Initialises an i18next instance with Glose's strings, French spacing and `Intl` formatting. */
export function initI18n(instance: i18n, language: Language) {
  return instance.use(intlFormatter).init({
    resources: { en: { translation: en }, fr: { translation: withFrenchSpacing(fr) } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });
}

// one formatter of each kind per language: making one costs far more than formatting (the
// sidebar puts a count into every item's strings, 500 items and more)
const numberFormats = new Map<string | undefined, Intl.NumberFormat>();
const dateFormats = new Map<string | undefined, Intl.DateTimeFormat>();

/** How a value put into a translated string is written: numbers and dates through `Intl`, the rest as it is. */
function formatValue(value: unknown, _format: string | undefined, lng: string | undefined): string {
  if (typeof value === 'number') {
    let format = numberFormats.get(lng);
    if (!format) numberFormats.set(lng, (format = new Intl.NumberFormat(lng)));
    return format.format(value);
  }
  if (value instanceof Date) {
    let format = dateFormats.get(lng);
    if (!format) dateFormats.set(lng, (format = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' })));
    return format.format(value);
  }
  return value as string;
}

/** i18next's formatter, replaced by `formatValue` for every value (the strings use no named formats such as `{{n, number}}`). */
const intlFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: formatValue,
};

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
