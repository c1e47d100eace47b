import { describe, expect, it } from 'vitest';
import { fr } from '../../../renderer/i18n/fr';
import { en } from '../../../renderer/i18n/en';
import i18next from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import { initI18n } from '../../../renderer/i18n/i18n';
import { frenchSpacing, withFrenchSpacing } from '../../../renderer/i18n/french-spacing';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

/** Every string of a nested dictionary with its key path. */
function strings(dictionary: unknown, path = ''): [string, string][] {
  if (typeof dictionary === 'string') return [[path, dictionary]];
  return Object.entries(dictionary as Record<string, unknown>).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

describe('French spacing', () => {
  it('puts a narrow no-break space before ; ! ? and inside « », a word-wide one before :', () => {
    expect(frenchSpacing('Qui annote ?')).toBe(`Qui annote${NNBSP}?`);
    expect(frenchSpacing('Attention : ceci ; cela !')).toBe(`Attention${NBSP}: ceci${NNBSP}; cela${NNBSP}!`);
    // the narrow space all but vanished before the colon in the interface font (« Types à utiliser: »)
    expect(frenchSpacing('Types à utiliser : {{kinds}}')).toBe(`Types à utiliser${NBSP}: {{kinds}}`);
    expect(frenchSpacing(`Bilan${NNBSP}: 3e B`)).toBe(`Bilan${NBSP}: 3e B`);
    expect(frenchSpacing('Article « {{title}} » ajouté.')).toBe(`Article «${NNBSP}{{title}}${NNBSP}» ajouté.`);
    expect(frenchSpacing('«\u00a0déjà\u00a0»')).toBe(`«${NNBSP}déjà${NNBSP}»`);
    expect(frenchSpacing('«serré»')).toBe(`«${NNBSP}serré${NNBSP}»`);
  });

  it('leaves what is not French punctuation alone: times, addresses, shortcuts, English', () => {
    for (const s of ['10:30', 'http://192.168.1.10:8787/', 'Ctrl+Z', '{{count}}', 'Who is annotating?', '?a=1']) expect(frenchSpacing(s)).toBe(s);
  });

  it('is idempotent', () => {
    const once = frenchSpacing('Qui ? « Moi » : oui !');
    expect(frenchSpacing(once)).toBe(once);
  });

  it('every French interface string follows the rule once processed', () => {
    const faults: string[] = [];
    for (const [key, text] of strings(withFrenchSpacing(fr))) {
      // a mark used as punctuation (followed by a space, a closing mark or the end) must have its no-break space before it
      for (const m of text.matchAll(/(.)([;:!?»])(?=[\s)»]|$)/gu)) {
        const space = m[2] === ':' ? NBSP : NNBSP;
        if (m[1] !== space && !/[?!]/.test(m[1]!)) faults.push(`${key}: …${text.slice(Math.max(0, m.index! - 12), m.index! + 3)}`);
      }
      for (const m of text.matchAll(/«(.)/gu)) if (m[1] !== NNBSP) faults.push(`${key}: «${m[1]}`);
    }
    expect(faults).toEqual([]);
  });

  it('keeps the dictionary shape and leaves English untouched', () => {
    expect(strings(withFrenchSpacing(fr)).map(([k]) => k)).toEqual(strings(fr).map(([k]) => k));
    expect(withFrenchSpacing(en).user.title).toBe(en.user.title.replace(/ \?$/, `${NNBSP}?`));
  });
});

describe('numbers in translated strings', () => {
  it('are written by Intl in the interface language, and French strings are spaced', async () => {
    const fr = await initI18n(i18next.createInstance(), 'fr');
    expect(fr('library.count', { count: 1234 })).toBe(`1${NNBSP}234 articles`);
    expect(fr('user.title')).toBe(`Qui annote${NNBSP}?`);
    const en = await initI18n(i18next.createInstance(), 'en');
    expect(en('library.count', { count: 1234 })).toBe('1,234 articles');
    // text put into a string is never respaced: only the dictionary is
    expect(fr('library.added', { title: 'Pourquoi ? Parce que !' })).toBe(`Article «${NNBSP}Pourquoi ? Parce que !${NNBSP}» ajouté.`);
  });
});

describe('quoted passages', () => {
  it('are written with the language’s own quote marks: “…” in English, « … » spaced in French', async () => {
    const fr = await initI18n(i18next.createInstance(), 'fr');
    expect(fr('quotes.passage', { quote: 'Spotify, de son côté' })).toBe(`«${NNBSP}Spotify, de son côté${NNBSP}»`);
    const en = await initI18n(i18next.createInstance(), 'en');
    expect(en('quotes.passage', { quote: 'Spotify, on its side' })).toBe('“Spotify, on its side”');
  });

  it('no component puts quote marks of its own around a value (they go through i18n)', () => {
    const dir = new URL('../../../renderer/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
    const found = files.flatMap((f) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(/[“”«»"'] ?\{[^}]*\} ?[“”«»"']/g)].filter((m) => /[“”«»]/.test(m[0])).map((m) => `${f}: ${m[0]}`));
    expect(found).toEqual([]);
  });
});
