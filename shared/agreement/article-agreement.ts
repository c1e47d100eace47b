/**
 * Agreement between the annotators (layers) of one article, per kind: each annotator labels
 * every token in or out of a span of that kind, which gives pairwise Cohen's kappa, Fleiss'
 * kappa and nominal Krippendorff's alpha over tokens; the spans themselves, in code points,
 * give unitizing alpha. The `gold` layer is a curation, not an annotator, and is left out
 * unless asked for. Also finds the paragraphs where annotators disagree most.
 */
import { GOLD_OWNER } from '../model/doc-names';
import type { Tagset } from '../model/tagset';
import { codePointIndex } from '../text/code-points';
import { paragraphs } from '../text/canonical-text';
import { tokenize, tokensIn, type Token } from '../formats/tokens';
import type { ArticleSnapshot } from '../formats/types';
import { addValues, tokenValues, type CategoryStats } from './category-stats';
import { addTokens, tokenFigures, tokenStats, type PairKappa, type TokenStats } from './token-stats';
import { unitizedAlpha, unitizedAlphaAll, type Span, type UnitizedResult } from './unitized';

export interface AgreementOptions {
  includeGold?: boolean;
  /** Passages to list per article (default 5). */
  passages?: number;
}

export interface KindAgreement {
  kind: string;
  cohen: PairKappa[];
  fleiss: number | null;
  alpha: number | null;
  unitizedAlpha: number | null;
}

export interface Passage {
  /** Code point offsets of the paragraph. */
  start: number;
  end: number;
  text: string;
  /** Share of (token, kind) judgements on which a pair of annotators disagrees, 0–1. */
  disagreement: number;
}

export interface ArticleAgreement {
  article: string;
  annotators: string[];
  kinds: KindAgreement[];
  /** uα over all kinds together. */
  unitizedAlpha: number | null;
  passages: Passage[];
}

/** Per kind, per annotator: the binary token labels ('1' inside a span of the kind) and the spans. */
export interface Labelled {
  annotators: string[];
  tokens: Token[];
  labels: Map<string, string[][]>;
  spans: Map<string, Span[][]>;
}

export function labelArticle(entry: Pick<ArticleSnapshot, 'text' | 'layers'>, tagset: Tagset, options: AgreementOptions = {}): Labelled {
  const layers = entry.layers.filter((l) => options.includeGold || l.owner !== GOLD_OWNER).sort((a, b) => (a.owner < b.owner ? -1 : 1));
  const tokens = tokenize(entry.text);
  const labels = new Map<string, string[][]>();
  const spans = new Map<string, Span[][]>();
  for (const kind of tagset.kinds) {
    labels.set(kind.key, layers.map(() => new Array<string>(tokens.length).fill('0')));
    spans.set(kind.key, layers.map(() => []));
  }
  layers.forEach((layer, r) => {
    for (const a of layer.annotations) {
      const row = labels.get(a.kind)?.[r];
      if (!row) continue;
      for (const t of tokensIn(tokens, a.target.start, a.target.end)) row[t] = '1';
      spans.get(a.kind)![r]!.push({ start: a.target.start, end: a.target.end });
    }
  });
  return { annotators: layers.map((l) => l.owner), tokens, labels, spans };
}

function passages(entry: ArticleSnapshot, data: Labelled, count: number): Passage[] {
  const index = codePointIndex(entry.text);
  const out: Passage[] = [];
  for (const p of paragraphs(entry.text)) {
    const start = index.toCodePoint(p.start);
    const end = index.toCodePoint(p.end);
    const tokens = tokensIn(data.tokens, start, end);
    let pairs = 0;
    let split = 0;
    for (const rows of data.labels.values()) {
      for (const t of tokens) {
        const yes = rows.reduce((n, row) => n + (row[t] === '1' ? 1 : 0), 0);
        const n = rows.length;
        pairs += (n * (n - 1)) / 2;
        split += yes * (n - yes);
      }
    }
    if (split > 0) out.push({ start, end, text: entry.text.slice(p.start, p.end), disagreement: split / pairs });
  }
  return out.sort((a, b) => b.disagreement - a.disagreement || a.start - b.start).slice(0, count);
}

/** Where a corpus pools what each article adds: token statistics per kind and over all kinds, uα parts per kind weighted by length. */
export interface Pooled {
  tokens: Map<string, TokenStats>;
  categories: CategoryStats;
  unitized: Map<string, { observed: number; expected: number; length: number }>;
}

function pool(into: Pooled['unitized'], kind: string, u: UnitizedResult, length: number): void {
  const p = into.get(kind) ?? { observed: 0, expected: 0, length: 0 };
  into.set(kind, { observed: p.observed + u.observed * length, expected: p.expected + u.expected * length, length: p.length + length });
}

/** The article's figures; when `pooled` is given, its statistics are also added there. */
export function articleAgreement(entry: ArticleSnapshot, tagset: Tagset, options: AgreementOptions = {}, pooled?: Pooled): ArticleAgreement {
  const data = labelArticle(entry, tagset, options);
  const length = codePointIndex(entry.text).length;
  const n = data.annotators.length;
  const unitized = [];
  const kinds: KindAgreement[] = [];
  for (const kind of tagset.kinds) {
    const stats = tokenStats();
    const rows = data.labels.get(kind.key)!;
    addTokens(stats, data.annotators, rows);
    const into = pooled?.tokens.get(kind.key);
    if (into) addTokens(into, data.annotators, rows);
    const u = unitizedAlpha(data.spans.get(kind.key)!, 0, length);
    if (pooled && n >= 2) pool(pooled.unitized, kind.key, u, length);
    unitized.push(u);
    kinds.push({ kind: kind.key, ...tokenFigures(stats), unitizedAlpha: n < 2 ? null : u.alpha });
  }
  if (pooled) addValues(pooled.categories, data.annotators, tokenValues(tagset.kinds.map((k) => k.key), data.labels, n, data.tokens.length));
  return {
    article: entry.article.id,
    annotators: data.annotators,
    kinds,
    unitizedAlpha: n < 2 ? null : unitizedAlphaAll(unitized).alpha,
    passages: passages(entry, data, options.passages ?? 5),
  };
}
