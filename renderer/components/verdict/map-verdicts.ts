/**
 * The argument map's nodes with their claim's verdict in the label (the rating's glyph and
 * word before the quote), so the canvas shows it as the list does, in shape and word.
 */
import type { Rating } from '../../../shared/claims/verdict';
import type { ClaimView } from '../../store/claim-verdicts';
import type { MapData } from '../../store/map-model';
import { RATING_GLYPHS } from './VerdictBadge';

export function withVerdicts<T extends MapData>(graph: T, byMark: ReadonlyMap<string, ClaimView>, word: (rating: Rating) => string): T {
  const nodes = graph.nodes.map((n) => {
    const rating = byMark.get(n.id)?.result.rating;
    return rating ? { ...n, label: `${RATING_GLYPHS[rating]} ${word(rating)} · ${n.label}` } : n;
  });
  return { ...graph, nodes };
}
