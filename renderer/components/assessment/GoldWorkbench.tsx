/**
 * The teacher's reading, built from the comparison view: the marks of the passage the teacher
 * is looking at (everyone's, their own included), each a button — G (or the button) promotes
 * it into the gold layer with its kind and a fresh id — then the gold marks of the article,
 * each with the teacher's explanation (saved when the field is left) and a way to remove it.
 * Ctrl+Z / Ctrl+Shift+Z inside undo and redo the gold changes (gold-writer.ts). The switch
 * that shows the gold to the students is here too (GoldReveal).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './assessment.css';
import { corpusDocName, GOLD_OWNER, layerDocName } from '../../../shared/model/doc-names';
import { readLayer } from '../../../shared/model/layer';
import type { Author } from '../../../shared/model/record';
import { kindOf, type Tagset } from '../../../shared/model/tagset';
import { goldCopyOf, goldWriter } from '../../store/gold-writer';
import type { Placed } from '../../store/placed-annotations';
import { useDoc, useDocValue } from '../../store/use-doc';
import { GoldReveal } from './GoldReveal';
import { focusItem, stepTo } from './list-keys';

interface Props {
  corpus: string;
  articleId: string;
  me: Author;
  tagset: Tagset;
  /** every placed record of the article (the gold layer is not among them) */
  placed: readonly Placed[];
  /** UTF-16 offsets of the passage shown, or null */
  passage: { start: number; end: number; n: number } | null;
}

export function GoldWorkbench({ corpus, articleId, me, tagset, placed, passage }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const kindName = (key: string) => kindOf(tagset, key)?.name[lang] ?? key;
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const { doc } = useDoc(corpusDoc ? layerDocName(corpus, articleId, GOLD_OWNER) : null);
  const gold = useDocValue(doc, (d) => readLayer(d).annotations.sort((a, b) => a.target.start - b.target.start)) ?? [];
  const writer = useMemo(() => doc && goldWriter(doc, me), [doc, me]);
  useEffect(() => () => writer?.destroy(), [writer]);
  const [active, setActive] = useState(0);
  const [said, setSaid] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const marks = passage ? placed.filter((p) => p.anchor !== 'orphan' && p.start < passage.end && p.end > passage.start) : [];
  const current = Math.min(active, Math.max(0, marks.length - 1));
  const all = placed.map((p) => p.annotation);

  const promote = (p: Placed) => {
    if (!writer) return;
    writer.promote(p.annotation, all);
    setSaid(t('assessment.promoted', { kind: kindName(p.annotation.kind), quote: p.annotation.target.exact }));
  };
  const onListKey = (e: React.KeyboardEvent) => {
    const to = stepTo(e.key, current, marks.length);
    if (to !== null) {
      e.preventDefault();
      setActive(to);
      focusItem(list.current, '.promote-mark', to);
    } else if ((e.key === 'g' || e.key === 'G') && !e.ctrlKey && !e.metaKey && !e.altKey && marks[current]) {
      e.preventDefault();
      promote(marks[current]);
    }
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (!writer || !(e.ctrlKey || e.metaKey) || (e.key !== 'z' && e.key !== 'Z' && e.key !== 'y')) return;
    if (e.target instanceof HTMLTextAreaElement) return; // the field's own undo
    e.preventDefault();
    const done = e.shiftKey || e.key === 'y' ? writer.redo() : writer.undo();
    if (done) setSaid(t(e.shiftKey || e.key === 'y' ? 'assessment.redone' : 'assessment.undone'));
  };

  return (
    <section className="gold-workbench" aria-labelledby="gold-workbench-title" onKeyDown={onKey}>
      <h2 id="gold-workbench-title">{t('assessment.workbenchTitle')}</h2>
      <GoldReveal corpus={corpus} />
      <p className="notice" role="status" aria-live="polite">{said}</p>
      <h3>{passage ? t('assessment.passageMarks', { n: passage.n }) : t('assessment.noPassage')}</h3>
      <p className="hint" id="promote-hint">{t('assessment.promoteHint')}</p>
      <ul ref={list} className="promote-list" onKeyDown={onListKey} aria-describedby="promote-hint">
        {marks.map((p, i) => {
          const inGold = !!goldCopyOf(gold, p.annotation);
          return (
            <li key={`${p.owner}/${p.annotation.id}`}>
              <button type="button" className="promote-mark" tabIndex={i === current ? 0 : -1} aria-keyshortcuts="G" onFocus={() => setActive(i)} onClick={() => promote(p)}>
                <span className="promote-who">{t('assessment.markBy', { kind: kindName(p.annotation.kind), name: p.annotation.author.name })}</span>
                <q>{p.annotation.target.exact}</q>
                <span className="promote-state">{inGold ? `✓ ${t('assessment.inGold')}` : t('assessment.pressG')}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <h3>{t('assessment.goldMarks', { count: gold.length })}</h3>
      <ol className="gold-marks">
        {gold.map((g) => (
          <li key={g.id} className="gold-mark">
            <span>
              <strong>{kindName(g.kind)}</strong> <q>{g.target.exact}</q>
            </span>
            <label>
              {t('assessment.explain')}
              <textarea defaultValue={g.note} key={g.note} rows={2} onBlur={(e) => e.target.value !== g.note && writer?.explain(g.id, e.target.value)} />
            </label>
            <button type="button" onClick={() => writer?.remove(g.id)}>
              {t('assessment.removeGold')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
