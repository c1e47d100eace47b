import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { codePointIndex } from '../../../shared/text/code-points';
import { canonicalText, paragraphs } from '../../../shared/text/canonical-text';
import { targetFor, trimSpan, QUOTE_CONTEXT } from '../../../shared/anchor/selectors';
import { resolveTarget, MIN_FUZZY_SCORE } from '../../../shared/anchor/resolve';

const seed = canonicalText(readFileSync('seeds/000_69c924cc0d086b21.txt', 'utf8'));
// the guillemets are followed and preceded by non-breaking spaces, as in the seed
const claim = 'Spotify, de son côté, se place en grand et rare succès européen, qui serait dû «\u00a0à [ses] investissements dans l’IA\u00a0».';

function spanOf(text: string, needle: string): { start: number; end: number } {
  const index = codePointIndex(text);
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return { start: index.toCodePoint(at), end: index.toCodePoint(at + needle.length) };
}

describe('selectors', () => {
  it('quote the span exactly, with up to 32 code points of context', () => {
    const { start, end } = spanOf(seed, claim);
    const target = targetFor(codePointIndex(seed), start, end);
    expect(target.exact).toBe(claim);
    expect(Array.from(target.prefix)).toHaveLength(QUOTE_CONTEXT);
    expect(seed.includes(target.prefix + target.exact + target.suffix)).toBe(true);
  });

  it('count positions in code points when emoji precede the span', () => {
    const text = '😀😀 Le chiffre 😀 est faux.';
    const index = codePointIndex(text);
    const target = targetFor(index, 3, 14);
    expect(target.exact).toBe('Le chiffre ');
    expect(Array.from(text).slice(3, 14).join('')).toBe(target.exact);
  });

  it('keep combining characters inside the quote', () => {
    const text = 'Il a dit: cafe\u0301 gratuit.';
    const index = codePointIndex(text);
    const start = index.toCodePoint(text.indexOf('cafe'));
    const target = targetFor(index, start, start + 5);
    expect(target.exact).toBe('cafe\u0301');
  });

  it('trim white space from selected spans', () => {
    const text = 'un  deux  trois';
    const index = codePointIndex(text);
    expect(trimSpan(index, 2, 10)).toEqual({ start: 4, end: 8 });
    expect(trimSpan(index, 2, 4)).toBeNull();
  });
});

describe('resolution', () => {
  it('is exact when the text is unchanged', () => {
    const { start, end } = spanOf(seed, claim);
    const target = targetFor(codePointIndex(seed), start, end);
    expect(resolveTarget(codePointIndex(seed), target)).toEqual({ status: 'exact', start, end, score: 1 });
  });

  it('finds a quote that moved, choosing the occurrence whose context fits', () => {
    // the claim appears twice in seed 000 (the article and a reader's comment quoting it)
    const text = 'Intro. Le succès vient de l’IA, dit-il. Plus loin : Le succès vient de l’IA, répète-t-elle.';
    const index = codePointIndex(text);
    const second = text.lastIndexOf('Le succès');
    const target = targetFor(index, index.toCodePoint(second), index.toCodePoint(second + 'Le succès vient de l’IA'.length));
    const edited = 'Nouvelle intro 😀. ' + text;
    const result = resolveTarget(codePointIndex(edited), target);
    expect(result.status).toBe('moved');
    if (result.status === 'orphan') throw new Error('orphan');
    const e = codePointIndex(edited);
    expect(edited.slice(e.toUtf16(result.start), e.toUtf16(result.end))).toBe('Le succès vient de l’IA');
    expect(result.start).toBe(e.toCodePoint(edited.lastIndexOf('Le succès')));
  });

  it('matches a slightly edited quote fuzzily above the minimum score', () => {
    const text = 'Spotify affirme que son succès vient de ses investissements dans l’IA depuis 2012.';
    const target = targetFor(codePointIndex(text), 0, 70);
    const edited = 'Selon un communiqué, Spotify affirme que son succès provient de ses investissements dans l’IA depuis 2012.';
    const result = resolveTarget(codePointIndex(edited), target);
    expect(result.status).toBe('fuzzy');
    if (result.status !== 'fuzzy') return;
    expect(result.score).toBeGreaterThanOrEqual(MIN_FUZZY_SCORE);
    expect(result.score).toBeLessThan(1);
  });

  it('reports an orphan instead of moving an annotation to unrelated text', () => {
    const text = 'Spotify affirme que son succès vient de ses investissements dans l’IA.';
    const target = targetFor(codePointIndex(text), 0, 40);
    const rewritten = 'Meta regrette de ne pas pouvoir entraîner ses modèles sur les photos publiées.';
    expect(resolveTarget(codePointIndex(rewritten), target)).toEqual({ status: 'orphan' });
  });

  it('resolves overlapping spans independently', () => {
    const text = 'Les règles européennes freinent l’innovation 🚀 et la croissance.';
    const index = codePointIndex(text);
    const a = targetFor(index, 4, 30);
    const b = targetFor(index, 20, 47);
    const moved = codePointIndex('>> ' + text);
    const ra = resolveTarget(moved, a);
    const rb = resolveTarget(moved, b);
    expect(ra).toMatchObject({ status: 'moved', start: 7, end: 33 });
    expect(rb).toMatchObject({ status: 'moved', start: 23, end: 50 });
  });
});

describe('canonical text', () => {
  it('normalises line endings, BOM, trailing spaces and blank-line runs but never letters', () => {
    expect(canonicalText('\uFEFFTitre  \r\n\r\n\r\n\r\nCafe\u0301\r\n')).toBe('Titre\n\nCafe\u0301');
  });

  it('splits paragraphs on lines, skipping blank ones', () => {
    const text = 'un\n\ndeux\ntrois';
    expect(paragraphs(text).map((p) => text.slice(p.start, p.end))).toEqual(['un', 'deux', 'trois']);
  });

  it('keeps the seed claim sentence within one paragraph', () => {
    const at = seed.indexOf(claim);
    const para = paragraphs(seed).find((p) => p.start <= at && at < p.end);
    expect(para && seed.slice(para.start, para.end).startsWith('Spotify, de son côté')).toBe(true);
  });
});
