import { describe, expect, it } from 'vitest';
import { sentenceAround, sentences, sentenceSpans } from '../../../shared/text/sentences';

const cut = (text: string, language: string) => sentenceSpans(text, 0, text.length, language).map((s) => text.slice(s.start, s.end));

describe('sentences of a paragraph, by the article’s language', () => {
  it('cuts French after the closing guillemet and keeps « » and the ellipsis inside', () => {
    const text = 'Spotify serait dû «\u00a0à [ses] investissements dans l’IA\u00a0». Étrange manière de présenter les choses… Pourtant 3.5 millions d’abonnés ! Vraiment\u00a0?';
    expect(cut(text, 'fr')).toEqual([
      'Spotify serait dû «\u00a0à [ses] investissements dans l’IA\u00a0».',
      'Étrange manière de présenter les choses… Pourtant 3.5 millions d’abonnés !',
      'Vraiment\u00a0?',
    ]);
  });

  it('does not cut after an initial or a title, nor before a continuation in lower case', () => {
    expect(cut('Selon M. Zuckerberg, tout va bien. «\u00a0Vraiment\u00a0?\u00a0» dit-il. Oui.', 'fr')).toEqual([
      'Selon M. Zuckerberg, tout va bien.',
      '«\u00a0Vraiment\u00a0?\u00a0» dit-il.',
      'Oui.',
    ]);
    expect(cut('«\u00a0Vraiment\u00a0?\u00a0» Oui, vraiment.', 'fr')).toEqual(['«\u00a0Vraiment\u00a0?\u00a0»', 'Oui, vraiment.']);
    expect(cut('Mr. Smith met J. Doe in Washington. They agreed.', 'en')).toEqual(['Mr. Smith met J. Doe in Washington.', 'They agreed.']);
  });

  it('gives UTF-16 offsets into the whole text, trimmed, for a paragraph in the middle (an emoji before it)', () => {
    const text = 'Titre 🤖\n  Le robot parle.  Il ment.\nFin';
    const start = text.indexOf('  Le');
    const end = text.indexOf('\nFin');
    const spans = sentenceSpans(text, start, end, 'fr');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Le robot parle.', 'Il ment.']);
    expect(spans[0]!.start).toBe(text.indexOf('Le robot'));
  });

  it('falls back to the default rules for a language tag the platform refuses, and gives nothing for blank text', () => {
    expect(cut('One. Two.', 'not a language!')).toEqual(['One.', 'Two.']);
    expect(cut('   ', 'en')).toEqual([]);
  });
});

describe('sentences of a whole text, and the sentence around a mark', () => {
  const text = 'Titre\nSelon M. Zuckerberg, tout va bien. «\u00a0Vraiment\u00a0?\u00a0» dit-il. Oui.\nMr. Smith agreed. Dr. Who did not.';
  const words = (spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

  it('cuts each paragraph (line) on its own, never across a line end', () => {
    expect(words(sentences(text, 'fr'))).toEqual(['Titre', 'Selon M. Zuckerberg, tout va bien.', '«\u00a0Vraiment\u00a0?\u00a0» dit-il.', 'Oui.', 'Mr. Smith agreed.', 'Dr. Who did not.']);
  });

  it('gives the sentence around a mark, the sentences joined when the mark crosses a sentence end, the mark itself when it is on no sentence', () => {
    const at = (passage: string) => [text.indexOf(passage), text.indexOf(passage) + passage.length] as const;
    expect(words([sentenceAround(text, ...at('Vraiment'), 'fr')])).toEqual(['«\u00a0Vraiment\u00a0?\u00a0» dit-il.']);
    expect(words([sentenceAround(text, ...at('bien. «'), 'fr')])).toEqual(['Selon M. Zuckerberg, tout va bien. «\u00a0Vraiment\u00a0?\u00a0» dit-il.']);
    expect(words([sentenceAround(text, ...at('Smith'), 'en')])).toEqual(['Mr. Smith agreed.']);
    // an empty mark at a sentence's first character still finds it
    expect(words([sentenceAround(text, text.indexOf('Oui'), text.indexOf('Oui'), 'fr')])).toEqual(['Oui.']);
    const gap = text.indexOf('\n');
    expect(sentenceAround(text, gap, gap, 'fr')).toEqual({ start: gap, end: gap });
  });
});
