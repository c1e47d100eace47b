/**
 * The teacher's marks a student missed, drawn in the article after the reveal: a highlight with
 * a dashed box-like underline of its own (not a kind's colour: ::highlight(glose-gold-miss) in
 * styles) and, at the start of each, a small tag with a word ("✗ missed") laid over the text's
 * margin, so a miss is told by shape and word, never by colour alone. The tags are placed from
 * the text's layout and placed again when it reflows (resize, font size).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './assessment.css';
import { paintMany } from '../../editor/highlights';
import type { TextMap } from '../../editor/text-map';
import type { GoldFeedback } from '../../store/use-gold-feedback';
import { OUTCOME_SYMBOL } from '../../../shared/assessment/gold-match';

export const GOLD_MISS = 'glose-gold-miss';

interface Props {
  feedback: GoldFeedback;
  textMap: TextMap | null;
  /** the element the tags are placed in (positioned), around the article text */
  box: () => HTMLElement | null;
}

export function GoldMissMarks({ feedback, textMap, box }: Props) {
  const { t } = useTranslation();
  const [tags, setTags] = useState<{ id: string; top: number; left: number }[]>([]);
  useEffect(() => {
    const misses = feedback.match.marks.filter((m) => m.outcome === 'miss').map((m) => ({ id: m.gold.id, span: feedback.spans.get(m.gold.id)! }));
    const ranges = misses.map((m) => ({ id: m.id, range: textMap?.range(m.span.start, m.span.end) ?? undefined }));
    paintMany(GOLD_MISS, ranges.map((r) => r.range));
    const place = () => {
      const origin = box()?.getBoundingClientRect();
      if (!origin) return;
      setTags(ranges.flatMap(({ id, range }) => {
        const first = range?.getClientRects()[0];
        return first ? [{ id, top: first.top - origin.top, left: first.left - origin.left }] : [];
      }));
    };
    place();
    const element = box();
    const observer = new ResizeObserver(place);
    if (element) observer.observe(element);
    return () => {
      observer.disconnect();
      paintMany(GOLD_MISS, []);
    };
  }, [feedback, textMap, box]);
  return (
    <>
      {tags.map((tag) => (
        <span key={tag.id} className="gold-miss-tag" aria-hidden="true" style={{ top: tag.top, left: tag.left }}>
          {OUTCOME_SYMBOL.miss} {t('assessment.outcome.miss')}
        </span>
      ))}
    </>
  );
}
