/**
 * Test and bench corpora: the seed articles plus one article full of emoji, accents and
 * combining characters, each with several annotators' layers of overlapping spans, notes with
 * quotes, commas, tabs and newlines, and links (one across articles). Everything comes from a
 * seeded generator, so a failure names a seed and reproduces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalText } from '../../../shared/text/canonical-text';
import { codePointIndex } from '../../../shared/text/code-points';
import { targetFor, trimSpan } from '../../../shared/anchor/selectors';
import { sha256Hex } from '../../../shared/model/corpus';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import type { Annotation } from '../../../shared/model/record';
import type { ArticleSnapshot, CorpusInfo, LayerSnapshot } from '../../../shared/formats/types';
import { prng } from '../../support/prng';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export const EMOJI_TEXT = canonicalText(
  'Le café 😀 est “fort” — naïve façade, Zoë 👩🏽‍🔬 a dit: «l’IA 🤖 décide».\n\n' +
    'Combining: e\u0301te\u0301, n\u0303o; flags 🇫🇷🇪🇺; math 𝔸𝔹ℂ. Spotify’s success came from AI 🎵, or did it?\n' +
    'Third line, with a tab\there and "quotes", commas, and = signs.',
);

export const CORPUS: CorpusInfo = { id: 'sample', title: 'Sample corpus — Meta, Spotify & the AI Act 🤖', tagset: DEFAULT_TAGSET };

const AUTHORS = [
  { id: 'alice', name: 'Alice Émond', color: '#0072B2' },
  { id: 'bob', name: 'Bob "Bobby" Ng', color: '#E69F00' },
  { id: 'chloe', name: 'Chloé Dupont, PhD', color: '#009E73' },
];

const NOTES = ['', '', 'Source?', 'Voir « l’article » 📎', 'multi\nline, "quoted"\tand tabbed', '=1+1'];

/** Record ids are `<article>-<tag>-<n>`: opaque, so that no author's name hides in them. */
function layer(rand: () => number, text: string, article: string, owner: string, tag: string, author: (typeof AUTHORS)[number], count: number): LayerSnapshot {
  const index = codePointIndex(text);
  const annotations: Annotation[] = [];
  const kinds = DEFAULT_TAGSET.kinds.map((k) => k.key);
  const rels = DEFAULT_TAGSET.relations.map((r) => r.key);
  while (annotations.length < count) {
    const start = Math.floor(rand() * (index.length - 2));
    const span = trimSpan(index, start, Math.min(index.length, start + 1 + Math.floor(rand() * 60)));
    if (!span || span.end <= span.start) continue;
    const n = annotations.length;
    const created = new Date(Date.UTC(2025, 8, 1) + Math.floor(rand() * 1e9));
    const links = n > 0 && rand() < 0.3 ? [{ to: annotations[Math.floor(rand() * n)]!.id, rel: rels[Math.floor(rand() * rels.length)]! }] : [];
    annotations.push({
      id: `${article}-${tag}-${n}`,
      kind: kinds[Math.floor(rand() * kinds.length)]!,
      target: targetFor(index, span.start, span.end),
      note: NOTES[Math.floor(rand() * NOTES.length)]!,
      author,
      created: created.toISOString(),
      modified: new Date(created.getTime() + Math.floor(rand() * 1e6)).toISOString(),
      links,
      status: rand() < 0.8 ? 'open' : 'resolved',
    });
  }
  return { owner, annotations };
}

export function makeArticle(seed: number, id: string, title: string, language: string, text: string, perLayer: number, order = 0): ArticleSnapshot {
  const rand = prng(seed);
  const layers = AUTHORS.map((a, i) => layer(rand, text, id, a.id, `l${i}`, a, perLayer));
  layers.push(layer(rand, text, id, 'gold', 'g', AUTHORS[0]!, Math.ceil(perLayer / 2)));
  return { article: { id, title, language, source: 'test fixture', hash: sha256Hex(text), order }, text, layers };
}

/** The five seeds and the emoji article, with `perLayer` annotations per author (≈ 3.5 × that per article). */
export function seedCorpus(perLayer = 40, seed = 1): ArticleSnapshot[] {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'seeds/manifest.json'), 'utf8')) as {
    articles: { id: string; file: string; language: string; title: string }[];
  };
  const out = manifest.articles.map((a, i) =>
    makeArticle(seed + i, a.id, a.title, a.language, canonicalText(readFileSync(path.join(repoRoot, 'seeds', a.file), 'utf8')), perLayer, i),
  );
  out.push(makeArticle(seed + 99, 'emoji', 'Émoji & accents 😀', 'fr', EMOJI_TEXT, perLayer, out.length));
  // one link across articles
  out[0]!.layers[0]!.annotations[1]!.links.push({ to: out[1]!.layers[0]!.annotations[0]!.id, rel: 'same-claim', article: out[1]!.article.id });
  return out;
}
