/**
 * What a student may write in a layer, judged on the entries an update leaves (the write guard
 * runs it on the scratch copy, update-check.ts, after the layer's shape is checked):
 * - an assignment's subset of kinds (issue 12, item 1): in a layer of an article that belongs to
 *   assignments which all name their kinds, a record the update adds or changes must be of one of
 *   those kinds (the union over those assignments), else `kind-not-assigned`; an article in no
 *   assignment, or in one that allows the whole tagset, takes any kind. Deleting is always allowed,
 *   and so is the student's own older mark of another kind left untouched (only touched records count).
 * - class votes on verdicts (issue 15, item 2): a `verdictVotes` entry is refused
 *   `voting-closed` while the teacher has not allowed class voting (`verdictVote` setting);
 *   taking one's vote back (a deletion) is always allowed.
 * Teachers, and the server's own writes, are not bound by these rules.
 */
import * as Y from 'yjs';
import { VERDICT_VOTES_ROOT } from '../../shared/claims/verdict';
import { kindsFor } from '../../shared/model/assignments';
import { parseDocName } from '../../shared/model/doc-names';
import type { CorpusPolicy } from './permissions';
import type { ReasonCode } from './reasons';
import type { Claims } from './tokens';

/** Why an entry left by an update (root map, key, value) is refused, or null. */
export type EntryRule = (root: string, key: string, value: unknown) => ReasonCode | null;

/** The rule for `claims` writing `documentName` under `policy`; null when nothing is checked. */
export function studentEntryRule(claims: Pick<Claims, 'role'>, documentName: string, policy: CorpusPolicy): EntryRule | null {
  const doc = parseDocName(documentName);
  if (claims.role !== 'student' || doc?.kind !== 'layer') return null;
  const kinds = policy.classwork ? kindsFor(policy.classwork.assignments, doc.article) : null;
  const voting = policy.verdictVote === true;
  return (root, _key, value) => {
    if (root === VERDICT_VOTES_ROOT && !voting) return 'voting-closed';
    if (root === 'annotations' && kinds && value instanceof Y.Map && !kinds.has(String(value.get('kind')))) return 'kind-not-assigned';
    return null;
  };
}
