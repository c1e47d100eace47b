/**
 * One segment of the class heat strip: a button standing for one paragraph, shaded by how
 * disputed it is (vermilion, hatched when disputed) and by the share of the class that marked
 * it (a blue band on its left), with the figure itself (a percentage, ✓ where everyone agrees,
 * · where one person alone marked it) so colour is never the only signal. Its accessible name
 * says it all in words: "Paragraph 4: 12 marks, 40 % disputed, most disputed at sentence 2".
 * Its props are plain values, so when a classmate's mark arrives only the segments whose figures
 * changed render again (memo). Placed by `top`/`height` (px) in the editor's margin, or left to
 * the layout (the comparison view's rows) when they are undefined.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import './heat-strip.css';

export interface HeatFigures {
  /** the paragraph, from 0 */
  index: number;
  /** marks (of everyone) in the paragraph */
  marks: number;
  /** the share of the class who marked something in it, 0–1 */
  share: number;
  /** 0–1, null when there is nothing to compare */
  disputed: number | null;
  /** the most disputed sentence (from 1), or 0 when the paragraph has no sentence to point at */
  sentence: number;
}

interface Props extends HeatFigures {
  top?: number;
  height?: number;
  tabIndex: number;
  onShow: (index: number) => void;
}

function SegmentButton({ index, marks, share, disputed, sentence, top, height, tabIndex, onShow }: Props) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const heat = marks === 0 ? 'none' : disputed === null ? 'alone' : disputed === 0 ? 'agreed' : 'disputed';
  const level = heat === 'alone' ? t('compare.alone') : heat === 'agreed' ? t('compare.agreed') : t('compare.disputed', { percent: percent.format(disputed ?? 0) });
  const name =
    marks === 0
      ? t('heat.empty', { n: index + 1 })
      : t(sentence ? 'heat.segmentAt' : 'heat.segment', { n: index + 1, marks: t('heat.marks', { count: marks }), level, sentence });
  const figure = heat === 'disputed' ? percent.format(disputed ?? 0) : heat === 'agreed' ? '✓' : heat === 'alone' ? '·' : '';
  const style = { '--heat': disputed ?? 0, '--share': share, top, height } as React.CSSProperties;
  return (
    <button type="button" className="heat-segment" data-heat={heat} data-roving="" aria-label={name} title={name} tabIndex={tabIndex} style={style} onClick={() => onShow(index)}>
      <span aria-hidden="true">{figure}</span>
    </button>
  );
}

export const HeatSegment = memo(SegmentButton);
