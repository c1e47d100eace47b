/**
 * The assignment and team models (shared/model/assignments.ts, teams.ts) and the shape the
 * server accepts in the corpus document (classwork-shape.ts), on hand-built cases: the due-time
 * rule with extensions and overlapping assignments, team membership and the layer a student
 * writes, and what a scratch copy refuses.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closesAt, dueFor, extendFor, isClosed, readAssignments, writeAssignment, type Assignment } from '../../../shared/model/assignments';
import { classworkProblem, classworkRoots } from '../../../shared/model/classwork-shape';
import { teamOfOwner, teamOwner } from '../../../shared/model/doc-names';
import { moveToTeam, readTeams, teamOf, teamsMap, writeTeam, writerOwner } from '../../../shared/model/teams';

const base: Assignment = { title: 'T', articles: ['a1'], instructions: '', kinds: null, due: 1_000, extensions: {}, created: 1 };

describe('the due-time rule', () => {
  const assignments = new Map<string, Assignment>([
    ['one', { ...base, extensions: { late: 5_000 } }],
    ['two', { ...base, articles: ['a2', 'a3'], due: null }],
    ['three', { ...base, articles: ['a3'], due: 2_000 }],
  ]);
  it('closes an article at its due time, later for a student with an extension', () => {
    expect(isClosed(assignments, 'a1', 'alice', 999)).toBe(false);
    expect(isClosed(assignments, 'a1', 'alice', 1_000)).toBe(true);
    expect(isClosed(assignments, 'a1', 'late', 4_999)).toBe(false);
    expect(isClosed(assignments, 'a1', 'late', 5_000)).toBe(true);
    expect(dueFor(assignments.get('one')!, 'late')).toBe(5_000);
    expect(closesAt(assignments, 'a1', 'alice')).toBe(1_000);
  });
  it('never closes an article outside every assignment, nor one that an open assignment includes', () => {
    expect(isClosed(assignments, 'elsewhere', 'alice', 1e12)).toBe(false);
    expect(isClosed(assignments, 'a3', 'alice', 1e12)).toBe(false); // "two" has no due time
    expect(closesAt(assignments, 'a3', 'alice')).toBeNull();
  });
  it('writes, reads back and extends through the corpus document, skipping a malformed entry', () => {
    const doc = new Y.Doc();
    writeAssignment(doc, 'one', base);
    doc.getMap('assignments').set('broken', { title: 42 });
    extendFor(doc, 'one', 'bob', 9_000);
    expect([...readAssignments(doc).keys()]).toEqual(['one']);
    expect(readAssignments(doc).get('one')!.extensions).toEqual({ bob: 9_000 });
    extendFor(doc, 'one', 'bob', null);
    expect(readAssignments(doc).get('one')!.extensions).toEqual({});
    expect(() => writeAssignment(doc, 'x', { ...base, articles: [] })).toThrow();
  });
});

describe('teams', () => {
  it('name a team layer team-<id> and tell it apart from a user', () => {
    expect(teamOwner('t1')).toBe('team-t1');
    expect(teamOfOwner('team-t1')).toBe('t1');
    expect(teamOfOwner('alice')).toBeNull();
    expect(teamOfOwner('team-')).toBeNull();
  });
  it('move a student between teams in one step and give them their team’s layer', () => {
    const doc = new Y.Doc();
    writeTeam(doc, 't1', { name: 'Reds', members: ['alice', 'bob'] });
    writeTeam(doc, 't2', { name: 'Blues', members: [] });
    moveToTeam(doc, 'bob', 't2');
    const teams = readTeams(doc);
    expect(teams.get('t1')!.members).toEqual(['alice']);
    expect(teams.get('t2')!.members).toEqual(['bob']);
    expect(teamOf(teams, 'bob')).toBe('t2');
    expect(writerOwner(teams, 'bob')).toBe('team-t2');
    expect(writerOwner(teams, 'carol')).toBe('carol');
    moveToTeam(doc, 'bob', null);
    expect(teamOf(readTeams(doc), 'bob')).toBeNull();
  });
});

describe('the shape the server accepts', () => {
  /** Applies `write` (made on another peer) to a scratch copy of `base` and returns the first problem found. */
  function check(write: (doc: Y.Doc) => void, before: (doc: Y.Doc) => void = () => {}): string | null {
    const origin = new Y.Doc();
    before(origin);
    const scratch = new Y.Doc();
    classworkRoots(scratch);
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(origin));
    const sv = Y.encodeStateVector(origin);
    write(origin);
    let problem: string | null = null;
    scratch.on('afterTransaction', (tr: Y.Transaction) => (problem ??= classworkProblem(scratch, tr)));
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(origin, sv));
    return problem;
  }
  it('accepts valid entries and deletions', () => {
    expect(check((d) => writeAssignment(d, 'one', base))).toBeNull();
    expect(check((d) => d.getMap('assignments').delete('one'), (d) => writeAssignment(d, 'one', base))).toBeNull();
    expect(check((d) => writeTeam(d, 't1', { name: 'Reds', members: ['alice'] }))).toBeNull();
  });
  it('refuses unknown fields, wrong types, bad ids, nested shared types and a student in two teams', () => {
    expect(check((d) => d.getMap('assignments').set('one', { ...base, html: '<b>' }))).toMatch(/assignments\/one/);
    expect(check((d) => d.getMap('assignments').set('one', { ...base, due: 'tomorrow' }))).toMatch(/due/);
    expect(check((d) => d.getMap('assignments').set('bad id!', base))).toMatch(/invalid id/);
    expect(check((d) => d.getMap('assignments').set('one', new Y.Map()))).toMatch(/plain JSON/);
    expect(check((d) => teamsMap(d).set('t2', { name: 'Blues', members: ['alice'] }), (d) => writeTeam(d, 't1', { name: 'Reds', members: ['alice'] }))).toMatch(/two teams/);
    expect(check((d) => teamsMap(d).set('x'.repeat(60), { name: 'Long', members: [] }))).toMatch(/invalid id/);
  });
});
