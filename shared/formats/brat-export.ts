/**
 * brat standoff export: for every layer, `<layer>/<article>.txt` (the canonical text) and
 * `<layer>/<article>.ann` with a T line per annotation (offsets in code points, as brat counts
 * characters; a span across line breaks becomes fragments `a b;c d`), an R line per link within
 * the layer and article, and a `#` AnnotatorNotes line per note (line breaks written as the
 * two characters \n). The annotation.conf, written last, declares every kind and relation of the
 * tagset and every other one the records use (kinds kept from an older tagset, say), so brat
 * shows no undeclared type; a type is written without white space, as brat's syntax needs.
 */
import type { Annotation } from '../model/record';
import { codePointIndex, type CodePointIndex } from '../text/code-points';
import type { ExportOptions, ExportWriter, OutChunk } from './types';
import { sortedArticle } from './types';

const bratType = (s: string): string => s.replace(/\s+/g, '_');
const oneLine = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/\t/g, ' ');

/** `start end` fragments of a code point span, split at line breaks, and their texts joined by spaces. */
function fragments(index: CodePointIndex, start: number, end: number): { spans: string; text: string } {
  const text = index.text;
  const out: string[] = [];
  let from = start;
  const slice = text.slice(index.toUtf16(start), index.toUtf16(end));
  let cp = start;
  for (const ch of slice) {
    if (ch === '\n') {
      if (cp > from) out.push(`${from} ${cp}`);
      from = cp + 1;
    }
    cp++;
  }
  if (end > from) out.push(`${from} ${end}`);
  const texts = out.map((f) => {
    const [s, e] = f.split(' ').map(Number) as [number, number];
    return text.slice(index.toUtf16(s), index.toUtf16(e));
  });
  return { spans: out.join(';'), text: texts.join(' ') };
}

function annFile(text: string, annotations: Annotation[]): string {
  const ids = new Map(annotations.map((a, i) => [a.id, `T${i + 1}`]));
  const index = codePointIndex(text);
  const lines: string[] = [];
  let r = 0;
  let n = 0;
  for (const a of annotations) {
    const t = ids.get(a.id)!;
    const f = fragments(index, a.target.start, a.target.end);
    lines.push(`${t}\t${bratType(a.kind)} ${f.spans}\t${f.text}`);
    if (a.note !== '') lines.push(`#${++n}\tAnnotatorNotes ${t}\t${oneLine(a.note)}`);
  }
  for (const a of annotations) {
    for (const link of a.links) {
      const to = ids.get(link.to);
      if (to && !link.article) lines.push(`R${++r}\t${bratType(link.rel)} Arg1:${ids.get(a.id)} Arg2:${to}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}

export function bratWriter(options: ExportOptions): ExportWriter {
  const kinds = new Set(options.corpus.tagset.kinds.map((k) => k.key));
  const relations = new Set(options.corpus.tagset.relations.map((r) => r.key));
  return {
    begin: () => [],
    article(entry) {
      const out: OutChunk[] = [];
      for (const layer of sortedArticle(entry).layers) {
        for (const a of layer.annotations) {
          kinds.add(a.kind);
          for (const l of a.links) relations.add(l.rel);
        }
        out.push({ file: `${layer.owner}/${entry.article.id}.txt`, text: entry.text });
        out.push({ file: `${layer.owner}/${entry.article.id}.ann`, text: annFile(entry.text, layer.annotations) });
      }
      return out;
    },
    end() {
      const conf = ['[entities]', ...[...kinds].map(bratType), '[relations]', ...[...relations].map((r) => `${bratType(r)}\tArg1:<ENTITY>, Arg2:<ENTITY>`), '[events]', '[attributes]'];
      return [{ file: 'annotation.conf', text: `${conf.join('\n')}\n` }];
    },
  };
}
