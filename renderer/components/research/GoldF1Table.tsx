/**
 * Each annotator against the gold layer, as `glose agreement` reports it (shared/agreement/
 * gold-f1.ts): precision, recall and F1, exact (same kind and boundaries) and by overlap (same
 * kind, sharing text, one-to-one). Shown only when a chosen article has a gold layer.
 */
import { useTranslation } from 'react-i18next';
import type { GoldF1 } from '../../../shared/agreement/gold-f1';

export function GoldF1Table({ gold, name }: { gold: GoldF1[]; name: (owner: string) => string }) {
  const { t, i18n } = useTranslation();
  if (gold.length === 0) return null;
  const number = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const fmt = (v: number | null) => (v === null ? t('research.agreement.na') : number.format(v));
  return (
    <table className="data-table" aria-label={t('agreementGold.title')}>
      <caption>{t('agreementGold.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('agreementGold.annotator')}</th>
          <th scope="col">{t('agreementGold.match')}</th>
          <th scope="col">{t('agreementGold.precision')}</th>
          <th scope="col">{t('agreementGold.recall')}</th>
          <th scope="col">F1</th>
        </tr>
      </thead>
      <tbody>
        {gold.map((g) => (
          <tr key={`${g.annotator}-${g.mode}`}>
            <th scope="row">{name(g.annotator)}</th>
            <td>{t(`agreementGold.${g.mode}`)}</td>
            <td>{fmt(g.precision)}</td>
            <td>{fmt(g.recall)}</td>
            <td>{fmt(g.f1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
