/**
 * Hand-made edits of seed 003 (English), the kind of silent edit a class should notice: a
 * sentence reworded, a paragraph removed, a correction note added. Shared by the unit tests and
 * the browser test (which imports the edited text as the same file again), with the passages
 * marked on the first version and what carrying each must say. `editedPage` makes the same edits
 * on the seed's saved news page (tests/fixtures/pages/seed-003.html), for the page that changes on
 * the local site (tests/support/page-server.ts).
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

/** Version 2 of the seed's saved news page: the same three edits, made in its HTML. */
export function editedPage(html: string): string {
  const edited = html
    .replace(`      <p>${REMOVED}</p>\n`, '')
    .replace(REWORDED.before, REWORDED.after)
    .replace('<p>This post was originally published on this site</p>\n', (p) => `${p}      <p>${NOTE}</p>\n`);
  if (edited.includes(REMOVED) || !edited.includes(NOTE) || !edited.includes(REWORDED.after)) throw new Error('the saved page of seed 003 no longer has the passages the edits change');
  return edited;
}
