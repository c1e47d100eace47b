/**
 * The display settings in the top bar: a disclosure ("Aa") holding the dyslexia-friendly font
 * switch and the article text size, both kept across reloads (store/display-settings.ts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadDisplay, saveDisplay, TEXT_SCALES, type DisplaySettings as Settings } from '../store/display-settings';

export function DisplaySettings() {
  const { t, i18n } = useTranslation();
  const [settings, setSettings] = useState<Settings>(loadDisplay);
  const change = (next: Settings) => {
    saveDisplay(next);
    setSettings(next);
  };
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  return (
    <details className="display-settings">
      <summary aria-label={t('display.open')} title={t('display.open')}>
        <span aria-hidden="true">Aa</span>
      </summary>
      <div className="display-panel">
        <label className="check">
          <input type="checkbox" checked={settings.dyslexicFont} onChange={(e) => change({ ...settings, dyslexicFont: e.target.checked })} />
          {t('display.dyslexic')}
        </label>
        <fieldset>
          <legend>{t('display.textSize')}</legend>
          {TEXT_SCALES.map((scale) => (
            <label key={scale} className="check">
              <input type="radio" name="text-scale" checked={settings.textScale === scale} onChange={() => change({ ...settings, textScale: scale })} />
              {percent.format(scale)}
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}
