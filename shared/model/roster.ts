/**
 * The corpus roster: everyone who has taken part in the corpus, with the name, colour and role
 * the session server recorded when they joined. It lives in the corpus document (`roster`
 * map, keyed by user id) and tells clients which layer documents exist for an article.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { colorSchema } from '../protocol/fields';
import { roleSchema } from '../protocol/roles';
import { LOCAL } from './origins';
import { readTeams, teamOwners } from './teams';

export type { Role } from '../protocol/roles';

export const rosterEntrySchema = z.object({
  name: z.string().min(1).max(80),
  color: colorSchema,
  role: roleSchema,
});

export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export function rosterMap(corpusDoc: Y.Doc): Y.Map<unknown> {
  return corpusDoc.getMap('roster');
}

/** Valid roster entries by user id; malformed entries are skipped. */
export function readRoster(corpusDoc: Y.Doc): Map<string, RosterEntry> {
  const out = new Map<string, RosterEntry>();
  rosterMap(corpusDoc).forEach((value, id) => {
    const parsed = rosterEntrySchema.safeParse(value);
    if (parsed.success) out.set(id, parsed.data);
  });
  return out;
}

/** Owners of the layers written in the corpus, sorted: the roster's members who write (observers never do) and the teams (teams.ts: one annotator each). */
export function rosterIds(corpusDoc: Y.Doc): string[] {
  const members = [...readRoster(corpusDoc)].filter(([, e]) => e.role !== 'observer').map(([id]) => id);
  return [...members, ...teamOwners(readTeams(corpusDoc))].sort();
}

/** Writes `user`'s entry (the teacher records themself; the server records those who join). */
export function recordMember(corpusDoc: Y.Doc, user: string, entry: RosterEntry, origin: unknown = LOCAL): void {
  const current = rosterEntrySchema.safeParse(rosterMap(corpusDoc).get(user));
  const same = current.success && current.data.name === entry.name && current.data.color === entry.color && current.data.role === entry.role;
  if (!same) corpusDoc.transact(() => rosterMap(corpusDoc).set(user, rosterEntrySchema.parse(entry)), origin);
}
