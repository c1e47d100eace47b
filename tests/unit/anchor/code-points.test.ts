import { describe, expect, it } from 'vitest';
import { codePointIndex, codePointLength } from '../../../shared/text/code-points';

describe('code point offsets', () => {
  it('counts an emoji as one code point and two UTF-16 units', () => {
    const text = 'a😀b';
    expect(text.length).toBe(4);
    expect(codePointLength(text)).toBe(3);
    const index = codePointIndex(text);
    expect(index.length).toBe(3);
    expect(index.toUtf16(2)).toBe(3);
    expect(index.toCodePoint(3)).toBe(2);
  });

  it('rounds an offset between the halves of a surrogate pair down to the character start', () => {
    const index = codePointIndex('x🇫🇷y');
    // each regional indicator is its own code point of two units
    expect(index.length).toBe(4);
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toUtf16(1)).toBe(1);
    expect(index.toUtf16(2)).toBe(3);
  });

  it('counts combining characters as code points of their own', () => {
    const decomposed = 'e\u0301t\u00e9'; // "été" with a decomposed first é
    expect(codePointLength(decomposed)).toBe(4);
    const index = codePointIndex(decomposed);
    expect(index.toUtf16(4)).toBe(4);
  });

  it('round-trips every offset of a mixed text', () => {
    const text = 'Déjà 👩🏽‍💻 vu, naïve 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 «à [ses] investissements»';
    const index = codePointIndex(text);
    const cps = Array.from(text);
    expect(index.length).toBe(cps.length);
    for (let cp = 0; cp <= cps.length; cp++) {
      const u = index.toUtf16(cp);
      expect(cps.slice(0, cp).join('').length).toBe(u);
      expect(index.toCodePoint(u)).toBe(cp);
    }
  });

  it('clamps offsets outside the text', () => {
    const index = codePointIndex('ab😀');
    expect(index.toUtf16(-5)).toBe(0);
    expect(index.toUtf16(99)).toBe(4);
    expect(index.toCodePoint(99)).toBe(3);
  });
});
