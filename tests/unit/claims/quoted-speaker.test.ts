import { describe, expect, it } from 'vitest';
import { commentsStart, placeOf } from '../../../shared/claims/claim-place';
import { quotedSpeaker } from '../../../shared/claims/quoted-speaker';
import { seed, spanOf } from './seed-texts';

function speaker(id: string, passage: string, nth = 0): string | null {
  const { start, end } = spanOf(id, passage, nth);
  return quotedSpeaker(seed(id).text, start, end, seed(id).language);
}

describe('who is quoted as saying a passage (heuristic over the sentence around it)', () => {
  it('"selon X" / "according to X", up to the next punctuation', () => {
    expect(speaker('001', 'l’absence de cadre réglementaire clair')).toBe('Meta');
    expect(speaker('001', 'une IA « construite pour quelqu’un d’autre »')).toBe('le géant des réseaux sociaux');
    expect(quotedSpeaker('Growth will slow, according to the central bank.', 0, 17, 'en')).toBe('the central bank');
  });

  it('an inverted speech verb after a comma or a quote: "…, pointe Bloomberg", "…,” said Ek"', () => {
    expect(speaker('000', 'la tactique est tout à fait habituelle chez ces acteurs')).toBe('Bloomberg');
    expect(quotedSpeaker('“AI is the key,” said Daniel Ek on Friday.', 1, 14, 'en')).toBe('Daniel Ek');
  });

  it('a name before a speech verb, two names joined by "et"/"and" kept together', () => {
    expect(speaker('001', 'les règles strictes en matière de confidentialité des données freinent l’innovation')).toBe('Mark Zuckerberg et Daniel Ek');
    expect(speaker('001', 'son investissement précoce dans l’IA a été la clé de son succès')).toBe('Spotify');
    expect(speaker('003', 'its early investments in AI technology')).toBe('Spotify');
    expect(speaker('003', 'it will not be in a position to release future AI models')).toBe('Meta');
    // a verb ending in an accented letter, and not a longer word that starts like a verb
    expect(speaker('001', 'il ne pourra pas proposer ses prochains modèles multimodaux')).toBe('Meta');
    expect(quotedSpeaker('Spotify sayings are many.', 0, 8, 'en')).toBeNull();
  });

  it('a quotation in a sentence that opens on a name: the Spotify-AI claim is said by Spotify, in the body and where a reader quotes it', () => {
    expect(speaker('000', 'investissements dans l’IA', 0)).toBe('Spotify');
    expect(speaker('000', 'investissements dans l’IA', 1)).toBe('Spotify');
    expect(speaker('003', 'the most powerful AI model won’t reflect collective knowledge')).toBe('Meta');
  });

  it('"not said" (null): the author’s or a reader’s own words, and pronouns or sentence openers that name nobody', () => {
    expect(speaker('000', 'Je ne vois pas l’absolue nécessité pour Spotify d’utiliser l’IA')).toBeNull();
    expect(speaker('000', 'Étrange manière de présenter les activités d’une plateforme')).toBeNull();
    expect(speaker('002', 'je ne vois pas pourquoi Meta se serait limitée')).toBeNull();
    expect(speaker('004', 'It is the best option to leverage AI')).toBeNull();
    expect(speaker('001', 'les règles strictes en matière de confidentialité freinent l’innovation')).toBeNull(); // « Selon eux »
    expect(speaker('004', 'there is already a gap between those who have')).toBeNull();
    expect(speaker('004', 'we agree that thoughtful, clear and consistent regulation')).toBeNull();
  });
});

describe('where a passage is: paragraph, body or reader comments', () => {
  it('seed 000: the comments begin at "Commentaires (6)"; the Spotify-AI claim is in the body (¶ 9) and quoted in a comment (¶ 26)', () => {
    const { text } = seed('000');
    expect(commentsStart(text)).toBe(text.indexOf('Commentaires (6)'));
    expect(placeOf(text, spanOf('000', 'investissements dans l’IA', 0).start)).toEqual({ paragraph: 9, section: 'body' });
    expect(placeOf(text, spanOf('000', 'investissements dans l’IA', 1).start)).toEqual({ paragraph: 26, section: 'comments' });
  });

  it('a text without a comment heading is all body; "Leave a Reply" starts the comments (seed 004)', () => {
    expect(commentsStart(seed('001').text)).toBeNull();
    expect(placeOf(seed('001').text, seed('001').text.length - 1).section).toBe('body');
    const text = seed('004').text;
    expect(commentsStart(text)).toBe(text.indexOf('Leave a Reply'));
    expect(placeOf(text, text.indexOf('By Editor'))).toEqual({ paragraph: 12, section: 'body' });
    expect(commentsStart('Title\n\n12 comments\nNice.')).toBe(7);
    expect(commentsStart('Title\nComments are closed for this article because.')).toBeNull();
  });
});
