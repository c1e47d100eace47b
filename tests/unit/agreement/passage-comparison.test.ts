import { describe, expect, it } from 'vitest';
import { compareArticle, mostDisputedSentence } from '../../../shared/agreement/passage-comparison';
import { codePointIndex } from '../../../shared/text/code-points';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import type { Annotation } from '../../../shared/model/record';
import type { LayerSnapshot } from '../../../shared/formats/types';

// three paragraphs; the first has an emoji so UTF-16 and code point offsets differ
const TEXT = ['Le PDG 🤖 affirme que l’IA explique tout.', 'Les chiffres disent autre chose.', 'Personne ne conteste la date.', 'Une fin que nul ne lit.'].join('\n');

let n = 0;
/** A record of `kind` over the first occurrence of `quote` (code point offsets). */
function mark(kind: string, quote: string): Annotation {
  const at = TEXT.indexOf(quote);
  if (at < 0) throw new Error(`not in the text: ${quote}`);
  const index = codePointIndex(TEXT);
  const author = { id: 'x', name: 'X', color: '#000000' };
  const target = { start: index.toCodePoint(at), end: index.toCodePoint(at + quote.length), exact: quote, prefix: '', suffix: '' };
  return { id: `r${n++}`, kind, target, note: '', author, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', links: [], status: 'open' };
}

const layer = (owner: string, ...annotations: Annotation[]): LayerSnapshot => ({ owner, annotations });

describe('comparing a class passage by passage', () => {
  const nina = layer('nina', mark('claim', 'l’IA explique tout'), mark('evidence', 'Personne ne conteste la date'));
  const omar = layer('omar', mark('disputed', 'l’IA explique tout'), mark('evidence', 'Personne ne conteste la date'));
  const lea = layer('lea', mark('claim', 'l’IA explique tout'), mark('evidence', 'Personne ne conteste la date'), mark('question', 'Les chiffres'));

  it('says who marked what kind in each passage, grouped by answer, the largest group first and "nothing" last', () => {
    const c = compareArticle({ text: TEXT, layers: [nina, omar, lea, layer('idle')] }, DEFAULT_TAGSET);
    expect(c.members).toEqual(['lea', 'nina', 'omar']); // a member who marked nothing in the article is not counted
    const [first, second, third, fourth] = c.passages;
    expect(first!.text.startsWith('Le PDG 🤖')).toBe(true);
    expect(TEXT.slice(second!.start, second!.end)).toBe('Les chiffres disent autre chose.');
    expect(first!.groups).toEqual([
      { kinds: ['claim'], members: ['lea', 'nina'] },
      { kinds: ['disputed'], members: ['omar'] },
    ]);
    expect(second!.groups).toEqual([
      { kinds: ['question'], members: ['lea'] },
      { kinds: [], members: ['nina', 'omar'] },
    ]);
    expect(third!.groups).toEqual([{ kinds: ['evidence'], members: ['lea', 'nina', 'omar'] }]);
    expect(fourth).toMatchObject({ marked: 0, disputed: null, groups: [{ kinds: [], members: ['lea', 'nina', 'omar'] }] });
  });

  it('measures disputed as the share of member pairs that differ on the marked words, and ranks the most disputed first', () => {
    const c = compareArticle({ text: TEXT, layers: [nina, omar, lea] }, DEFAULT_TAGSET);
    const [first, second, third] = c.passages;
    // every marked word: claim, claim, disputed → 2 of 3 pairs differ
    expect(first!.disputed).toBeCloseTo(2 / 3, 12);
    // "Les chiffres": question vs nothing, nothing → 2 of 3 pairs differ
    expect(second!.disputed).toBeCloseTo(2 / 3, 12);
    // all three agree
    expect(third!.disputed).toBe(0);
    // ties broken by how many members marked the passage, then text order; unmarked passages are not ranked
    expect(c.ranked.map((p) => p.index)).toEqual([0, 1, 2]);
  });

  it('counts a kind disagreement and a marked-or-not disagreement alike, and words nobody marked not at all', () => {
    const wide = layer('wide', mark('claim', 'Le PDG 🤖 affirme que l’IA explique tout.'));
    const narrow = layer('narrow', mark('claim', 'l’IA explique tout'));
    const c = compareArticle({ text: TEXT, layers: [wide, narrow] }, DEFAULT_TAGSET);
    // 9 marked tokens (Le PDG 🤖 affirme que l’IA explique tout and the full stop): 6 marked by one only
    expect(c.passages[0]!.disputed).toBeCloseTo(6 / 9, 12);
    const kinds = compareArticle({ text: TEXT, layers: [layer('a', mark('claim', 'Les chiffres')), layer('b', mark('rebuttal', 'Les chiffres'))] }, DEFAULT_TAGSET);
    expect(kinds.passages[1]!.disputed).toBe(1);
    expect(kinds.ranked.map((p) => p.index)).toEqual([1]);
  });

  it('has nothing to compare with one member, and leaves the gold layer out', () => {
    const c = compareArticle({ text: TEXT, layers: [nina, layer('gold', mark('claim', 'Les chiffres'))] }, DEFAULT_TAGSET);
    expect(c.members).toEqual(['nina']);
    expect(c.passages.map((p) => p.disputed)).toEqual([null, null, null, null]);
    expect(c.ranked.map((p) => p.index)).toEqual([0, 2]);
  });

  it('scores each sentence of a paragraph alone, so the dispute points at the sentence (French, « » and M. kept whole)', () => {
    const text = 'Selon M. Durand, le succès est dû «\u00a0à l’IA\u00a0». Les chiffres disent autre chose. Tout le monde le sait.\nFin.';
    const at = (owner: string, kind: string, quote: string): LayerSnapshot => {
      const s = text.indexOf(quote);
      const target = { start: s, end: s + quote.length, exact: quote, prefix: '', suffix: '' }; // no astral characters: UTF-16 = code points
      return layer(owner, { ...mark('claim', 'Le PDG'), kind, target });
    };
    // both mark the claim alike; only Omar marks the second sentence; nobody the third
    const c = compareArticle({ text, layers: [at('nina', 'claim', 'le succès est dû'), { owner: 'omar', annotations: [...at('omar', 'claim', 'le succès est dû').annotations, ...at('x', 'disputed', 'Les chiffres disent').annotations] }] }, DEFAULT_TAGSET, 'fr');
    const p = c.passages[0]!;
    expect(p.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Selon M. Durand, le succès est dû «\u00a0à l’IA\u00a0».', 'Les chiffres disent autre chose.', 'Tout le monde le sait.']);
    expect(p.sentences.map((s) => [s.disputed, s.marked])).toEqual([[0, 2], [1, 1], [null, 0]]);
    // the paragraph: 4 words agreed + 3 words split → 3/7
    expect(p.disputed).toBeCloseTo(3 / 7, 12);
    expect(mostDisputedSentence(p)?.n).toBe(2);
    // a paragraph of one sentence points at no sentence; nor does one where nothing is disputed
    expect(mostDisputedSentence(c.passages[1]!)).toBeNull();
    const agreed = compareArticle({ text, layers: [at('nina', 'claim', 'le succès est dû'), at('omar', 'claim', 'le succès est dû')] }, DEFAULT_TAGSET, 'fr');
    expect(mostDisputedSentence(agreed.passages[0]!)).toBeNull();
  });
});
