/**
 * The light formatting of assignment instructions (renderer/components/classwork/light-text.ts):
 * paragraphs, bullets and emphasis are read from plain text, and markup stays text; due times go
 * to and from the datetime-local input and are written in the interface language.
 */
import { describe, expect, it } from 'vitest';
import { blocks, runs } from '../../../renderer/components/classwork/light-text';
import { formatDue, fromLocalInput, toLocalInput } from '../../../renderer/components/classwork/due-time';

describe('instructions as light text', () => {
  it('reads paragraphs, bullet lists and emphasis', () => {
    expect(blocks('Read the article.\nCarefully.\n\n- mark the *claims*\n* then the rebuttals\nThat is all.')).toEqual([
      { type: 'paragraph', lines: [[{ text: 'Read the article.', em: false }], [{ text: 'Carefully.', em: false }]] },
      { type: 'list', items: [[{ text: 'mark the ', em: false }, { text: 'claims', em: true }], [{ text: 'then the rebuttals', em: false }]] },
      { type: 'paragraph', lines: [[{ text: 'That is all.', em: false }]] },
    ]);
  });
  it('keeps markup and unpaired stars as text', () => {
    expect(runs('<b>bold</b> <script>x</script>')).toEqual([{ text: '<b>bold</b> <script>x</script>', em: false }]);
    expect(runs('2 * 3 = 6')).toEqual([{ text: '2 * 3 = 6', em: false }]);
    expect(blocks('')).toEqual([]);
  });
});

describe('due times', () => {
  it('go to and from the datetime-local input in local time', () => {
    const ms = new Date(2026, 11, 5, 14, 30).getTime();
    expect(toLocalInput(ms)).toBe('2026-12-05T14:30');
    expect(fromLocalInput('2026-12-05T14:30')).toBe(ms);
    expect(fromLocalInput('2026-12-05T14:30:05')).toBe(ms + 5_000);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });
  it('are written in the interface language', () => {
    const ms = new Date(2026, 11, 5, 14, 30).getTime();
    expect(formatDue(ms, 'fr')).toMatch(/^samedi 5 décembre 2026 à 14:30$/);
    expect(formatDue(ms, 'en')).toMatch(/^Saturday, December 5, 2026 at 2:30\sPM$/);
  });
});
