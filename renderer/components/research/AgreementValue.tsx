/**
 * One agreement figure as people read it: the number (two decimals, in the user's language)
 * and its band in words after Landis and Koch (1977), with the band's tint as a second cue
 * (colour is never the only one). `null` (undefined measure) reads "n/a".
 */
import { useTranslation } from 'react-i18next';

const BANDS = [
  { band: 'perfect', min: 0.805 },
  { band: 'substantial', min: 0.605 },
  { band: 'moderate', min: 0.405 },
  { band: 'fair', min: 0.205 },
  { band: 'slight', min: 0 },
  { band: 'poor', min: -Infinity },
] as const;

export function bandOf(value: number): (typeof BANDS)[number]['band'] {
  return BANDS.find((b) => value >= b.min)!.band;
}

export function AgreementValue({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation();
  if (value === null) return <span className="agreement-na">{t('research.agreement.na')}</span>;
  const band = bandOf(value);
  return (
    <span className={`agreement-value band-${band}`}>
      <strong>{new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}</strong>{' '}
      <small>{t(`research.agreement.scale.${band}`)}</small>
    </span>
  );
}
