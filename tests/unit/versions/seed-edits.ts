/**
 * Hand-made edits of seed 003 (English), the kind of silent edit a class should notice: a
 * sentence reworded, a paragraph removed, a correction note added. Shared by the unit tests and
 * the browser test (which imports the edited text as the same file again), with the passages
 * marked on the first version and what carrying each must say.
 */
import { readFileSync } from 'node:fs';
import { canonicalText } from '../../../shared/text/canonical-text';

export const SEED_FILE = 'seeds/003_5fdadf6e0c9376cb.txt';

export const REWORDED = {
  before: 'Spotify credits its early investments in AI technology for the success of its streaming service',
  after: 'Spotify credits its early investment in AI technologies for the success of its streaming service',
};
export const REMOVED = 'Neither of these companies is against regulation if it benefits them.';
export const NOTE = 'Correction: an earlier version of this article said that Meta would release Llama Multimodel in Europe.';

/** Passages marked on version 1, with the status carrying gives each in version 2. */
export const MARKED = {
  /** the reworded sentence: similar words */
  fuzzy: REWORDED.before,
  /** the removed paragraph */
  orphan: REMOVED,
  /** the paragraph after the removed one: same words, new context */
  moved: 'Apple is a common enemy for both parties.',
  /** untouched, only later in the text (the note comes before it) */
  exact: 'Meta and Spotify have worked together for years.',
} as const;

export function seedText(): string {
  return canonicalText(readFileSync(SEED_FILE, 'utf8'));
}

/** Version 2 of the seed: the three edits. */
export function editedSeed(text = seedText()): string {
  const lines = text.split('\n');
  const edited = lines.filter((l) => l !== REMOVED).map((l) => l.replace(REWORDED.before, REWORDED.after));
  edited.splice(1, 0, NOTE);
  return edited.join('\n');
}
