/**
 * The server's rule for the gold layer (the teacher's reading, shared/assessment/gold-reveal.ts):
 * students and the projector are refused the gold layer of every article while the class is
 * blind or until the teacher reveals it, so the expected answers never reach a student's laptop
 * early. permissions.ts asks this module first; class-policy.ts closes open connections when
 * the teacher hides the gold again.
 */
import { goldVisible } from '../../shared/assessment/gold-reveal';
import { GOLD_OWNER, type DocName } from '../../shared/model/doc-names';
import type { Decision, CorpusPolicy } from './permissions';
import type { Claims } from './tokens';

/** A denial for a gold layer not yet shown to this role; null when the gold rule has nothing to say. */
export function goldDecision(claims: Pick<Claims, 'role'>, doc: DocName, policy: CorpusPolicy): Decision | null {
  if (claims.role === 'teacher' || doc.kind !== 'layer' || doc.owner !== GOLD_OWNER) return null;
  return goldVisible(policy) ? null : { access: 'deny', reason: 'forbidden-read' };
}
