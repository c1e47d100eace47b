/**
 * What each student of a class has done, for the teacher's dashboard: marks by kind, replies,
 * votes and links made, the time of their last piece of work, the article they have open, and
 * whether they have done nothing for the idle limit (a student who may be stuck). Pure: layers,
 * roster, presence and the clock come in as values, so it runs in tests without a browser.
 * Times are the ones the students' records carry (their clocks): one in the future counts as now.
 */
import type { DiscussionRead } from '../../../shared/model/discussion';
import type { Annotation } from '../../../shared/model/record';
import type { RosterEntry } from '../../../shared/model/roster';

/** One author's layer on one article, read and validated. */
export interface LayerData {
  owner: string;
  article: string;
  annotations: readonly Annotation[];
  discussion: DiscussionRead;
}

export interface StudentActivity {
  id: string;
  name: string;
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

/** Every student of the roster with their activity, sorted by name. */
export function studentActivity({ roster, layers, present, now, idleMs }: ActivityInput): StudentActivity[] {
  const counts = new Map<string, Counts>();
  for (const [id, entry] of roster) if (entry.role === 'student') counts.set(id, blank());
  for (const layer of layers) {
    const c = counts.get(layer.owner);
    if (c) addLayer(c, layer, now);
  }
  return [...counts]
    .map(([id, c]) => {
      const entry = roster.get(id)!;
      return {
        id,
        name: entry.name,
        color: entry.color,
        online: present.has(id),
        article: present.get(id) ?? null,
        ...c,
        idle: c.lastActivity === null || now - c.lastActivity >= idleMs,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
