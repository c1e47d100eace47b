/**
 * Teams (issue 12, item 2): the teacher groups students into teams, and a team shares one layer
 * per article, owned by `team-<id>` (doc-names.ts). Teams live in the corpus document's `teams`
 * map, one plain JSON entry per team (name, member ids), written by the teacher only; the server
 * checks every entry with this schema and that nobody is in two teams (classwork-shape.ts), and
 * lets only a team's members write its layer (electron/server/classwork-rules.ts).
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { idSchema } from '../protocol/fields';
import { teamOwner } from './doc-names';
import { LOCAL } from './origins';

export const TEAMS_ROOT = 'teams';

/** a team id leaves room for its `team-` owner prefix within the 64 characters of an id */
export const teamIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,59}$/);

export const teamSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  members: z.array(idSchema).max(50),
});

export type Team = z.infer<typeof teamSchema>;
export type Teams = ReadonlyMap<string, Team>;

export function teamsMap(corpusDoc: Y.Doc): Y.Map<unknown> {
  return corpusDoc.getMap(TEAMS_ROOT);
}

/** Valid teams by id, in id order; a malformed entry is skipped. */
export function readTeams(corpusDoc: Y.Doc): Map<string, Team> {
  const out = new Map<string, Team>();
  const ids = [...teamsMap(corpusDoc).keys()].sort();
  for (const id of ids) {
    const parsed = teamSchema.safeParse(teamsMap(corpusDoc).get(id));
    if (parsed.success && teamIdSchema.safeParse(id).success) out.set(id, parsed.data);
  }
  return out;
}

/** The first member found in two teams, or null. */
export function sharedMember(teams: Teams): string | null {
  const seen = new Set<string>();
  for (const team of teams.values()) {
    for (const member of team.members) {
      if (seen.has(member)) return member;
      seen.add(member);
    }
  }
  return null;
}

/** The id of `user`'s team, or null. */
export function teamOf(teams: Teams, user: string): string | null {
  for (const [id, team] of teams) if (team.members.includes(user)) return id;
  return null;
}

/** The layer owner `user` writes: their team's layer, or their own. */
export function writerOwner(teams: Teams, user: string): string {
  const team = teamOf(teams, user);
  return team === null ? user : teamOwner(team);
}

/** The owners of every team layer, sorted. */
export function teamOwners(teams: Teams): string[] {
  return [...teams.keys()].map(teamOwner).sort();
}

export function writeTeam(corpusDoc: Y.Doc, id: string, team: Team, origin: unknown = LOCAL): void {
  const checked = teamSchema.parse(team);
  corpusDoc.transact(() => teamsMap(corpusDoc).set(teamIdSchema.parse(id), checked), origin);
}

export function deleteTeam(corpusDoc: Y.Doc, id: string, origin: unknown = LOCAL): void {
  corpusDoc.transact(() => teamsMap(corpusDoc).delete(id), origin);
}

/** Puts `user` in team `id` (taking them out of any other), or in no team when `id` is null; one transaction. */
export function moveToTeam(corpusDoc: Y.Doc, user: string, id: string | null, origin: unknown = LOCAL): void {
  const teams = readTeams(corpusDoc);
  corpusDoc.transact(() => {
    for (const [other, team] of teams) {
      const members = team.members.filter((m) => m !== user);
      if (other === id) members.push(user);
      if (members.length !== team.members.length || other === id) teamsMap(corpusDoc).set(other, teamSchema.parse({ ...team, members }));
    }
  }, origin);
}
