/**
 * Checks the assessment settings a corpus-document update writes, on the scratch copy
 * (update-check.ts), before the server stores or relays it: the rubric's weights must pass
 * `rubricSchema` (shared/assessment/rubric.ts) and the gold reveal switch must be a boolean.
 * Only the teacher writes the corpus document (permissions.ts); this keeps a broken or hostile
 * teacher client from storing a rubric that every reader would have to survive.
 */
import type * as Y from 'yjs';
import { GOLD_REVEALED } from '../../shared/assessment/gold-reveal';
import { RUBRIC_KEY, rubricSchema } from '../../shared/assessment/rubric';

/** What is wrong with the touched assessment settings, or null. */
export function settingsProblem(scratch: Y.Doc, transactions: readonly Y.Transaction[]): string | null {
  const settings = scratch.getMap<unknown>('settings');
  const touched = (key: string) => transactions.some((tr) => [...tr.changed].some(([type, keys]) => (type as unknown) === settings && keys.has(key)));
  if (touched(RUBRIC_KEY) && settings.has(RUBRIC_KEY)) {
    const parsed = rubricSchema.safeParse(settings.get(RUBRIC_KEY));
    if (!parsed.success) return `rubric: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  }
  if (touched(GOLD_REVEALED) && settings.has(GOLD_REVEALED) && typeof settings.get(GOLD_REVEALED) !== 'boolean') return `${GOLD_REVEALED}: not a boolean`;
  return null;
}
