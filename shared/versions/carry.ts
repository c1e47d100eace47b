/**
 * Carrying one author's annotations from an article's version to the next. A new version is a new
 * text document (its text is inserted whole, as every imported article is), so no Yjs relative
 * position into the old text exists in it: each record is found again by its W3C selectors, with
 * the anchoring chain of ARCHITECTURE.md §4 (shared/anchor/resolve.ts), and says how:
 *
 * - `exact`: the quote with the same context (32 code points on each side), maybe at another
 *   offset — the text before it grew or shrank, the passage itself did not change;
 * - `moved`: the same words, but the text around them changed (the record gets selectors at the new place);
 * - `fuzzy`: similar words only (above the resolver's minimum score; selectors at the new place);
 * - `orphan`: not found; carried detached, with its old selectors, so it is listed, never dropped.
 *
 * Ids are deterministic (the new article's id and the old record's id), so carrying twice, on
 * two machines of the same author, or the author and a classmate carrying their own marks that
 * link to each other, always gives the same ids: a link to a mark of the old version is carried
 * as a link to that mark's carried id. Links to other articles are kept as they are. The author's
 * replies, votes and status records about marks of the old version are carried the same way, about
 * the carried marks (whoever carries them). The gold layer is carried like any other layer (by the
 * teacher's app), and its curation decisions with it: a decision about a student's span is carried
 * as the same decision about that span's carried copy, whose id is known before the student's own
 * app has carried it (deterministic ids), pointing at the gold record's carried copy.
 */
import { resolveTarget } from '../anchor/resolve';
import { targetFor } from '../anchor/selectors';
import { sha256Hex } from '../model/corpus';
import { spanKey, type Decision } from '../model/curation';
import type { DiscussionRead, Reply, StatusRecord, Vote } from '../model/discussion';
import type { Annotation, Link } from '../model/record';
import { codePointIndex } from '../text/code-points';

export type CarryStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';

export interface Carried {
  /** the record in the new version */
  record: Annotation;
  /** its id in the old version */
  was: string;
  status: CarryStatus;
}

/** The id a record of the previous version gets in version `article`. */
export function carriedId(article: string, oldId: string): string {
  return sha256Hex(`glose:carry:${article}:${oldId}`).slice(0, 24);
}

function carriedLink(link: Link, from: string, to: string): Link {
  return link.article === undefined || link.article === from ? { to: carriedId(to, link.to), rel: link.rel } : link;
}

/** Carries `records` (one layer of article `from`) into article `to`, whose text is `text`. */
export function carryRecords(records: readonly Annotation[], from: string, to: string, text: string): Carried[] {
  const index = codePointIndex(text);
  return records.map((old): Carried => {
    const base = { ...old, id: carriedId(to, old.id), links: old.links.map((l) => carriedLink(l, from, to)) };
    const found = old.detached ? ({ status: 'orphan' } as const) : resolveTarget(index, old.target);
    if (found.status === 'orphan') return { record: { ...base, detached: true }, was: old.id, status: 'orphan' };
    const target = targetFor(index, found.start, found.end);
    const sameContext = target.exact === old.target.exact && target.prefix === old.target.prefix && target.suffix === old.target.suffix;
    const status = found.status === 'fuzzy' ? 'fuzzy' : sameContext ? 'exact' : 'moved';
    return { record: { ...base, target }, was: old.id, status };
  });
}

/** One discussion record carried: `key` is its key in its map (a reply's id, or the annotation a vote or status is about). */
export type CarriedTalk =
  | { of: 'reply'; key: string; was: string; value: Reply }
  | { of: 'vote'; key: string; was: string; value: Vote }
  | { of: 'status'; key: string; was: string; value: StatusRecord }
  | { of: 'decision'; key: string; was: string; value: Decision };

/** The author's discussion records of article `from` (one layer), about the marks carried into `to`. */
export function carryDiscussion(read: DiscussionRead, to: string): CarriedTalk[] {
  const about = (id: string) => carriedId(to, id);
  return [
    ...read.replies.map((r): CarriedTalk => ({ of: 'reply', key: about(r.id), was: r.id, value: { ...r, id: about(r.id), about: about(r.about) } })),
    ...read.votes.map((v): CarriedTalk => ({ of: 'vote', key: about(v.about), was: v.about, value: { ...v, about: about(v.about) } })),
    ...read.statuses.map((s): CarriedTalk => ({ of: 'status', key: about(s.about), was: s.about, value: { ...s, about: about(s.about) } })),
  ];
}

/** The gold layer's curation decisions about spans of article `from`, about their carried copies in `to`. */
export function carryDecisions(decisions: ReadonlyMap<string, Decision>, to: string): CarriedTalk[] {
  return [...decisions.values()].map((d): CarriedTalk => {
    const [owner, id] = d.about.split('/') as [string, string];
    const key = spanKey(owner, carriedId(to, id));
    return { of: 'decision', key, was: d.about, value: { ...d, about: key, ...(d.gold && { gold: carriedId(to, d.gold) }) } };
  });
}
