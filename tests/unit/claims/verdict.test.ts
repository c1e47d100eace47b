/**
 * The verdict model: a verdict is kept on a mark and found by any mark of its claim (so it
 * survives the claim's group changing), the newest one wins, the class vote counts one vote per
 * voter with a tie giving "unproven", and the teacher's verdict wins over the vote.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { claimVerdict, majority, readVerdicts, readVerdictVotes, removeVerdict, setVerdictVote, writeVerdict, type OwnedVote, type Tally, type Verdict } from '../../../shared/claims/verdict';

const author = { id: 'prof', name: 'Prof', color: '#0072b2' };
const verdict = (about: string, rating: Verdict['rating'], at: string): Verdict => ({ about, rating, justification: 'Because.', evidence: [], author, at: `2026-01-01T10:00:${at}.000Z` });
const vote = (owner: string, about: string, rating: Verdict['rating'], at = '00'): OwnedVote => ({ owner, about, rating, author: { ...author, id: owner }, at: `2026-01-01T10:00:${at}.000Z` });
const tally = (counts: Partial<Tally>): Tally => ({ accurate: 0, misleading: 0, false: 0, unproven: 0, opinion: 0, ...counts });

describe('verdict records', () => {
  it('writes a verdict on one mark and drops the claim’s older ones', () => {
    const doc = new Y.Doc();
    writeVerdict(doc, verdict('b', 'false', '01'), ['a', 'b']);
    writeVerdict(doc, verdict('a', 'accurate', '02'), ['a', 'b']);
    expect(readVerdicts(doc).map((v) => [v.about, v.rating])).toEqual([['a', 'accurate']]);
    removeVerdict(doc, ['a', 'b']);
    expect(readVerdicts(doc)).toEqual([]);
  });

  it('skips a malformed entry written by a broken peer', () => {
    const doc = new Y.Doc();
    doc.getMap('verdicts').set('x', { rating: 'nonsense' });
    writeVerdict(doc, verdict('a', 'opinion', '01'), ['a']);
    expect(readVerdicts(doc).map((v) => v.about)).toEqual(['a']);
  });

  it('refuses to write a verdict without a justification', () => {
    expect(() => writeVerdict(new Y.Doc(), { ...verdict('a', 'false', '01'), justification: ' ' }, ['a'])).toThrow();
  });

  it('keeps one vote of a voter per claim', () => {
    const layer = new Y.Doc();
    const { owner: _, ...v } = vote('ana', 'a', 'false');
    setVerdictVote(layer, v, ['a', 'b']);
    setVerdictVote(layer, { ...v, about: 'b', rating: 'misleading' }, ['a', 'b']);
    expect(readVerdictVotes(layer).map((x) => [x.about, x.rating])).toEqual([['b', 'misleading']]);
    setVerdictVote(layer, null, ['a', 'b']);
    expect(readVerdictVotes(layer)).toEqual([]);
  });
});

describe('a claim’s verdict', () => {
  it('is the newest teacher verdict on any of the claim’s marks', () => {
    const verdicts = [verdict('a', 'false', '01'), verdict('b', 'misleading', '05'), verdict('z', 'accurate', '09')];
    expect(claimVerdict(['a', 'b'], verdicts, [], false)).toMatchObject({ rating: 'misleading', source: 'teacher' });
    // the group split: each part keeps the verdict given on its own mark
    expect(claimVerdict(['a'], verdicts, [], false)).toMatchObject({ rating: 'false', source: 'teacher' });
  });

  it('has none without a verdict, or with votes while the class may not vote', () => {
    expect(claimVerdict(['a'], [], [vote('ana', 'a', 'false')], false)).toMatchObject({ rating: null, source: null, votes: 0 });
  });

  it('is the class’s majority when the class votes, one vote per voter (their newest)', () => {
    const votes = [vote('ana', 'a', 'false', '01'), vote('ana', 'b', 'accurate', '02'), vote('ben', 'a', 'accurate'), vote('cy', 'b', 'false'), vote('dee', 'b', 'accurate'), vote('eve', 'x', 'false')];
    const result = claimVerdict(['a', 'b'], [], votes, true);
    expect(result).toMatchObject({ rating: 'accurate', source: 'vote', votes: 4, tie: false });
    expect(result.tally).toEqual(tally({ accurate: 3, false: 1 }));
  });

  it('lets the teacher’s verdict win over the vote', () => {
    const result = claimVerdict(['a'], [verdict('a', 'opinion', '00')], [vote('ana', 'a', 'false'), vote('ben', 'a', 'false')], true);
    expect(result).toMatchObject({ rating: 'opinion', source: 'teacher', votes: 2 });
  });
});

describe('majority', () => {
  it('takes the rating with the most votes', () => expect(majority(tally({ false: 2, misleading: 1 }))).toEqual({ rating: 'false', tie: false }));
  it('gives unproven on a tie at the top', () => expect(majority(tally({ false: 2, accurate: 2, opinion: 1 }))).toEqual({ rating: 'unproven', tie: true }));
  it('gives nothing without votes', () => expect(majority(tally({}))).toEqual({ rating: null, tie: false }));
});
