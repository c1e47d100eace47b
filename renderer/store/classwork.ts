/**
 * Assignments and teams as the open page sees them (shared/model/assignments.ts, teams.ts):
 * which layer the user writes (their team's, or their own), and whether their work on an article
 * is closed — by the due-time rule on this computer's clock, re-checked at the due time, or
 * because the class server refused a write as `assignment-closed` (the server's clock decides;
 * this one may be a little off, so its refusal closes the article here too).
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { closesAt, isClosed, readAssignments, type Assignment } from '../../shared/model/assignments';
import { layerDocName } from '../../shared/model/doc-names';
import type { Author } from '../../shared/model/record';
import { readTeams, writerOwner } from '../../shared/model/teams';
import { useSyncStatus } from './sync';
import { useDocValue } from './use-doc';

/** The author as their writes are stored: the id is the owner of the layer they write (their team's, or their own). */
export function useWriter(corpusDoc: Y.Doc | undefined, user: Author): Author {
  const owner = useDocValue(corpusDoc, (d) => writerOwner(readTeams(d), user.id), [user.id]) ?? user.id;
  return owner === user.id ? user : { ...user, id: owner };
}

/** The assignments that include `article` (all of them when null), in the order they were created. */
export function useAssignments(corpusDoc: Y.Doc | undefined, article: string | null): [string, Assignment][] {
  const all = useDocValue(corpusDoc, readAssignments) ?? new Map<string, Assignment>();
  return [...all].filter(([, a]) => article === null || a.articles.includes(article)).sort(([, a], [, b]) => a.created - b.created);
}

/** Whether `user`'s work on `article` (in the layer of `owner`) is closed: by the due-time rule, or by the server's refusal. */
export function useClosed(corpusDoc: Y.Doc | undefined, corpus: string, article: string, owner: string, user: string, now: () => number = Date.now): boolean {
  const assignments = useDocValue(corpusDoc, readAssignments);
  const [tick, setTick] = useState(0);
  const refused = useSyncStatus()?.refused;
  const at = assignments ? closesAt(assignments, article, user) : null;
  useEffect(() => {
    if (at === null || at <= now()) return;
    // a timer fires at most every ~24.8 days: a later due time is checked again then
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(at - now() + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [at, tick]);
  const refusedHere = refused?.code === 'assignment-closed' && refused.document === layerDocName(corpus, article, owner);
  // the refusal holds for the due time it was given under: an extension since then re-opens
  const [refusedUnder, setRefusedUnder] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    if (refusedHere) setRefusedUnder(at);
  }, [refused]);
  const byServer = refusedHere && refusedUnder === at;
  return byServer || (assignments !== undefined && isClosed(assignments, article, user, now()));
}
