/**
 * The quick check of annotation records against zod's schema: whatever it accepts, zod accepts
 * with the very same result (unknown keys dropped, optional keys kept as given), on valid
 * records, on each field broken in the ways a hostile peer would, and on random mixtures; and it
 * does accept the common record (otherwise it would be of no use).
 */
import { describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH, annotationSchema, linkSchema, authorSchema } from '../../../shared/model/record';
import { fastAnnotation } from '../../../shared/model/record-fast-check';
import { prng } from '../../support/prng';

const valid = () => ({
  id: 'rec_1',
  kind: 'claim',
  target: { start: 3, end: 9, exact: 'quoted', prefix: 'before ', suffix: ' after' },
  note: 'a note',
  author: { id: 'ana', name: 'Ana', color: '#0072B2' },
  created: '2026-11-22T10:00:00.000Z',
  modified: '2026-11-22T10:00:05Z',
  links: [{ to: 'rec_2', rel: 'rebuts' }, { to: 'rec_3', rel: 'supports', article: '001' }],
  status: 'open',
});

/** Values a hostile or broken peer may put in any field. */
const hostile: unknown[] = [
  undefined, null, '', ' ', 'x', 'x'.repeat(33), 'x'.repeat(65), 'x'.repeat(81), 'x'.repeat(MAX_NOTE_LENGTH + 1),
  0, -1, 1.5, -0, NaN, Infinity, 2 ** 53, '3', true, false, [], [1], {}, { to: 'a' }, new Date(0),
  '#0072b2', '#0072B', 'red', '2026-11-22', '2026-11-22T10:00:00+02:00', '2026-13-22T10:00:00Z', '2026-11-22T10:00:00.000Z',
  'open', 'resolved', 'closed', [{ to: 'a', rel: 'b', article: 'x'.repeat(65) }], [{ to: '', rel: 'b' }], [{ to: 'a', rel: 'b', article: undefined }],
];

const paths = [
  ['id'], ['kind'], ['note'], ['created'], ['modified'], ['status'], ['links'], ['detached'], ['extra'],
  ['target'], ['target', 'start'], ['target', 'end'], ['target', 'exact'], ['target', 'prefix'], ['target', 'suffix'], ['target', 'more'],
  ['author'], ['author', 'id'], ['author', 'name'], ['author', 'color'],
  ['links', '0'], ['links', '0', 'to'], ['links', '0', 'rel'], ['links', '1', 'article'],
];

function withValue(path: string[], value: unknown): Record<string, unknown> {
  const record: Record<string, unknown> = valid();
  let at: Record<string, unknown> = record;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
  return record;
}

/** The property: a record the quick check accepts is accepted by zod, with an equal result. */
function agrees(record: unknown): boolean {
  const fast = fastAnnotation(record);
  const zod = annotationSchema.safeParse(record);
  if (fast) {
    expect(zod.success, JSON.stringify(record)).toBe(true);
    expect(fast).toStrictEqual(zod.data);
  }
  return fast !== null;
}

describe('the quick record check', () => {
  it('accepts the common record, with the result zod gives', () => {
    expect(agrees(valid())).toBe(true);
    expect(agrees({ ...valid(), detached: true, extra: 1, target: { ...valid().target, more: 2 } })).toBe(true);
    expect(agrees({ ...valid(), detached: undefined })).toBe(true);
  });

  it('returns the same fields as the schema has (a field added to the schema must be added here)', () => {
    const fast = fastAnnotation({ ...valid(), detached: false })!;
    expect(Object.keys(fast).sort()).toEqual(Object.keys(annotationSchema.shape).sort());
    expect(Object.keys(fast.author).sort()).toEqual(Object.keys(authorSchema.shape).sort());
    expect(Object.keys(fast.links[1]!).sort()).toEqual(Object.keys(linkSchema.shape).sort());
    expect(Object.keys(fast.target).sort()).toEqual(['end', 'exact', 'prefix', 'start', 'suffix']);
  });

  it('never accepts a record zod refuses, whichever field is broken and how', () => {
    let refused = 0;
    for (const path of paths) for (const value of hostile) if (!agrees(withValue(path, value))) refused++;
    expect(refused).toBeGreaterThan(paths.length * 10);
    for (const value of hostile) expect(agrees(value)).toBe(false);
    expect(agrees(withValue(['target', 'end'], 3))).toBe(false);
    expect(agrees(Object.assign(Object.create({ inherited: 1 }) as object, valid()))).toBe(false);
  });

  it('agrees with zod on random mixtures of broken fields', () => {
    const random = prng(10);
    for (let i = 0; i < 3000; i++) {
      let record: Record<string, unknown> = valid();
      const changes = 1 + Math.floor(random() * 3);
      for (let c = 0; c < changes; c++) {
        const path = paths[Math.floor(random() * paths.length)]!;
        const value = hostile[Math.floor(random() * hostile.length)];
        try {
          let at: Record<string, unknown> = record;
          for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
          at[path[path.length - 1]!] = value;
        } catch {
          record = valid();
        }
      }
      agrees(record);
    }
  });
});
