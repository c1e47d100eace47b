/**
 * A student's reading against the teacher's (the gold layer), once the teacher has revealed it
 * and the class is not blind (shared/assessment/gold-reveal.ts): before that the gold layer is
 * not even asked for (the server would refuse it). The gold marks are anchored in the current
 * text like any record (placed-annotations.ts) and matched against the student's own placed
 * marks (shared/assessment/gold-match.ts), both in code points of the text as it is now.
 */
import { useEffect, useMemo, useRef } from 'react';
import { goldVisible, isGoldRevealed } from '../../shared/assessment/gold-reveal';
import { matchGold, type GoldMatch } from '../../shared/assessment/gold-match';
import { isBlind } from '../../shared/model/class-settings';
import { corpusDocName, GOLD_OWNER, layerDocName } from '../../shared/model/doc-names';
import { readLayer } from '../../shared/model/layer';
import type { Annotation } from '../../shared/model/record';
import type { CodePointIndex } from '../../shared/text/code-points';
import { placeRecord, type Placed } from './placed-annotations';
import { currentRole } from './sync';
import { useDoc, useDocValue } from './use-doc';

export interface GoldFeedback {
  match: GoldMatch;
  /** the student's own marks, where they are now */
  mine: Annotation[];
  /** canonical UTF-16 offsets of each gold mark in the text now */
  spans: Map<string, { start: number; end: number }>;
}

/** A placed record with its target moved to where it is now (code points). */
export function asPlacedNow(index: CodePointIndex, p: Placed): Annotation {
  return { ...p.annotation, target: { ...p.annotation.target, start: index.toCodePoint(p.start), end: index.toCodePoint(p.end) } };
}

/** Whether this user is a student to whom the gold is shown now. */
export function useGoldShown(corpus: string): boolean {
  const { doc } = useDoc(corpusDocName(corpus));
  const shown = useDocValue(doc, (d) => goldVisible({ blind: isBlind(d), goldRevealed: isGoldRevealed(d) })) ?? false;
  return shown && currentRole() === 'student';
}

export function useGoldFeedback(corpus: string, article: string, index: CodePointIndex | null, placed: readonly Placed[] | undefined): GoldFeedback | null {
  const shown = useGoldShown(corpus);
  const { doc } = useDoc(shown ? layerDocName(corpus, article, GOLD_OWNER) : null);
  const gold = useDocValue(doc, (d) => readLayer(d).annotations);
  return useMemo(() => {
    if (!shown || !gold || !index || !placed) return null;
    const spans = new Map<string, { start: number; end: number }>();
    const golds: Annotation[] = [];
    for (const g of gold) {
      const p = placeRecord(index, g, GOLD_OWNER, false);
      if (p.anchor === 'orphan') continue;
      spans.set(g.id, { start: p.start, end: p.end });
      golds.push(asPlacedNow(index, p));
    }
    const mine = placed.filter((p) => p.mine && p.anchor !== 'orphan').map((p) => asPlacedNow(index, p));
    return { match: matchGold(golds, mine), spans, mine };
  }, [shown, gold, index, placed]);
}

/** Opened on a gold mark (`#/article/<id>?a=<gold id>`, from the student's report): shows its passage once, when it is placed. */
export function useShowGoldOnOpen(focus: string | undefined, gold: GoldFeedback | null, show: (id: string) => void): void {
  const shown = useRef<string | undefined>(undefined);
  const placed = !!focus && !!gold?.spans.has(focus);
  useEffect(() => {
    if (!placed || shown.current === focus) return;
    shown.current = focus;
    show(focus!);
  }, [placed, focus, show]);
}
