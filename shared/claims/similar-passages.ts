/**
 * "Same claim?": the sentences of a corpus that are close in wording to a passage a student
 * marked as a claim, in its own article and the other articles of the same language.
 *
 * The measure (docs/claims.md): each sentence is a bag of terms — words lower-cased, cut at
 * apostrophes (l’IA → l, ia), stop words removed (the `stopword` package's list of the
 * article's language, French or English, both lists for another language; one list each, as
 * French "ai" is English "AI"), stemmed with the Snowball stemmer of the article's language
 * (`@orama/stemmers`, so "investissements" and "investissement" are one term) and stripped of
 * accents. Terms are weighted by TF-IDF, the IDF counted over the sentences of the articles
 * compared (a word every sentence has, such as "Spotify" in these articles, weighs little),
 * and two passages' similarity is the cosine of their vectors. A sentence is offered when its
 * cosine with the marked passage reaches SAME_CLAIM_THRESHOLD and it shares at least
 * MIN_SHARED_TERMS terms with it (a two-word sentence is never "the same claim" by one word).
 */
import { eng, fra } from 'stopword';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { sentences, type Span } from '../text/sentences';

/** Chosen on the seeds (docs/claims.md): the Spotify-AI claim's places score 1.0 and 0.46, the closest unrelated sentence 0.32. */
export const SAME_CLAIM_THRESHOLD = 0.35;
export const MIN_SHARED_TERMS = 3;
/** At most this many suggestions, best first. */
export const MAX_SUGGESTIONS = 5;

const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
// each language's own list: French "ai" (j'ai) is English "AI"
const STOP: Record<string, Set<string>> = { fr: lower(fra), en: lower(eng) };
const BOTH = new Set([...STOP.fr!, ...STOP.en!]);
const stopWords = (language: string) => STOP[language] ?? BOTH;
/** A French or English stop word (lower case). */
export const isStopWord = (word: string): boolean => BOTH.has(word);
const STEMMERS: Record<string, (word: string) => string> = { en: english, fr: french };

export interface TextOf {
  id: string;
  language: string;
  text: string;
}

export interface Suggestion extends Span {
  article: string;
  /** the sentence, as it is in the text */
  text: string;
  /** cosine similarity with the marked passage, 0 to 1 */
  score: number;
}

/** The terms of a passage: words without stop words, stemmed in `language`, without accents. */
export function terms(passage: string, language: string): string[] {
  const stem = STEMMERS[language] ?? ((w: string) => w);
  const stop = stopWords(language);
  const words = passage.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return words.filter((w) => w.length > 1 && !stop.has(w)).map((w) => stem(w).normalize('NFD').replace(/\p{M}/gu, ''));
}

type Vector = Map<string, number>;

function counts(list: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of list) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

function weigh(tf: Map<string, number>, idf: (t: string) => number): Vector {
  const v: Vector = new Map();
  for (const [t, n] of tf) v.set(t, n * idf(t));
  return v;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    dot += w * (b.get(t) ?? 0);
  }
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

interface Candidate extends Span {
  article: string;
  tf: Map<string, number>;
}

/**
 * The sentences of `articles` (those in `language` only) whose wording is close to `passage`,
 * best first, leaving out those that overlap `exclude` (the marked passage itself, and the
 * places already marked as this claim).
 */
export function similarPassages(passage: string, language: string, articles: readonly TextOf[], exclude: readonly (Span & { article: string })[] = []): Suggestion[] {
  const candidates: Candidate[] = [];
  const texts = new Map<string, string>();
  for (const a of articles) {
    if (a.language !== language) continue;
    texts.set(a.id, a.text);
    for (const s of sentences(a.text, language)) candidates.push({ ...s, article: a.id, tf: counts(terms(a.text.slice(s.start, s.end), language)) });
  }
  const df = new Map<string, number>();
  for (const c of candidates) for (const t of c.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log((1 + candidates.length) / (1 + (df.get(t) ?? 0))) + 1;
  const query = weigh(counts(terms(passage, language)), idf);
  const overlaps = (c: Candidate) => exclude.some((e) => e.article === c.article && e.start < c.end && c.start < e.end);
  const out: Suggestion[] = [];
  for (const c of candidates) {
    if (overlaps(c)) continue;
    const shared = [...c.tf.keys()].filter((t) => query.has(t)).length;
    if (shared < MIN_SHARED_TERMS) continue;
    const score = cosine(query, weigh(c.tf, idf));
    if (score >= SAME_CLAIM_THRESHOLD) out.push({ article: c.article, start: c.start, end: c.end, text: texts.get(c.article)!.slice(c.start, c.end), score });
  }
  return out.sort((a, b) => b.score - a.score || a.article.localeCompare(b.article) || a.start - b.start).slice(0, MAX_SUGGESTIONS);
}
