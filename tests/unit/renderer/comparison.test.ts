import { describe, expect, it } from 'vitest';
import { classComparison, heatFigures, initialsOf } from '../../../renderer/store/comparison';
import type { Placed } from '../../../renderer/store/placed-annotations';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { codePointIndex } from '../../../shared/text/code-points';

const TEXT = 'Un 🤖 dit que l’IA fait tout.\nLes chiffres disent non.';

/** A placed record of `owner` over `quote` (UTF-16 offsets, as the article state keeps them); its stored target is stale on purpose. */
function placed(owner: string, name: string, kind: string, quote: string, anchor: Placed['anchor'] = 'moved'): Placed {
  const start = TEXT.indexOf(quote);
  const author = { id: owner, name, color: '#0072B2' };
  const annotation = { id: `${owner}-${kind}`, kind, target: { start: 0, end: 1, exact: 'U', prefix: '', suffix: '' }, note: '', author, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', links: [], status: 'open' as const };
  return anchor === 'orphan' ? { annotation, owner, mine: false, start: -1, end: -1, anchor } : { annotation, owner, mine: false, start, end: start + quote.length, anchor };
}

describe('the class comparison in the page', () => {
  it('writes initials of at most two letters', () => {
    expect([initialsOf('Nina'), initialsOf('M. Petit'), initialsOf('Jean-Paul Sartre'), initialsOf('élodie  ruiz'), initialsOf('42')]).toEqual(['N', 'MP', 'JS', 'ÉR', '?']);
  });

  it('compares records where they are anchored now (code points), leaves orphans out, and names each passage’s first record', () => {
    const all = [
      placed('nina', 'Nina Berg', 'claim', 'l’IA fait tout'),
      placed('omar', 'Omar Kane', 'disputed', 'l’IA fait tout'),
      placed('omar', 'Omar Kane', 'question', 'chiffres', 'orphan'),
    ];
    const c = classComparison(TEXT, codePointIndex(TEXT), all, DEFAULT_TAGSET);
    expect(c.members).toEqual(['nina', 'omar']);
    expect(c.passages[0]!.groups).toEqual([
      { kinds: ['claim'], members: ['nina'] },
      { kinds: ['disputed'], members: ['omar'] },
    ]);
    expect(c.passages[0]!.disputed).toBe(1);
    expect(c.passages[1]!.marked).toBe(0);
    expect(c.people.get('omar')).toEqual({ name: 'Omar Kane', initials: 'OK', color: '#0072B2' });
    expect(c.firstRecord.get(0)).toBe('nina-claim');
    expect(c.firstRecord.has(1)).toBe(false);
    // the heat strip's figures: the orphan counts nowhere
    expect(heatFigures(c)).toEqual([
      { index: 0, marks: 2, share: 1, disputed: 1, sentence: 0 },
      { index: 1, marks: 0, share: 0, disputed: null, sentence: 0 },
    ]);
  });
});

describe('a team in the class comparison', () => {
  it('shows a team’s layer as the team’s work, named for the team, whoever of its members marked', () => {
    const all = [placed('team-t1', 'Nina', 'claim', 'Un 🤖 dit que'), placed('omar', 'Omar Kane', 'disputed', 'Un 🤖 dit que')];
    const c = classComparison(TEXT, codePointIndex(TEXT), all, DEFAULT_TAGSET, new Map([['team-t1', 'Team “Renards”']]));
    expect(c.members).toEqual(['omar', 'team-t1']);
    expect(c.people.get('team-t1')).toMatchObject({ name: 'Team “Renards”', initials: 'TR' });
    expect(c.people.get('omar')!.name).toBe('Omar Kane');
  });
});
