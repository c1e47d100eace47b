/**
 * Concurrent extensions merge (assignment-extensions.ts): two teacher windows (two Yjs documents)
 * extend and take back extensions of the same assignment at random, exchanging updates at random
 * moments; once both have everything, both read the same extensions, and a student extended by
 * one window only has exactly that window's last extension — none lost to the other window. Seeded: the
 * seed is in the test's name. Also: an older class's extensions in the assignment entry are read
 * and can be taken back.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { extendFor, readAssignments, writeAssignment, type Assignment } from '../../../shared/model/assignments';
import { prng } from '../../support/prng';

const assignment = (extensions: Record<string, number> = {}): Assignment => ({
  title: 'Claims',
  articles: ['a1'],
  instructions: '',
  kinds: null,
  due: 1_000,
  extensions,
  created: 1,
});

function exchange(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('concurrent extensions', () => {
  for (const seed of [1, 7, 42, 2026]) {
    it(`merge between two teacher windows (seed ${seed})`, () => {
      const random = prng(seed);
      const windows = [new Y.Doc(), new Y.Doc()] as const;
      writeAssignment(windows[0], 'as1', assignment());
      exchange(windows[0], windows[1]);
      const students = Array.from({ length: 60 }, (_, i) => `s${i}`);
      /** each window's last write per student (null: taken back) */
      const last = [new Map<string, number | null>(), new Map<string, number | null>()];
      for (let step = 0; step < 80; step++) {
        const w = Math.floor(random() * 2);
        const student = students[Math.floor(random() * students.length)]!;
        const until = random() < 0.2 ? null : 2_000 + Math.floor(random() * 1e6);
        extendFor(windows[w]!, 'as1', student, until);
        last[w]!.set(student, until);
        if (random() < 0.1) exchange(windows[0], windows[1]);
        if (random() < 0.1) exchange(windows[1], windows[0]);
      }
      exchange(windows[0], windows[1]);
      exchange(windows[1], windows[0]);
      const [a, b] = windows.map((w) => readAssignments(w).get('as1')!.extensions);
      expect(a).toEqual(b);
      let single = 0;
      for (const student of students) {
        const candidates = last.filter((m) => m.has(student)).map((m) => m.get(student) ?? undefined);
        if (candidates.length === 0) expect(a![student]).toBeUndefined();
        // written by one window only: nothing the other window did may have lost it
        else if (candidates.length > 1) expect(candidates).toContain(a![student]);
        else {
          single++;
          expect(a![student]).toBe(candidates[0]);
        }
      }
      expect(single).toBeGreaterThan(3); // the check above has cases to bite on
    });
  }

  it('keeps both of two extensions made at the same moment in two windows', () => {
    const [one, two] = [new Y.Doc(), new Y.Doc()];
    writeAssignment(one, 'as1', assignment());
    exchange(one, two);
    extendFor(one, 'as1', 'ana', 5_000);
    extendFor(two, 'as1', 'ben', 6_000);
    exchange(one, two);
    exchange(two, one);
    expect(readAssignments(one).get('as1')!.extensions).toEqual({ ana: 5_000, ben: 6_000 });
    expect(readAssignments(two).get('as1')!.extensions).toEqual({ ana: 5_000, ben: 6_000 });
  });

  it('reads an older class’s extensions kept in the entry, and takes one back', () => {
    const doc = new Y.Doc();
    writeAssignment(doc, 'as1', assignment({ ana: 5_000, ben: 6_000 }));
    extendFor(doc, 'as1', 'ben', 9_000);
    expect(readAssignments(doc).get('as1')!.extensions).toEqual({ ana: 5_000, ben: 9_000 });
    extendFor(doc, 'as1', 'ana', null);
    expect(readAssignments(doc).get('as1')!.extensions).toEqual({ ben: 9_000 });
  });
});
