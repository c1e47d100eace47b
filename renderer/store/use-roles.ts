/**
 * Who is the teacher of a corpus, from its roster. A local corpus has no roster: there the
 * user is its teacher (they alone write it). The server enforces the same on class documents,
 * so this only decides what the interface offers.
 */
import { useCallback } from 'react';
import { corpusDocName } from '../../shared/model/doc-names';
import { readRoster } from '../../shared/model/roster';
import { useDoc, useDocValue } from './use-doc';
import type { RoleOf } from './use-discussion';

export function useRoles(corpus: string, me: string): RoleOf {
  const { doc } = useDoc(corpusDocName(corpus));
  const roster = useDocValue(doc, readRoster);
  return useCallback((id: string) => (roster && roster.size > 0 ? roster.get(id)?.role : id === me ? 'teacher' : undefined), [roster, me]);
}
