/**
 * The student's reading against the teacher's, in the article's sidebar after the reveal: how
 * many of the teacher's claims (and marks) they found, in words, how closely they read it like
 * the teacher (Cohen's κ put in words: gold-agreement.ts), then every gold mark in text order
 * with what became of it — a symbol AND a word (found ✓, partly ◐, missed ✗), never colour
 * alone — its kind, its words and the teacher's explanation. ↑/↓ (Home/End) walk the list,
 * Enter or a click shows the mark in the text. The misses are also drawn in the text
 * (GoldMissMarks.tsx).
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './assessment.css';
import { goldAgreement } from '../../../shared/assessment/gold-agreement';
import { OUTCOME_SYMBOL, type GoldOutcome } from '../../../shared/assessment/gold-match';
import { kindOf, type Tagset } from '../../../shared/model/tagset';
import { goldSummary } from '../../store/gold-summary';
import type { GoldFeedback as Feedback } from '../../store/use-gold-feedback';
import { focusItem, stepTo } from './list-keys';


interface Props {
  feedback: Feedback;
  text: string;
  tagset: Tagset;
  onShow: (goldId: string) => void;
}

function GoldItem({ m, tagset, tabIndex, onShow }: { m: GoldOutcome; tagset: Tagset; tabIndex: number; onShow: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const kindName = (key: string) => kindOf(tagset, key)?.name[lang] ?? key;
  const asOther = m.outcome === 'partial' && m.student && m.student.kind !== m.gold.kind;
  return (
    <li className={`gold-item gold-${m.outcome}`}>
      <button type="button" className="gold-jump" tabIndex={tabIndex} onClick={onShow}>
        <span className="gold-outcome">
          <span aria-hidden="true">{OUTCOME_SYMBOL[m.outcome]}</span> {t(`assessment.outcome.${m.outcome}`)}
        </span>{' '}
        · {kindName(m.gold.kind)}
        <q className="gold-quote">{m.gold.target.exact}</q>
      </button>
      {asOther && <p className="gold-detail">{t('assessment.youMarkedAs', { kind: kindName(m.student!.kind) })}</p>}
      {m.gold.note && (
        <p className="gold-note">
          <strong>{t('assessment.explanation')}</strong> {m.gold.note}
        </p>
      )}
    </li>
  );
}

export function GoldFeedback({ feedback, text, tagset, onShow }: Props) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const list = useRef<HTMLOListElement>(null);
  const { match } = feedback;
  const agreement = useMemo(() => goldAgreement([{ text, gold: match.marks.map((m) => m.gold), student: feedback.mine }], tagset), [text, match, feedback.mine, tagset]);
  const current = Math.min(active, Math.max(0, match.marks.length - 1));
  const onKey = (e: React.KeyboardEvent) => {
    const to = stepTo(e.key, current, match.marks.length);
    if (to === null) return;
    e.preventDefault();
    setActive(to);
    focusItem(list.current, '.gold-jump', to);
  };
  return (
    <section className="gold-feedback" aria-labelledby="gold-feedback-title">
      <h2 id="gold-feedback-title">{t('assessment.feedbackTitle')}</h2>
      <p className="gold-summary" role="status">
        {goldSummary(t, match)}
      </p>
      <p className="gold-agreement">{t(`assessment.band.${agreement.band}`)}</p>
      {match.marks.length === 0 ? (
        <p>{t('assessment.noGold')}</p>
      ) : (
        <>
          <p className="hint" id="gold-list-hint">{t('assessment.listHint')}</p>
          <ol ref={list} className="gold-list" onKeyDown={onKey} aria-describedby="gold-list-hint">
            {match.marks.map((m, i) => (
              <GoldItem key={m.gold.id} m={m} tagset={tagset} tabIndex={i === current ? 0 : -1} onShow={() => (setActive(i), onShow(m.gold.id))} />
            ))}
          </ol>
        </>
      )}
      {match.extras.length > 0 && <p className="gold-extras">{t('assessment.extras', { count: match.extras.length })}</p>}
    </section>
  );
}
