/**
 * What a token may do with one document (ARCHITECTURE.md §2), decided from the document
 * name alone: the teacher writes the corpus, the texts, the gold layer and their own layer
 * and reads everything; a student writes their own layer and reads the corpus, the texts
 * and the others' layers; an observer (the classroom projector) reads everything. Anything
 * outside the token's corpus, or not a document name, is denied.
 *
 * The class policy (class-policy.ts reads it from the corpus document): `blind` hides every
 * layer but their own (gold included) from a student, and every layer from the projector
 * (deny instead of read: the projector shows no student's work while blind), and `articles`
 * limits students and observers to the texts and layers of the corpus's articles, so nobody
 * but the teacher makes the server load documents for invented article ids.
 */
import { GOLD_OWNER, parseDocName } from '../../shared/model/doc-names';
import { feedbackAccess } from './feedback-access';
import { goldDecision } from './gold-policy';
import { teamLayerAccess, type Classwork } from './classwork-rules';
import type { ReasonCode } from './reasons';
import type { Claims } from './tokens';

export type Access = 'write' | 'read' | 'deny';

export interface CorpusPolicy {
  /** Students do not see each other's layers (until revealed). */
  blind: boolean;
  /** The corpus's article ids, when known: students and observers open texts and layers of these only. */
  articles?: ReadonlySet<string>;
  /** Members the teacher removed: refused everything. */
  removed?: ReadonlySet<string>;
  /** The teacher has shown the gold layer to the class (gold-policy.ts: hidden from students until then). */
  goldRevealed?: boolean;
  /** The projector may show students' names (the teacher's choice; presence-filter.ts strips them otherwise). */
  projectorNames?: boolean;
  /** Students may vote on claims' verdicts (the `verdictVote` class setting; entry-rules.ts). */
  verdictVote?: boolean;
  /** Assignments and teams (classwork-rules.ts). */
  classwork?: Classwork;
}

export const OPEN_POLICY: CorpusPolicy = { blind: false };

export interface Decision {
  access: Access;
  /** Why access is denied; absent otherwise. */
  reason?: ReasonCode;
}

export function decide(claims: Pick<Claims, 'role' | 'user' | 'corpus'>, docName: string, policy: CorpusPolicy = OPEN_POLICY): Decision {
  const doc = parseDocName(docName);
  if (!doc) return { access: 'deny', reason: 'unknown-document' };
  if (doc.corpus !== claims.corpus) return { access: 'deny', reason: 'wrong-corpus' };
  if (policy.removed?.has(claims.user)) return { access: 'deny', reason: 'member-removed' };
  // a student's private feedback: its own rule (feedback-access.ts)
  if (doc.kind === 'feedback') return feedbackAccess(claims, doc);
  if (claims.role !== 'teacher' && doc.kind !== 'corpus' && policy.articles && !policy.articles.has(doc.article)) {
    return { access: 'deny', reason: 'unknown-document' };
  }
  const gold = goldDecision(claims, doc, policy);
  if (gold) return gold;
  const team = teamLayerAccess(claims, doc, policy); // team layers: classwork-rules.ts
  if (team) return team;
  // Nobody owns the gold layer by user id: a student named "gold" still only reads it.
  const own = doc.kind === 'layer' && doc.owner === claims.user && doc.owner !== GOLD_OWNER;
  switch (claims.role) {
    case 'observer':
      if (doc.kind === 'layer' && policy.blind) return { access: 'deny', reason: 'forbidden-read' };
      return { access: 'read' };
    case 'teacher':
      return { access: doc.kind !== 'layer' || own || doc.owner === GOLD_OWNER ? 'write' : 'read' };
    case 'student':
      if (own) return { access: 'write' };
      if (doc.kind === 'layer' && policy.blind) return { access: 'deny', reason: 'forbidden-read' };
      return { access: 'read' };
  }
}

/** Shorthand for tests and callers that only need the verdict. */
export function access(claims: Pick<Claims, 'role' | 'user' | 'corpus'>, docName: string, policy?: CorpusPolicy): Access {
  return decide(claims, docName, policy).access;
}
