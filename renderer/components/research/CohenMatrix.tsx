/**
 * The pairwise Cohen's kappa matrix over all kinds at once (multi-category, the default) or for
 * one kind (chosen in a select): a table with the
 * annotators as column and row headers, so a screen reader announces both for each cell; the
 * diagonal is empty. Each value shows its number and band (AgreementValue).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorpusAgreement } from '../../../shared/agreement/corpus-agreement';
import { AgreementValue } from './AgreementValue';

/** The select's value for the multi-category matrix (no kind key starts with a space). */
const ALL = ' all';

export function CohenMatrix({ result, kindName, name }: { result: CorpusAgreement; kindName: (key: string) => string; name: (owner: string) => string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(ALL);
  const cohen = kind === ALL ? result.categories.cohen : result.kinds.find((k) => k.kind === kind)!.cohen;
  const label = kind === ALL ? t('agreementGold.allKinds') : kindName(kind);
  const kappa = (a: string, b: string) => cohen.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.kappa ?? null;
  return (
    <div className="cohen-matrix">
      <label>
        {t('research.agreement.matrixKind')}{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value={ALL}>{t('agreementGold.allKinds')}</option>
          {result.kinds.map((k) => <option key={k.kind} value={k.kind}>{kindName(k.kind)}</option>)}
        </select>
      </label>
      <table className="data-table matrix">
        <caption>{t('research.agreement.matrix', { kind: label })}</caption>
        <thead>
          <tr>
            <td />
            {result.annotators.map((a) => <th key={a} scope="col">{name(a)}</th>)}
          </tr>
        </thead>
        <tbody>
          {result.annotators.map((row) => (
            <tr key={row}>
              <th scope="row">{name(row)}</th>
              {result.annotators.map((col) => <td key={col}>{row === col ? <span aria-hidden="true">—</span> : <AgreementValue value={kappa(row, col)} />}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
