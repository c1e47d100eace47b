/**
 * Who is the teacher of a corpus: the user's own role comes from their class pass (alone, the
 * user is the teacher of their local corpus), everyone else's from the roster. The server enforces the same on class documents,
 * so this only decides what the interface offers.
 */
import { useCallback } from 'react';
import { corpusDocName } from '../../shared/model/doc-names';
import { readRoster } from '../../shared/model/roster';
import { currentRole } from './sync';
import { useDoc, useDocValue } from './use-doc';
import type { RoleOf } from './use-discussion';

export function useRoles(corpus: string, me: string): RoleOf {
  const { doc } = useDoc(corpusDocName(corpus));
  const roster = useDocValue(doc, readRoster);
  // in a class, the user's own role is the one their pass gives; alone, the user is the teacher
  const mine = currentRole() ?? 'teacher';
  return useCallback((id: string) => (id === me ? mine : roster?.get(id)?.role), [roster, me, mine]);
}
