import { describe, expect, it } from 'vitest';
import { versionDiff } from '../../../shared/versions/word-diff';
import { editedSeed, NOTE, REMOVED, REWORDED, seedText } from './seed-edits';

describe('the diff between two versions of seed 003', () => {
  const v1 = seedText();
  const diff = versionDiff(v1, editedSeed(v1));

  it('finds the three edits as changes a reader steps through, in text order', () => {
    const summary = diff.changes.map((c) => ({ kind: c.kind, removed: c.removed.trim(), added: c.added.trim() }));
    expect(summary).toEqual([
      { kind: 'added', removed: '', added: NOTE },
      { kind: 'replaced', removed: 'investments in AI technology', added: 'investment in AI technologies' },
      { kind: 'removed', removed: REMOVED, added: '' },
    ]);
    expect(diff.changes.map((c) => [c.removedWords, c.addedWords])).toEqual([[0, 16], [2, 2], [11, 0]]);
  });

  it('rebuilds both texts from its parts, paragraphs kept', () => {
    const text = (kinds: string[]) => diff.parts.filter((p) => kinds.includes(p.kind)).map((p) => p.text).join('');
    expect(text(['same', 'removed'])).toBe(v1);
    expect(text(['same', 'added'])).toBe(editedSeed(v1));
    expect(REWORDED.after).toContain('technologies');
  });

  it('no change between equal texts', () => {
    expect(versionDiff('Same words.\nHere.', 'Same words.\nHere.').changes).toEqual([]);
  });
});
