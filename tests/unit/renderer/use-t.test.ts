import i18next from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../renderer/i18n/i18n';
import { useT } from '../../../renderer/i18n/use-t';

function Probe() {
  const { t, language } = useT();
  return createElement('p', null, `${language}: ${t('sidebar.delete')} · ${t('sidebar.count', { count: 1234 })}`);
}

const shown = (instance: typeof i18next) => renderToString(createElement(I18nextProvider, { i18n: instance }, createElement(Probe)));

describe('useT, the translation of the article view and its sidebar', () => {
  it('speaks the language of the instance react-i18next provides, with the same strings as its t', async () => {
    const fr = i18next.createInstance();
    await initI18n(fr, 'fr');
    const en = i18next.createInstance();
    await initI18n(en, 'en');
    expect(shown(fr)).toBe(`<p>fr: ${fr.t('sidebar.delete')} · ${fr.t('sidebar.count', { count: 1234 })}</p>`);
    expect(shown(fr)).toContain('Supprimer');
    expect(shown(fr)).toContain('1\u202f234'); // numbers written the French way
    expect(shown(en)).toBe(`<p>en: ${en.t('sidebar.delete')} · ${en.t('sidebar.count', { count: 1234 })}</p>`);
    expect(shown(en)).toContain('1,234');
    // the instance's language changes: what is drawn next follows it
    await fr.changeLanguage('en');
    expect(shown(fr)).toBe(shown(en));
  });
});
