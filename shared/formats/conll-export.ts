/**
 * CoNLL-style BIO export: one block per article and layer (`#begin document (<article>); layer
 * <owner>` … `#end document`), one token per line with its code point offsets and one BIO
 * column per kind of the tagset, so spans of different kinds may overlap. Paragraphs are
 * separated by a blank line, and each paragraph is a well-formed BIO block: a span that runs on
 * past a line break starts again with B- after the blank line. Two overlapping spans of the same kind in one layer cannot both be
 * told apart in BIO: the later one starts a new B inside the earlier one (docs/formats.md).
 */
import { paragraphs } from '../text/canonical-text';
import { codePointIndex } from '../text/code-points';
import { tokenize, tokensIn, type Token } from './tokens';
import type { ExportOptions, ExportWriter, LayerSnapshot } from './types';
import { sortedArticle } from './types';

function columns(tokens: Token[], layer: LayerSnapshot, kinds: string[]): string[][] {
  const cols = kinds.map(() => new Array<string>(tokens.length).fill('O'));
  for (const a of layer.annotations) {
    const k = kinds.indexOf(a.kind);
    if (k < 0) continue;
    tokensIn(tokens, a.target.start, a.target.end).forEach((t, i) => {
      cols[k]![t] = i === 0 ? `B-${a.kind}` : cols[k]![t] === 'O' ? `I-${a.kind}` : cols[k]![t]!;
    });
  }
  return cols;
}

export function conllWriter(options: ExportOptions): ExportWriter {
  const kinds = options.corpus.tagset.kinds.map((k) => k.key);
  return {
    begin: () => [{ file: '', text: `# columns = TOKEN START END ${kinds.map((k) => k.toUpperCase()).join(' ')}\n` }],
    article(entry) {
      const tokens = tokenize(entry.text);
      const index = codePointIndex(entry.text);
      const breaks = paragraphs(entry.text).slice(1).map((p) => index.toCodePoint(p.start));
      const lines: string[] = [];
      for (const layer of sortedArticle(entry).layers) {
        const cols = columns(tokens, layer, kinds);
        lines.push(`#begin document (${entry.article.id}); layer ${layer.owner}`);
        let paragraph = 0;
        tokens.forEach((t, i) => {
          let fresh = false;
          while (paragraph < breaks.length && t.start >= breaks[paragraph]!) {
            lines.push('');
            paragraph++;
            fresh = true;
          }
          const labels = cols.map((c) => (fresh && c[i]!.startsWith('I-') ? `B-${c[i]!.slice(2)}` : c[i]));
          lines.push([t.text, t.start, t.end, ...labels].join('\t'));
        });
        lines.push('#end document', '');
      }
      return [{ file: '', text: lines.map((l) => `${l}\n`).join('') }];
    },
    end: () => [],
  };
}
