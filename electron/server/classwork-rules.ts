/**
 * The server's rules for assignments and teams (issue 12; docs/assignments.md), kept apart from
 * the general permissions so each stays readable. Both read the corpus document's `assignments`
 * and `teams` (the class policy keeps them current, class-policy.ts), so a change the teacher
 * makes holds at once on every server process that has the corpus document open.
 * - A team's layer (`team-<id>`): its members write it, other students read it (nothing while
 *   blind: blind works per team), the teacher reads it, the projector as any layer.
 * - A student's write to a layer of an assignment's article after their due time (server clock)
 *   is refused `assignment-closed`; a write to a team layer by a student no longer in the team is
 *   refused `forbidden-write` (membership is checked again at every write, not only at opening;
 *   a student put in a team after opening its layer read-only opens it again, renderer/store/sync.ts).
 */
import type * as Y from 'yjs';
import { isClosed, readAssignments, type Assignments } from '../../shared/model/assignments';
import { parseDocName, teamOfOwner, type DocName } from '../../shared/model/doc-names';
import { readTeams, type Teams } from '../../shared/model/teams';
import type { ReasonCode } from './reasons';
import type { CorpusPolicy, Decision } from './permissions';
import type { Claims } from './tokens';

export interface Classwork {
  assignments: Assignments;
  teams: Teams;
}

export function readClasswork(corpusDoc: Y.Doc): Classwork {
  return { assignments: readAssignments(corpusDoc), teams: readTeams(corpusDoc) };
}

function isMember(classwork: Classwork | undefined, team: string, user: string): boolean {
  return classwork?.teams.get(team)?.members.includes(user) ?? false;
}

/** Access to a team's layer; null when `doc` is not one (the general rules decide). */
export function teamLayerAccess(claims: Pick<Claims, 'role' | 'user'>, doc: DocName, policy: CorpusPolicy): Decision | null {
  const team = doc.kind === 'layer' ? teamOfOwner(doc.owner) : null;
  if (team === null || claims.role === 'observer') return null;
  if (claims.role === 'teacher') return { access: 'read' };
  if (isMember(policy.classwork, team, claims.user)) return { access: 'write' };
  return policy.blind ? { access: 'deny', reason: 'forbidden-read' } : { access: 'read' };
}

/** Why a student's write to `documentName` is refused at `now`, or null. */
export function classworkRefusal(claims: Pick<Claims, 'role' | 'user'>, documentName: string, classwork: Classwork | undefined, now: number): ReasonCode | null {
  const doc = parseDocName(documentName);
  if (claims.role !== 'student' || doc?.kind !== 'layer') return null;
  const team = teamOfOwner(doc.owner);
  if (team !== null && !isMember(classwork, team, claims.user)) return 'forbidden-write';
  return classwork && isClosed(classwork.assignments, doc.article, claims.user, now) ? 'assignment-closed' : null;
}
