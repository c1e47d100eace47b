import { describe, expect, it } from 'vitest';
import { MIN_SHARED_TERMS, SAME_CLAIM_THRESHOLD, similarPassages, terms } from '../../../shared/claims/similar-passages';
import { SEEDS, seed, spanOf } from './seed-texts';

const SPOTIFY_BODY = 'Spotify, de son côté, se place en grand et rare succès européen, qui serait dû «\u00a0à [ses] investissements dans l’IA\u00a0».';
const SPOTIFY_COMMENT = 'Spotify, de son côté, se place en grand et rare succès européen, qui serait dû « à ses investissements dans l’IA ».';

/** What the suggestions for a passage of seed `id` are, as "article: opening words". */
function suggest(id: string, passage: string) {
  const span = spanOf(id, passage);
  return similarPassages(passage, seed(id).language, SEEDS, [{ article: id, ...span }]).map((s) => `${s.article}: ${s.text}`);
}

describe('similar passages ("same claim?")', () => {
  it('terms: no stop words of the language (English "AI" kept, though French "ai" is one), stems shared by singular and plural, no accents', () => {
    expect(terms('les investissements dans l’IA', 'fr')).toEqual(terms('son investissement dans l’IA', 'fr').filter((t) => t !== 'son'));
    expect(terms('Le succès européen', 'fr')).toEqual(['succes', 'europeen']);
    expect(terms('Spotify credits its early investments in AI', 'en')).toEqual(['spotifi', 'credit', 'it', 'earli', 'invest', 'ai']);
  });

  it('marking the Spotify-AI claim in the body of seed 000 finds its other place (the reader comment that quotes it) first, and nothing unrelated', () => {
    const found = suggest('000', SPOTIFY_BODY);
    expect(found[0]).toBe(`000: ${SPOTIFY_COMMENT}`);
    // the only other offer is the same claim in seed 001 (same language), said in other words
    expect(found.slice(1)).toEqual(['001: De son côté, Spotify souligne que son investissement précoce dans l’IA a été la clé de son succès.']);
    // and from the comment, the body
    expect(suggest('000', SPOTIFY_COMMENT)[0]).toBe(`000: ${SPOTIFY_BODY}`);
  });

  it('a part of the sentence is enough: the words a student selects, not the whole sentence', () => {
    const words = 'qui serait dû «\u00a0à [ses] investissements dans l’IA\u00a0»';
    expect(suggest('000', words)[0]).toBe(`000: ${SPOTIFY_COMMENT}`);
  });

  it('precision on the seeds: for several claims, every suggestion is the same claim or the same statement reworded (listed here by hand)', () => {
    // claim → every sentence a reader would accept as "the same claim" (any other suggestion fails the test)
    const related: Record<string, { id: string; claim: string; same: string[] }> = {
      spotify001: {
        id: '001',
        claim: 'De son côté, Spotify souligne que son investissement précoce dans l’IA a été la clé de son succès.',
        same: [`000: ${SPOTIFY_BODY}`, `000: ${SPOTIFY_COMMENT}`, '001: - Spotify attribue son succès à l’utilisation précoce de l’IA pour personnaliser l’expérience utilisateur', '001: L’IA au cœur du succès de Spotify'],
      },
      rules: {
        id: '001',
        claim: 'Mark Zuckerberg et Daniel Ek affirment que les règles strictes en matière de confidentialité des données freinent l’innovation dans le domaine de l’IA',
        same: ['001: - Selon eux, les règles strictes en matière de confidentialité freinent l’innovation'],
      },
      interests: {
        id: '001',
        claim: 'Ironiquement, Meta et Spotify ne sont pas contre toute réglementation, surtout quand elle sert leurs intérêts.',
        same: ['001: - Les deux entreprises sont favorables à la réglementation quand elle sert leurs intérêts, comme face à Apple'],
      },
      metaData: {
        id: '001',
        claim: 'Selon Meta, l’absence de cadre réglementaire clair empêche l’entreprise d’entraîner ses modèles d’IA sur les données publiques de Facebook et Instagram en Europe.',
        same: [],
      },
      headline004: {
        id: '004',
        claim: 'Meta and Spotify attack European laws that limit them in a plea for open source AI',
        same: ['004: Meta and Spotify have defended open source artificial intelligence (AI) as a way to boost the development of this technology in the European Union and prevent it from being concentrated in the hands of a few actors, in a plea that criticises recent European laws that limit them.'],
      },
      spotify003: { id: '003', claim: 'Spotify credits its early investments in AI technology for the success of its streaming service', same: [] },
      comment: { id: '000', claim: 'Je ne vois pas l’absolue nécessité pour Spotify d’utiliser l’IA (avec les données personnelles).', same: [] },
    };
    const listing: string[] = [];
    for (const [name, { id, claim, same }] of Object.entries(related)) {
      const found = suggest(id, claim);
      listing.push(`${name}: ${found.length ? found.join(' | ') : '(none)'}`);
      for (const f of found) expect(same, `${name} was offered an unrelated passage`).toContain(f);
    }
    console.log(`top suggestions on the seeds:\n${listing.join('\n')}`);
    // the claims that have a reworded twin find it
    expect(suggest('001', related.rules!.claim)).toEqual(related.rules!.same);
    expect(suggest('001', related.interests!.claim)).toEqual(related.interests!.same);
  });

  it('only articles of the same language are offered: the English statement of the Spotify claim is not offered for the French one', () => {
    const found = similarPassages(SPOTIFY_BODY, 'fr', SEEDS, [{ article: '000', ...spanOf('000', SPOTIFY_BODY) }]);
    expect(found.every((s) => seed(s.article).language === 'fr')).toBe(true);
    expect(found.length).toBeGreaterThan(0);
    expect(similarPassages('Spotify credits its early investments in AI technology', 'en', SEEDS).map((s) => s.article)).toEqual(['003']);
  });

  it('every suggestion reaches the threshold and shares enough terms; places already marked are left out', () => {
    const span = spanOf('000', SPOTIFY_COMMENT);
    const all = similarPassages(SPOTIFY_BODY, 'fr', SEEDS);
    for (const s of all) expect(s.score).toBeGreaterThanOrEqual(SAME_CLAIM_THRESHOLD);
    expect(all.some((s) => s.article === '000' && s.start === span.start)).toBe(true);
    const without = similarPassages(SPOTIFY_BODY, 'fr', SEEDS, [{ article: '000', ...span }]);
    expect(without.some((s) => s.article === '000' && s.start === span.start)).toBe(false);
    // a short sentence sharing fewer terms than MIN_SHARED_TERMS is never offered
    expect(similarPassages('succès Spotify', 'fr', [{ id: 'x', language: 'fr', text: 'Le succès de Spotify.' }])).toEqual([]);
    expect(MIN_SHARED_TERMS).toBeGreaterThan(2);
  });
});
