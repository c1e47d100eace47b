/**
 * The teacher's rubric weights: one number field per criterion (0–100, steps of 0.5), saved in
 * the corpus document when a field changes to a valid value (rubricSchema; the server checks it
 * again). An invalid value is said in words and not saved.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRITERIA, rubricSchema, writeRubric, type Rubric } from '../../../shared/assessment/rubric';
import type * as Y from 'yjs';

export function RubricWeights({ doc, rubric }: { doc: Y.Doc; rubric: Rubric }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState('');
  const change = (criterion: keyof Rubric, value: string) => {
    const next = rubricSchema.safeParse({ ...rubric, [criterion]: value === '' ? NaN : Number(value) });
    setProblem(next.success ? '' : t('assessment.weightInvalid'));
    if (next.success) writeRubric(doc, next.data);
  };
  return (
    <fieldset className="rubric-weights">
      <legend>{t('assessment.weights')}</legend>
      {CRITERIA.map((c) => (
        <label key={c}>
          {t(`assessment.criterion.${c}`)}
          <input type="number" min={0} max={100} step={0.5} defaultValue={rubric[c]} onChange={(e) => change(c, e.target.value)} />
        </label>
      ))}
      <p className="hint">{t('assessment.weightsHelp')}</p>
      {problem && <p className="warning" role="alert">{problem}</p>}
    </fieldset>
  );
}
