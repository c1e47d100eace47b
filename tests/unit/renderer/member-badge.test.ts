import { describe, expect, it } from 'vitest';
import { inkOn, initialOf, luminance } from '../../../renderer/components/MemberBadge';
import { MEMBER_COLORS } from '../../../shared/model/member-colors';

describe('a member badge', () => {
  it('takes the first whole character of the name, upper-cased', () => {
    expect(initialOf('alice')).toBe('A');
    expect(initialOf('  élodie')).toBe('É');
    expect(initialOf('E\u0301mile')).toBe('E\u0301'); // a combining accent stays with its letter
    expect(initialOf('👩🏽‍🏫 Mme Durand')).toBe('👩🏽‍🏫');
  });

  it('writes the initial in black or white, whichever reads better on each colour of the palette', () => {
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    for (const color of MEMBER_COLORS) {
      const ink = inkOn(color) === '#000' ? '#000000' : '#ffffff';
      expect(contrast(color, ink)).toBeGreaterThanOrEqual(4.5);
    }
    expect(inkOn('#000000')).toBe('#fff');
    expect(inkOn('#F0E442')).toBe('#000');
  });
});
