/**
 * The teacher's switch that shows their reading (the gold layer) to the students, or hides it
 * again: a toggle button (pressed or not, and said in words) over the corpus document's
 * `goldRevealed` setting. The server lets students read the gold only while it is on and the
 * class is not blind (electron/server/gold-policy.ts), so the button says when blind holds it back.
 */
import { useTranslation } from 'react-i18next';
import { isGoldRevealed, setGoldRevealed } from '../../../shared/assessment/gold-reveal';
import { isBlind } from '../../../shared/model/class-settings';
import { corpusDocName } from '../../../shared/model/doc-names';
import { useDoc, useDocValue } from '../../store/use-doc';

export function GoldReveal({ corpus }: { corpus: string }) {
  const { t } = useTranslation();
  const { doc } = useDoc(corpusDocName(corpus));
  const revealed = useDocValue(doc, isGoldRevealed) ?? false;
  const blind = useDocValue(doc, isBlind) ?? false;
  return (
    <div className="gold-reveal">
      <button type="button" aria-pressed={revealed} disabled={!doc} onClick={() => doc && setGoldRevealed(doc, !revealed)}>
        {t(revealed ? 'assessment.hideGold' : 'assessment.revealGold')}
      </button>
      <span role="status">{t(revealed ? (blind ? 'assessment.revealedButBlind' : 'assessment.revealed') : 'assessment.hidden')}</span>
    </div>
  );
}
