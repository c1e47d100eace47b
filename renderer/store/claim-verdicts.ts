/**
 * The claims of the corpus with their verdicts, for the views (the article's sidebar, the
 * argument map): the corpus's annotations grouped into claims (shared/claims/claim-groups.ts),
 * the teacher's verdicts and the class-vote setting from the corpus document, the votes from the
 * layers the user can see, and each claim's evidence. Also what the user may do: the teacher
 * gives or removes a verdict and lets the class vote; a student votes, in their own layer.
 * A verdict given on a mark that was since carried to a new version counts for its copy too
 * (shared/versions/carried-links.ts).
 */
import { useMemo } from 'react';
import { claimEvidence } from '../../shared/claims/claim-evidence';
import { claimGroups, type ClaimGroup } from '../../shared/claims/claim-groups';
import { claimVerdict, ownedVotes, readVerdicts, removeVerdict, setVerdictVote, writeVerdict, type ClaimVerdict, type OwnedVote, type Rating } from '../../shared/claims/verdict';
import { readSetting, writeSetting } from '../../shared/model/class-settings';
import { listArticles } from '../../shared/model/corpus';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import type { Author } from '../../shared/model/record';
import type { Located } from '../../shared/model/relations';
import { followCarriedVerdicts } from '../../shared/versions/carried-links';
import { useCorpusLayers, type CorpusAnnotation } from './corpus-annotations';
import { loadDoc } from './doc-store';
import { currentRole } from './sync';
import { useDoc, useDocValue } from './use-doc';

export interface ClaimView {
  claim: ClaimGroup;
  result: ClaimVerdict;
  /** the evidence and rebuttals linked to the claim, which a verdict may cite */
  evidence: Located[];
}

export interface ClaimVerdicts {
  claims: ClaimView[];
  /** each mark's claim */
  byMark: Map<string, ClaimView>;
  byVote: boolean;
}

const readByVote = (doc: Parameters<typeof readSetting>[0]) => readSetting(doc, 'verdictVote');

const NO_VOTES: OwnedVote[] = [];

/** The claims of `all` (the corpus's annotations the user sees, useCorpusAnnotations) with their verdicts. */
export function useClaimVerdicts(corpus: string, me: string, all: CorpusAnnotation[] | undefined): ClaimVerdicts | undefined {
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const verdicts = useDocValue(corpusDoc, readVerdicts);
  const byVote = useDocValue(corpusDoc, readByVote) ?? false;
  const votes = useCorpusLayers(corpus, me, byVote, ownedVotes) ?? NO_VOTES;
  const articles = useDocValue(corpusDoc, listArticles);
  return useMemo(() => {
    if (!all || !verdicts || !articles) return undefined;
    const [given, cast] = [followCarriedVerdicts(verdicts, all, articles), followCarriedVerdicts(votes, all, articles)];
    const claims = claimGroups(all).map((claim) => ({
      claim,
      result: claimVerdict(claim.marks.map((m) => m.annotation.id), given, cast, byVote),
      evidence: claimEvidence(claim, all),
    }));
    const byMark = new Map(claims.flatMap((view) => view.claim.marks.map((m) => [m.annotation.id, view] as const)));
    return { claims, byMark, byVote };
  }, [all, verdicts, votes, byVote, articles]);
}

/** The teacher gives verdicts (and, outside a class, the user is their own teacher). */
export function canGiveVerdicts(): boolean {
  const role = currentRole();
  return role === 'teacher' || role === null;
}

export function canVote(byVote: boolean): boolean {
  return byVote && currentRole() === 'student';
}

const markIds = (claim: ClaimGroup) => claim.marks.map((m) => m.annotation.id);

export async function giveVerdict(corpus: string, claim: ClaimGroup, author: Author, rating: Rating, justification: string, evidence: string[], now = new Date()): Promise<void> {
  const doc = await loadDoc(corpusDocName(corpus));
  writeVerdict(doc, { about: claim.id, rating, justification: justification.trim(), evidence, author, at: now.toISOString() }, markIds(claim));
}

export async function withdrawVerdict(corpus: string, claim: ClaimGroup): Promise<void> {
  removeVerdict(await loadDoc(corpusDocName(corpus)), markIds(claim));
}

export async function letClassVote(corpus: string, on: boolean): Promise<void> {
  writeSetting(await loadDoc(corpusDocName(corpus)), 'verdictVote', on);
}

/** The user's vote on the claim, kept on its mark in `article` (their votes in its other articles are withdrawn); null withdraws it. */
export async function voteOn(corpus: string, claim: ClaimGroup, article: string, author: Author, rating: Rating | null, now = new Date()): Promise<void> {
  const mark = claim.marks.find((m) => m.article === article) ?? claim.marks[0]!;
  for (const where of new Set(claim.marks.map((m) => m.article))) {
    const layer = await loadDoc(layerDocName(corpus, where, author.id));
    const vote = rating && where === mark.article ? { about: mark.annotation.id, rating, author, at: now.toISOString() } : null;
    setVerdictVote(layer, vote, markIds(claim));
  }
}
