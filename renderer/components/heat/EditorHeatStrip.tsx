/**
 * The class heat strip in the article editor's margin (the teacher's, once the class's work is
 * revealed): one segment per paragraph, beside it, from the class comparison of the marks the
 * page holds (store/comparison.ts). The segments follow the text's layout: each is placed from
 * its paragraph's box and placed again when the text reflows (resize, font size). One tab stop;
 * ↑/↓ move between paragraphs; Enter (or a click) scrolls the paragraph into view and flashes it,
 * the focus staying on the strip. Live: a classmate's mark changes the comparison, and only the
 * segments whose figures changed render again (HeatSegment is memoised on plain values).
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tagset } from '../../../shared/model/tagset';
import type { CodePointIndex } from '../../../shared/text/code-points';
import { showRange } from '../../editor/go-to';
import type { TextMap } from '../../editor/text-map';
import { classComparison, heatFigures } from '../../store/comparison';
import type { Placed } from '../../store/placed-annotations';
import { HeatSegment } from './HeatSegment';
import { useRoving } from './use-roving';

interface Props {
  text: string;
  index: CodePointIndex;
  placed: readonly Placed[];
  tagset: Tagset;
  language: string;
  textMap: TextMap | null;
  /** the article text (the editor's root) */
  root: () => HTMLElement | null;
  /** the positioned box around it, the strip's frame */
  box: () => HTMLElement | null;
}

interface Row {
  top: number;
  height: number;
}

const sameRows = (a: Row[], b: Row[]) => a.length === b.length && a.every((r, i) => r.top === b[i]!.top && r.height === b[i]!.height);

export function EditorHeatStrip({ text, index, placed, tagset, language, textMap, root, box }: Props) {
  const { t } = useTranslation();
  const comparison = useMemo(() => classComparison(text, index, placed, tagset, undefined, language), [text, index, placed, tagset, language]);
  const figures = heatFigures(comparison);
  const [rows, setRows] = useState<Row[]>([]);
  const roving = useRoving(figures.length);
  const passages = useRef(comparison.passages);
  passages.current = comparison.passages;

  useLayoutEffect(() => {
    const element = root();
    const frame = box();
    if (!element || !frame) return;
    const place = () => {
      const origin = frame.getBoundingClientRect();
      const next = [...element.querySelectorAll(':scope > .glose-block')].map((block) => {
        const r = block.getBoundingClientRect();
        return { top: Math.round(r.top - origin.top), height: Math.round(r.height) };
      });
      setRows((old) => (sameRows(old, next) ? old : next));
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(element);
    return () => observer.disconnect();
  }, [textMap, root, box]);

  const onShow = useCallback(
    (i: number) => {
      const p = passages.current[i];
      const range = p && textMap?.range(p.start, p.end);
      if (range) showRange(range, root());
      roving.setCurrent(i);
    },
    [textMap, root, roving.setCurrent],
  );

  // the editor shows another layout than the canonical paragraphs (not yet rendered): no strip rather than a wrong one
  if (rows.length !== figures.length) return null;
  return (
    <div className="heat-strip" role="group" aria-label={t('heat.strip')} aria-describedby="heat-strip-hint" onKeyDown={roving.onKeyDown}>
      <span id="heat-strip-hint" className="visually-hidden">
        {t('heat.hint')}
      </span>
      {figures.map((f, i) => (
        <HeatSegment key={f.index} {...f} top={rows[i]!.top} height={rows[i]!.height} tabIndex={i === roving.current ? 0 : -1} onShow={onShow} />
      ))}
    </div>
  );
}
