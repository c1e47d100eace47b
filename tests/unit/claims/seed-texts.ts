/** The seed articles as the app stores them (canonical text), read from the repo's seeds/. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import manifest from '../../../seeds/manifest.json';
import { canonicalText } from '../../../shared/text/canonical-text';

const seeds = path.resolve(import.meta.dirname, '../../../seeds');

export const SEEDS = manifest.articles.map((a) => ({ id: a.id, language: a.language, text: canonicalText(readFileSync(path.join(seeds, a.file), 'utf8')) }));

export function seed(id: string) {
  return SEEDS.find((s) => s.id === id)!;
}

/** The UTF-16 span of the `nth` occurrence (0-based) of `passage` in seed `id`. */
export function spanOf(id: string, passage: string, nth = 0): { start: number; end: number } {
  const { text } = seed(id);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(passage, at + 1);
    if (at < 0) throw new Error(`not in seed ${id} (${i}): ${passage}`);
  }
  return { start: at, end: at + passage.length };
}
