/**
 * A verdict on a claim (docs/claims.md, "Verdicts"): a rating on a five-word scale with a
 * justification citing the evidence and rebuttals linked to the claim. The teacher's verdicts live
 * in the corpus document (which only the teacher writes) in the `verdicts` map, keyed by the id of
 * one of the claim's marks, so a verdict survives the claim's group changing; the claim's verdict
 * is the newest one on any of its marks. Students' votes (when the teacher lets the class vote, the
 * `verdictVote` class setting) live in each voter's own layer, in `verdictVotes`, also keyed by a
 * mark id; a voter's newest vote on the claim's marks counts once. The class verdict is the rating
 * with the most votes; a tie at the top gives `unproven` (the class has not settled it). The
 * teacher's verdict wins over the vote. The server checks both maps (verdict-shape.ts).
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { readSetting } from '../model/class-settings';
import { GOLD_OWNER } from '../model/doc-names';
import { LOCAL } from '../model/origins';
import { authorSchema, MAX_NOTE_LENGTH } from '../model/record';

export const RATINGS = ['accurate', 'misleading', 'false', 'unproven', 'opinion'] as const;
export type Rating = (typeof RATINGS)[number];

export const VERDICTS_ROOT = 'verdicts';
export const VERDICT_VOTES_ROOT = 'verdictVotes';
export const MAX_CITED = 50;

const id = z.string().min(1).max(64);

export const verdictSchema = z.object({
  /** a mark of the claim (any of them) */
  about: id,
  rating: z.enum(RATINGS),
  justification: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
  /** ids of the evidence and rebuttal marks the justification cites */
  evidence: z.array(id).max(MAX_CITED),
  author: authorSchema,
  at: z.iso.datetime(),
});

export const verdictVoteSchema = z.object({ about: id, rating: z.enum(RATINGS), author: authorSchema, at: z.iso.datetime() });

export type Verdict = z.infer<typeof verdictSchema>;
export type VerdictVote = z.infer<typeof verdictVoteSchema>;
export const ownedVoteSchema = verdictVoteSchema.extend({ owner: id });
/** a vote with the owner of the layer it was read from: the voter */
export type OwnedVote = z.infer<typeof ownedVoteSchema>;

/** Everything that decides the corpus's verdicts, as exports carry it (corpus.json of a bundle). */
export const verdictDataSchema = z.object({ verdicts: z.array(verdictSchema), votes: z.array(ownedVoteSchema), byVote: z.boolean() });
export type VerdictData = z.infer<typeof verdictDataSchema>;

function readPlain<T>(map: Y.Map<unknown>, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  map.forEach((value, about) => {
    const parsed = schema.safeParse(value && typeof value === 'object' ? { ...value, about } : value);
    if (parsed.success) out.push(parsed.data);
  });
  return out;
}

/** The teacher's verdicts of a corpus document, valid ones only. */
export function readVerdicts(corpusDoc: Y.Doc): Verdict[] {
  return readPlain(corpusDoc.getMap<unknown>(VERDICTS_ROOT), verdictSchema);
}

/** Gives a claim its verdict, on the mark `verdict.about`; the claim's other marks' verdicts are removed. */
export function writeVerdict(corpusDoc: Y.Doc, verdict: Verdict, claimMarks: readonly string[]): void {
  const { about, ...rest } = verdictSchema.parse(verdict);
  const map = corpusDoc.getMap<unknown>(VERDICTS_ROOT);
  corpusDoc.transact(() => {
    for (const mark of claimMarks) if (mark !== about && map.has(mark)) map.delete(mark);
    map.set(about, rest);
  }, LOCAL);
}

export function removeVerdict(corpusDoc: Y.Doc, claimMarks: readonly string[]): void {
  const map = corpusDoc.getMap<unknown>(VERDICTS_ROOT);
  corpusDoc.transact(() => claimMarks.forEach((mark) => map.has(mark) && map.delete(mark)), LOCAL);
}

