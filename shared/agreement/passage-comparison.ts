/**
 * The class comparison of one article, passage by passage (a passage is a paragraph of the
 * canonical text): for each passage, what each member marked in it (the kinds, or nothing),
 * members grouped by that answer, and how disputed it is. Members are the layers with at least
 * one mark on the article (`gold` left out): a classmate who never marked it is not counted as
 * having "marked nothing everywhere".
 *
 * Disputed (docs/agreement.md, "Comparing a class"): over the words of the passage that at least
 * one member marked, the share of pairs of members who gave the word a different value — a
 * different kind, or one marked it and the other did not. Each member's value per word is the
 * multi-category one of the agreement figures (category-stats.ts: a kind, kinds joined by `+`,
 * or none). 0 is a passage where everyone who marked the article marked the same words the same
 * way; null a passage nobody marked, or an article only one member marked.
 *
 * Each paragraph is also cut into sentences (in the article's language, sentences.ts),
 * each scored the same way, so "where the class disagrees" points at the sentence while the
 * passages stay paragraphs. Pure and DOM-free.
 */
import type { Tagset } from '../model/tagset';
import type { ArticleSnapshot } from '../formats/types';
import { paragraphs } from '../text/canonical-text';
import { codePointIndex, type CodePointIndex } from '../text/code-points';
import { sentenceSpans } from '../text/sentences';
import { tokensIn } from '../formats/tokens';
import { NONE, tokenValues } from './category-stats';
import { labelArticle } from './article-agreement';

export interface AnswerGroup {
  /** the kinds these members marked in the passage (tagset order); empty: they marked nothing there */
  kinds: string[];
  members: string[];
}

export interface SpanScore {
  /** UTF-16 offsets in the canonical text */
  start: number;
  end: number;
  /** 0–1, null when nobody marked the span or fewer than two members marked the article */
  disputed: number | null;
  /** members who marked something in the span */
  marked: number;
}

export interface PassageComparison extends SpanScore {
  /** position of the passage (paragraph) in the article, from 0 */
  index: number;
  text: string;
  /** the paragraph's sentences, each scored alone */
  sentences: SpanScore[];
  /** members grouped by what they marked, the largest group first (the "nothing" group last) */
  groups: AnswerGroup[];
}

export interface ArticleComparison {
  /** members who marked the article, sorted */
  members: string[];
  passages: PassageComparison[];
  /** the passages someone marked, the most disputed first (then the most marked, then in text order) */
  ranked: PassageComparison[];
}

/** Pairs of members whose values differ on word `t`, or -1 where nobody marked it. */
function differingPairs(values: readonly string[][], t: number): number {
  const counts = new Map<string, number>();
  for (const row of values) counts.set(row[t]!, (counts.get(row[t]!) ?? 0) + 1);
  if (counts.get(NONE) === values.length) return -1;
  const n = values.length;
  let same = 0;
  for (const c of counts.values()) same += (c * (c - 1)) / 2;
  return (n * (n - 1)) / 2 - same;
}

function groupsOf(members: readonly string[], kindsOf: (r: number) => string[]): AnswerGroup[] {
  const groups = new Map<string, AnswerGroup>();
  members.forEach((member, r) => {
    const kinds = kindsOf(r);
    const key = kinds.join('+');
    const group = groups.get(key) ?? { kinds, members: [] };
    group.members.push(member);
    groups.set(key, group);
  });
  return [...groups.values()].sort((a, b) => (a.kinds.length === 0 ? 1 : 0) - (b.kinds.length === 0 ? 1 : 0) || b.members.length - a.members.length || a.kinds.join().localeCompare(b.kinds.join()));
}

/** The members of one article, and how one span of it is judged (each word's pairs counted once). */
function scorer(entry: Pick<ArticleSnapshot, 'text' | 'layers'>, tagset: Tagset, index: CodePointIndex) {
  const active = { text: entry.text, layers: entry.layers.filter((l) => l.annotations.length > 0) };
  const data = labelArticle(active, tagset);
  const members = data.annotators;
  const kinds = tagset.kinds.map((k) => k.key);
  const values = tokenValues(kinds, data.labels, members.length, data.tokens.length);
  const pairs = (members.length * (members.length - 1)) / 2;
  const split = data.tokens.map((_, t) => differingPairs(values, t));
  const tokensOf = (start: number, end: number) => tokensIn(data.tokens, index.toCodePoint(start), index.toCodePoint(end));
  const score = (start: number, end: number): SpanScore => {
    const tokens = tokensOf(start, end);
    let judged = 0;
    let differ = 0;
    for (const t of tokens) {
      if (split[t]! < 0) continue;
      judged += pairs;
      differ += split[t]!;
    }
    const marked = values.filter((row) => tokens.some((t) => row[t] !== NONE)).length;
    return { start, end, disputed: judged > 0 ? differ / judged : null, marked };
  };
  const groups = (start: number, end: number) => {
    const tokens = tokensOf(start, end);
    return groupsOf(members, (r) => kinds.filter((k) => tokens.some((t) => data.labels.get(k)![r]![t] === '1')));
  };
  return { members, score, groups };
}

/** `language`: the article's (a BCP 47 tag), for cutting sentences. */
export function compareArticle(entry: Pick<ArticleSnapshot, 'text' | 'layers'>, tagset: Tagset, language = 'und'): ArticleComparison {
  const { members, score, groups } = scorer(entry, tagset, codePointIndex(entry.text));
  const passages = paragraphs(entry.text).map((p, i): PassageComparison => {
    const sentences = sentenceSpans(entry.text, p.start, p.end, language).map((s) => score(s.start, s.end));
    return { index: i, text: entry.text.slice(p.start, p.end), ...score(p.start, p.end), groups: groups(p.start, p.end), sentences };
  });
  const ranked = passages
    .filter((p) => p.marked > 0)
    .sort((a, b) => (b.disputed ?? -1) - (a.disputed ?? -1) || b.marked - a.marked || a.index - b.index);
  return { members, passages, ranked };
}

/** The passage's most disputed sentence (the first of equals), when it has more than one and one is disputed. */
export function mostDisputedSentence(passage: PassageComparison): { n: number; sentence: SpanScore } | null {
  if (passage.sentences.length < 2) return null;
  let best = -1;
  for (let i = 0; i < passage.sentences.length; i++) {
    if ((passage.sentences[i]!.disputed ?? 0) > (passage.sentences[best]?.disputed ?? 0)) best = i;
  }
  return best < 0 ? null : { n: best + 1, sentence: passage.sentences[best]! };
}
