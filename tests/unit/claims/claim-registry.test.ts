import { describe, expect, it } from 'vitest';
import { claimRegistry, type RegistryMark } from '../../../shared/claims/claim-registry';
import { targetFor } from '../../../shared/anchor/selectors';
import type { Link } from '../../../shared/model/record';
import { codePointIndex } from '../../../shared/text/code-points';
import { SEEDS, seed, spanOf } from './seed-texts';

const ANA = { id: 'ana', name: 'Ana', color: '#0072B2' };

function mark(id: string, article: string, passage: string, kind = 'claim', links: Link[] = [], nth = 0, owner = 'ana'): RegistryMark {
  const index = codePointIndex(seed(article).text);
  const { start, end } = spanOf(article, passage, nth);
  const at = '2026-11-22T10:00:00.000Z';
  return {
    owner,
    article,
    annotation: { id, kind, target: targetFor(index, index.toCodePoint(start), index.toCodePoint(end)), note: '', author: { ...ANA, id: owner }, created: at, modified: at, links, status: 'open' },
  };
}

const ARTICLES = SEEDS.map((s) => ({ ...s, title: `Seed ${s.id}` }));
const SPOTIFY = 'investissements dans l’IA';

describe('claim registry', () => {
  it('one claim for the Spotify-AI marks joined by same-claim: both places (body ¶ 9, comment ¶ 26, said by Spotify), evidence, rebuttals, votes and replies added up', () => {
    const marks = [
      mark('c1', '000', SPOTIFY, 'claim'),
      mark('c2', '000', SPOTIFY, 'claim', [{ to: 'c1', rel: 'same-claim' }], 1, 'bob'),
      mark('e1', '000', 'Spotify s’est toujours démarqué grâce à ses algorithmes', 'evidence', [{ to: 'c2', rel: 'supports' }]),
      mark('r1', '000', 'Étrange manière de présenter les activités', 'rebuttal', [{ to: 'c1', rel: 'rebuts' }]),
      mark('x1', '001', 'Selon Meta', 'claim'),
    ];
    const tally = new Map([
      ['c1', { agree: 2, disagree: 1, replies: 3 }],
      ['c2', { agree: 1, disagree: 0, replies: 1 }],
    ]);
    const rows = claimRegistry(marks, ARTICLES, (id) => tally.get(id));
    expect(rows.map((r) => r.id)).toEqual(['c1', 'x1']);
    const [spotify, meta] = rows;
    expect(spotify!.quote).toBe(SPOTIFY);
    expect(spotify!.appearances.map((a) => [a.id, a.title, a.paragraph, a.section, a.speaker, a.owner])).toEqual([
      ['c1', 'Seed 000', 9, 'body', 'Spotify', 'ana'],
      ['c2', 'Seed 000', 26, 'comments', 'Spotify', 'bob'],
    ]);
    expect(spotify!.evidence.map((e) => e.id)).toEqual(['e1']);
    expect(spotify!.rebuttals.map((e) => [e.id, e.quote])).toEqual([['r1', 'Étrange manière de présenter les activités']]);
    expect([spotify!.agree, spotify!.disagree, spotify!.replies]).toEqual([3, 1, 4]);
    expect(meta!.appearances[0]).toMatchObject({ article: '001', paragraph: 3, section: 'body', speaker: 'Meta' });
    expect([meta!.agree, meta!.evidence.length]).toEqual([0, 0]);
  });

  it('an article whose text is not read yet: the claim is listed, its place is unknown (null), never a crash', () => {
    const rows = claimRegistry([mark('c1', '000', SPOTIFY)], [{ id: '000', title: 'Seed 000', language: 'fr' }], () => undefined);
    expect(rows[0]!.appearances[0]).toMatchObject({ paragraph: null, section: null, speaker: null, title: 'Seed 000' });
  });
});
