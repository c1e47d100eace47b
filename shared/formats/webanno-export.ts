/**
 * WebAnno TSV 3.3 export (for INCEpTION): one file per article and layer,
 * `annotation/<article>/<layer>.tsv` as INCEpTION lays out a project's annotations. The header
 * declares a span layer (`webanno.custom.GloseSpan`, features kind and note) and a relation layer
 * (`webanno.custom.GloseLink`, feature rel, governed by GloseSpan); each paragraph is a sentence
 * (`#Text=`), each word token (tokens.ts) a row with its UTF-16 offsets, as Java counts them.
 * Every span carries its number (`claim[3]`) on each of its tokens, stacked with `|` where spans
 * overlap; a link is written on the first token of the span it points to, with its source's
 * token and both span numbers in the `BT_` column. Reserved characters in values are escaped.
 */
import { paragraphs } from '../text/canonical-text';
import { codePointIndex } from '../text/code-points';
import { tokenize, tokensIn } from './tokens';
import type { ExportOptions, ExportWriter, LayerSnapshot, OutChunk } from './types';
import { sortedArticle } from './types';

const SPAN = 'webanno.custom.GloseSpan';
const WEBANNO_HEADER = `#FORMAT=WebAnno TSV 3.3\n#T_SP=${SPAN}|kind|note\n#T_RL=webanno.custom.GloseLink|rel|BT_${SPAN}\n\n\n`;

const ESCAPED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escape = (s: string): string => (s === '' ? '_' : s.replace(/->|[\\[\]|_;*\t\n\r]/g, (m) => ESCAPED[m] ?? `\\${m}`));

function tsv(text: string, layer: LayerSnapshot): string {
  const index = codePointIndex(text);
  const tokens = tokenize(text);
  const paras = paragraphs(text);
  const breaks = paras.map((p) => index.toCodePoint(p.start));
  const kind = tokens.map(() => [] as string[]);
  const note = tokens.map(() => [] as string[]);
  const rel = tokens.map(() => [] as string[]);
  const gov = tokens.map(() => [] as string[]);
  const address: string[] = [];
  let sentence = 0;
  let inSentence = 0;
  tokens.forEach((t) => {
    while (sentence < breaks.length && t.start >= breaks[sentence]!) {
      sentence++;
      inSentence = 0;
    }
    address.push(`${sentence}-${++inSentence}`);
  });
  const spans = new Map<string, { n: number; first: number }>();
  layer.annotations.forEach((a, i) => {
    const covered = tokensIn(tokens, a.target.start, a.target.end);
    if (covered.length === 0) return;
    spans.set(a.id, { n: i + 1, first: covered[0]! });
    for (const t of covered) {
      kind[t]!.push(`${escape(a.kind)}[${i + 1}]`);
      note[t]!.push(`${escape(a.note)}[${i + 1}]`);
    }
  });
  for (const a of layer.annotations) {
    for (const l of a.links) {
      const from = spans.get(a.id);
      const to = l.article ? undefined : spans.get(l.to);
      if (!from || !to) continue;
      rel[to.first]!.push(escape(l.rel));
      gov[to.first]!.push(`${address[from.first]}[${from.n}_${to.n}]`);
    }
  }
  const out: string[] = [];
  let last = '';
  tokens.forEach((t, i) => {
    const s = address[i]!.split('-')[0]!;
    if (s !== last) {
      const p = paras[Number(s) - 1]!;
      out.push(`${last ? '\n' : ''}#Text=${text.slice(p.start, p.end).replace(/\\/g, '\\\\')}`);
      last = s;
    }
    const cell = (values: string[]): string => (values.length ? values.join('|') : '_');
    out.push([address[i], `${index.toUtf16(t.start)}-${index.toUtf16(t.end)}`, t.text, cell(kind[i]!), cell(note[i]!), cell(rel[i]!), cell(gov[i]!), ''].join('\t'));
  });
  return `${WEBANNO_HEADER}${out.join('\n')}\n`;
}

export function webannoWriter(_options: ExportOptions): ExportWriter {
  return {
    begin: () => [],
    article(entry) {
      const out: OutChunk[] = [];
      for (const layer of sortedArticle(entry).layers) out.push({ file: `annotation/${entry.article.id}/${layer.owner}.tsv`, text: tsv(entry.text, layer) });
      return out;
    },
    end: () => [],
  };
}
