/**
 * Names of the Yjs documents of a corpus (ARCHITECTURE.md §2), part of the protocol with the
 * server (with shared/protocol/): the server grants access by these names alone, so they are
 * built and parsed in this one place.
 */
import { isId } from '../protocol/fields';

export type DocName =
  | { kind: 'corpus'; corpus: string }
  | { kind: 'text'; corpus: string; article: string }
  | { kind: 'source'; corpus: string; article: string }
  | { kind: 'layer'; corpus: string; article: string; owner: string }
  | { kind: 'feedback'; corpus: string; student: string };

/** Owner name of the reference (curation) layer, written by the teacher. */
export const GOLD_OWNER = 'gold';

/** Team layers (issue 12, teams.ts): the owner of team `id`'s layer is `team-<id>`; no user id is a team's. */
export const TEAM_PREFIX = 'team-';

export function teamOwner(team: string): string {
  check(`${TEAM_PREFIX}${team}`);
  return `${TEAM_PREFIX}${team}`;
}

/** The team whose layer `owner` names, or null when it is not a team layer. */
export function teamOfOwner(owner: string): string | null {
  return owner.startsWith(TEAM_PREFIX) && owner.length > TEAM_PREFIX.length ? owner.slice(TEAM_PREFIX.length) : null;
}

function check(...ids: string[]): void {
  for (const id of ids) if (!isId(id)) throw new Error(`invalid id in document name: ${JSON.stringify(id)}`);
}

export function corpusDocName(corpus: string): string {
  check(corpus);
  return `corpus/${corpus}`;
}

export function textDocName(corpus: string, article: string): string {
  check(corpus, article);
  return `corpus/${corpus}/text/${article}`;
}

/** The saved page an article was imported from (model/page-source.ts): written like a text. */
export function sourceDocName(corpus: string, article: string): string {
  check(corpus, article);
  return `corpus/${corpus}/source/${article}`;
}

export function layerDocName(corpus: string, article: string, owner: string): string {
  check(corpus, article, owner);
  return `corpus/${corpus}/layer/${article}/${owner}`;
}

/** The private feedback between the teachers and one student (feedback.ts). */
export function feedbackDocName(corpus: string, student: string): string {
  check(corpus, student);
  return `corpus/${corpus}/feedback/${student}`;
}

/** Parses a document name; null for anything that is not one of ours. */
export function parseDocName(name: string): DocName | null {
  const parts = name.split('/');
  if (parts[0] !== 'corpus' || !parts.slice(1).every(isId)) return null;
  if (parts.length === 2) return { kind: 'corpus', corpus: parts[1]! };
  if (parts.length === 4 && parts[2] === 'text') return { kind: 'text', corpus: parts[1]!, article: parts[3]! };
  if (parts.length === 4 && parts[2] === 'source') return { kind: 'source', corpus: parts[1]!, article: parts[3]! };
  if (parts.length === 5 && parts[2] === 'layer') {
    return { kind: 'layer', corpus: parts[1]!, article: parts[3]!, owner: parts[4]! };
  }
  if (parts.length === 4 && parts[2] === 'feedback') return { kind: 'feedback', corpus: parts[1]!, student: parts[3]! };
  return null;
}
