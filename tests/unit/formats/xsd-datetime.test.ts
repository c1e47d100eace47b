/**
 * isoFromXsd's fast path for dates already in the stored form (checked field by field, without
 * a Date): it keeps exactly the strings a Date would give back unchanged, on random instants
 * over years 0001–9999, and on canonical-looking strings that are no real date.
 */
import { describe, expect, it } from 'vitest';
import { isoFromXsd } from '../../../shared/formats/xsd-datetime';
import { prng } from '../../support/prng';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

describe('isoFromXsd on stored-form dates', () => {
  it('gives back every real instant of years 0001–9999 unchanged', () => {
    const random = prng(13);
    const first = new Date('0001-01-01T00:00:00.000Z').getTime();
    const last = new Date('9999-12-31T23:59:59.999Z').getTime();
    for (let i = 0; i < 5000; i++) {
      const iso = new Date(first + Math.floor(random() * (last - first))).toISOString();
      expect(isoFromXsd(iso)).toBe(iso);
    }
    for (const iso of ['2024-02-29T12:00:00.000Z', '2000-02-29T00:00:00.000Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) expect(isoFromXsd(iso)).toBe(iso);
  });

  it('takes no canonical-looking string that is not a real date as it is', () => {
    for (const bad of ['2023-02-29T00:00:00.000Z', '1900-02-29T00:00:00.000Z', '2024-04-31T00:00:00.000Z', '2024-13-01T00:00:00.000Z', '2024-00-10T00:00:00.000Z',
      '2024-01-00T00:00:00.000Z', '2024-01-01T23:60:00.000Z', '2024-01-01T23:00:60.000Z', '0000-06-01T00:00:00.000Z']) {
      expect(isoFromXsd(bad)).toBeNull();
    }
    expect(isoFromXsd('2024-01-31T24:00:00.000Z')).toBe('2024-02-01T00:00:00.000Z'); // the next midnight, by the general path
    const random = prng(14);
    for (let i = 0; i < 5000; i++) {
      const v = `${pad(Math.floor(random() * 10000), 4)}-${pad(Math.floor(random() * 14), 2)}-${pad(Math.floor(random() * 33), 2)}T${pad(Math.floor(random() * 25), 2)}:${pad(Math.floor(random() * 61), 2)}:${pad(Math.floor(random() * 61), 2)}.${pad(Math.floor(random() * 1000), 3)}Z`;
      const date = new Date(v);
      const real = !Number.isNaN(date.getTime()) && date.toISOString() === v && !v.startsWith('0000');
      if (real) expect(isoFromXsd(v)).toBe(v);
      else expect(isoFromXsd(v)).not.toBe(v);
    }
  });
});
