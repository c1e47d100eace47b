/**
 * A student's reading against the teacher's in one sentence, as the sidebar (GoldFeedback.tsx)
 * and the student's own report (report/gold-section.ts) both say it: "You found 4 of the 6
 * claims your teacher marked." (or of the passages, when the teacher marked no claim), then how
 * many more were found in part and how many of the teacher's links were found. DOM-free.
 */
import type { TFunction } from 'i18next';
import { tally, type GoldMatch } from '../../shared/assessment/gold-match';

const CLAIM = 'claim';

/** Several articles' matches as one. */
export function mergeMatches(matches: readonly GoldMatch[]): GoldMatch {
  return { marks: matches.flatMap((m) => m.marks), extras: matches.flatMap((m) => m.extras), links: matches.flatMap((m) => m.links) };
}

export function goldSummary(t: TFunction, match: GoldMatch): string {
  const claims = tally(match, CLAIM);
  const all = tally(match);
  const parts = [claims.total > 0 ? t('assessment.foundClaims', { count: claims.total, found: claims.match }) : t('assessment.foundMarks', { count: all.total, found: all.match })];
  if (all.partial > 0) parts.push(t('assessment.partly', { count: all.partial }));
  if (match.links.length > 0) parts.push(t('assessment.links', { count: match.links.length, found: match.links.filter((l) => l.found).length }));
  return parts.join(' ');
}
