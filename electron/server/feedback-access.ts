/**
 * Who may open a student's feedback document (shared/model/feedback.ts): teachers and that
 * student, both writing (what they write is checked by feedback-check.ts); every other student
 * and the projector are refused it, blind or not, so it never reaches their machines.
 */
import type { DocName } from '../../shared/model/doc-names';
import type { Decision } from './permissions';
import type { Claims } from './tokens';

export function feedbackAccess(claims: Pick<Claims, 'role' | 'user'>, doc: Extract<DocName, { kind: 'feedback' }>): Decision {
  if (claims.role === 'teacher' || (claims.role === 'student' && doc.student === claims.user)) return { access: 'write' };
  return { access: 'deny', reason: 'forbidden-read' };
}
