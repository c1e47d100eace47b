/**
 * What each student of a class has done, for the teacher's dashboard: marks by kind, replies,
 * votes and links made, the time of their last piece of work, the article they have open, and
 * whether they have done nothing for the idle limit (a student who may be stuck). Pure: layers,
 * roster, presence and the clock come in as values, so it runs in tests without a browser.
 * Times are the ones the students' records carry (their clocks): one in the future counts as now.
 * A team (shared/model/teams.ts) is one row, its members named: its layer's work and any its
 * members did in their own layers before they joined it.
 */
import type { DiscussionRead } from '../../../shared/model/discussion';
import type { Annotation } from '../../../shared/model/record';
import { teamOwner } from '../../../shared/model/doc-names';
import type { RosterEntry } from '../../../shared/model/roster';
import type { Teams } from '../../../shared/model/teams';

/** One author's layer on one article, read and validated. */
export interface LayerData {
  owner: string;
  article: string;
  annotations: readonly Annotation[];
  discussion: DiscussionRead;
}

export interface StudentActivity {
  /** a student's id, or a team's layer owner (`team-<id>`) */
  id: string;
  name: string;
  /** a team's members who have joined, by name */
  members?: { id: string; name: string }[];
  color: string;
  online: boolean;
  /** the article the student has open, when online */
  article: string | null;
  /** marks by kind key */
  marks: Record<string, number>;
  totalMarks: number;
  replies: number;
  votes: number;
  links: number;
  /** ms since the epoch of the student's latest work, or null when they have done nothing yet */
  lastActivity: number | null;
  /** no work for the idle limit (or none at all) */
  idle: boolean;
}

export interface ActivityInput {
  roster: ReadonlyMap<string, RosterEntry>;
  layers: Iterable<LayerData>;
  /** who is online, by user id, with the article they have open */
  present: ReadonlyMap<string, string | null>;
  now: number;
  idleMs: number;
  teams?: Teams;
}

type Counts = Pick<StudentActivity, 'marks' | 'totalMarks' | 'replies' | 'votes' | 'links' | 'lastActivity'>;

const blank = (): Counts => ({ marks: {}, totalMarks: 0, replies: 0, votes: 0, links: 0, lastActivity: null });

function later(current: number | null, iso: string, now: number): number | null {
  const t = Math.min(Date.parse(iso), now);
  return Number.isNaN(t) || (current !== null && current >= t) ? current : t;
}

function addLayer(c: Counts, layer: LayerData, now: number): void {
  for (const a of layer.annotations) {
    c.marks[a.kind] = (c.marks[a.kind] ?? 0) + 1;
    c.totalMarks++;
    c.links += a.links.length;
    c.lastActivity = later(c.lastActivity, a.modified, now);
  }
  const { replies, votes, statuses } = layer.discussion;
  c.replies += replies.length;
  c.votes += votes.length;
  for (const r of replies) c.lastActivity = later(c.lastActivity, r.created, now);
  for (const v of votes) c.lastActivity = later(c.lastActivity, v.at, now);
  for (const s of statuses) c.lastActivity = later(c.lastActivity, s.at, now);
}

const TEAM_COLOR = '#5f6368';

type Row = Pick<StudentActivity, 'name' | 'color' | 'members'> & { people: string[] };

/** One row per student of the roster outside a team and one per team with a member who joined; `rowOf`: layer owner → row. */
function rowsOf(roster: ReadonlyMap<string, RosterEntry>, teams: Teams): { rows: Map<string, Row>; rowOf: Map<string, string> } {
  const rows = new Map<string, Row>();
  const rowOf = new Map<string, string>();
  for (const [id, entry] of roster) if (entry.role === 'student') rows.set(id, { name: entry.name, color: entry.color, people: [id] });
  for (const [teamId, team] of teams) {
    const joined = team.members.filter((m) => rows.has(m));
    if (joined.length === 0) continue;
    const row = teamOwner(teamId);
    rows.set(row, { name: team.name, color: TEAM_COLOR, people: joined, members: joined.map((id) => ({ id, name: roster.get(id)!.name })) });
    for (const m of joined) {
      rows.delete(m);
      rowOf.set(m, row);
    }
    rowOf.set(row, row);
  }
  for (const id of rows.keys()) if (!rowOf.has(id)) rowOf.set(id, id);
  return { rows, rowOf };
}

/** Every student of the roster (a team as one) with their activity, sorted by name. */
export function studentActivity({ roster, layers, present, now, idleMs, teams = new Map() }: ActivityInput): StudentActivity[] {
  const { rows, rowOf } = rowsOf(roster, teams);
  const counts = new Map([...rows.keys()].map((id) => [id, blank()]));
  for (const layer of layers) {
    const c = counts.get(rowOf.get(layer.owner) ?? '');
    if (c) addLayer(c, layer, now);
  }
  return [...counts]
    .map(([id, c]) => {
      const { people, ...row } = rows.get(id)!;
      const here = people.find((p) => present.has(p));
      return {
        id,
        ...row,
        online: here !== undefined,
        article: (here && present.get(here)) ?? null,
        ...c,
        idle: c.lastActivity === null || now - c.lastActivity >= idleMs,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