export function readVerdictVotes(layer: Y.Doc): VerdictVote[] {
  return readPlain(layer.getMap<unknown>(VERDICT_VOTES_ROOT), verdictVoteSchema);
}

/** Sets the layer owner's vote on the claim of `about`, or (rating null) withdraws their votes on `claimMarks`. */
export function setVerdictVote(layer: Y.Doc, vote: VerdictVote | null, claimMarks: readonly string[]): void {
  const map = layer.getMap<unknown>(VERDICT_VOTES_ROOT);
  const parsed = vote && verdictVoteSchema.parse(vote);
  layer.transact(() => {
    for (const mark of claimMarks) if (mark !== parsed?.about && map.has(mark)) map.delete(mark);
    if (parsed) {
      const { about, ...rest } = parsed;
      map.set(about, rest);
    }
  }, LOCAL);
}

/** The votes of the layers given (the gold layer's aside), each with its voter. */
export function ownedVotes(layers: Iterable<{ owner: string; doc: Y.Doc }>): OwnedVote[] {
  const out: OwnedVote[] = [];
  for (const { owner, doc } of layers) if (owner !== GOLD_OWNER) for (const v of readVerdictVotes(doc)) out.push({ ...v, owner });
  return out;
}

/** What decides the corpus's verdicts: the teacher's, and the class's votes when the class may vote. */
export function verdictData(corpusDoc: Y.Doc, layers: Iterable<{ owner: string; doc: Y.Doc }>): VerdictData {
  const byVote = readSetting(corpusDoc, 'verdictVote');
  return { verdicts: readVerdicts(corpusDoc), votes: byVote ? ownedVotes(layers) : [], byVote };
}

export type Tally = Record<Rating, number>;

export interface ClaimVerdict {
  /** the rating shown: the teacher's, else the class's */
  rating: Rating | null;
  source: 'teacher' | 'vote' | null;
  /** the teacher's verdict, when there is one */
  verdict?: Verdict;
  /** one vote per voter (their newest on the claim's marks) */
  tally: Tally;
  votes: number;
  /** the class vote is tied at the top (its rating is then `unproven`) */
  tie: boolean;
  /** the ids of the voters' counted votes' owners mapped to their rating */
  byVoter: Map<string, Rating>;
}

const newer = <T extends { at: string; about: string }>(a: T, b: T | undefined): boolean => !b || a.at > b.at || (a.at === b.at && a.about < b.about);

/** The class vote's result from a tally: the rating with most votes, `unproven` on a tie, null without votes. */
export function majority(tally: Tally): { rating: Rating | null; tie: boolean } {
  const top = Math.max(...RATINGS.map((r) => tally[r]));
  if (top === 0) return { rating: null, tie: false };
  const leaders = RATINGS.filter((r) => tally[r] === top);
  return leaders.length === 1 ? { rating: leaders[0]!, tie: false } : { rating: 'unproven', tie: true };
}

/** The verdict of the claim made of `marks`: the newest teacher verdict on any of them, else (when the class may vote) the class's. */
export function claimVerdict(marks: readonly string[], verdicts: readonly Verdict[], votes: readonly OwnedVote[], byVote: boolean): ClaimVerdict {
  const inClaim = new Set(marks);
  let verdict: Verdict | undefined;
  for (const v of verdicts) if (inClaim.has(v.about) && newer(v, verdict)) verdict = v;
  const latest = new Map<string, OwnedVote>();
  if (byVote) for (const v of votes) if (inClaim.has(v.about) && newer(v, latest.get(v.owner))) latest.set(v.owner, v);
  const tally = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Tally;
  const byVoter = new Map<string, Rating>();
  for (const [owner, v] of latest) {
    tally[v.rating]++;
    byVoter.set(owner, v.rating);
  }
  const vote = majority(tally);
  const base = { tally, votes: latest.size, tie: vote.tie, byVoter };
  if (verdict) return { ...base, rating: verdict.rating, source: 'teacher', verdict };
  return { ...base, rating: vote.rating, source: vote.rating ? 'vote' : null };
}
