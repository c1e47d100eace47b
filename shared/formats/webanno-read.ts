/**
 * Reads INCEpTION's (and WebAnno's) TSV 3 format into foreign items. The header declares the
 * layers (`#T_SP=type|feature…` spans, `#T_RL=type|feature…|BT_spantype` relations, `#T_CH`
 * chains, whose columns are skipped); each sentence is a `#Text=` line then one row per token:
 * `sentence-token`, `begin-end` (UTF-16 offsets in the document), the token, then one column
 * per feature. A value is `_` (none), `*` (an annotation without a value), `label[3]` (token of
 * the multi-token span 3) or several stacked with `|`; a relation's `BT_` column holds its
 * governor's token (`1-3[4_5]`: governor span 4, dependent span 5). The kind is the feature
 * named kind/value/label/tag (else the first; `*` gives the layer's name), the note the one
 * named note/comment. The document text is rebuilt from the `#Text=` lines at their offsets.
 */
import { codePointIndex } from '../text/code-points';
import { emptyBatch, quoteAt, type ForeignBatch, type ForeignItem } from './foreign-item';

interface Layer {
  kind: 'SP' | 'CH' | 'RL';
  name: string;
  features: string[];
  column: number;
}

interface Row {
  id: string;
  begin: number;
  end: number;
  cells: string[];
  line: number;
}

const splitStack = (cell: string): string[] => (cell === '_' || cell === '' ? [] : cell.split(/(?<!\\)\|/));
const unescape = (s: string): string => s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
const shortName = (type: string): string => type.split('.').pop() ?? type;
const pick = (features: string[], names: string[]): number => features.findIndex((f) => names.includes(f.toLowerCase()));

function header(lines: string[]): Layer[] {
  const layers: Layer[] = [];
  let column = 3;
  for (const line of lines) {
    const m = /^#T_(SP|CH|RL)=(.*)$/.exec(line);
    if (!m) continue;
    const [name = '', ...features] = m[2]!.split('|');
    layers.push({ kind: m[1] as Layer['kind'], name, features, column });
    column += Math.max(1, features.length);
  }
  return layers;
}

/**
 * The document text: each sentence's `#Text=` lines at its first token's offset; a one-character
 * gap between sentences is a space, a longer one line breaks (a paragraph break). TSV does not
 * keep that white space, so a quote across sentences may differ there and anchors as moved.
 */
function documentText(lines: string[], rows: Row[]): string {
  const byLine = new Map(rows.map((r) => [r.line, r]));
  let text = '';
  let sentence: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.startsWith('#Text=')) sentence.push(unescape(line.slice(6)));
    const first = byLine.get(i);
    if (first && sentence.length > 0) {
      const gap = first.begin - text.length;
      text = gap < 0 ? text : text + (gap === 1 ? ' ' : '\n'.repeat(gap));
      text += sentence.join('\n').slice(Math.max(0, -gap));
      sentence = [];
    }
  }
  return text;
}

export function readWebAnno(tsv: string, file: string, source: string, creator: string): ForeignBatch {
  const batch = emptyBatch();
  const lines = tsv.split(/\r?\n/);
  if (!/^#FORMAT=WebAnno TSV 3/.test(lines[0] ?? '')) {
    batch.bad.push({ where: `${file}:1`, reason: 'not WebAnno TSV 3 (the first line must be #FORMAT=WebAnno TSV 3.x)' });
    return batch;
  }
  const layers = header(lines);
  const rows: Row[] = [];
  for (const [i, line] of lines.entries()) {
    const m = /^(\d+-\d+(?:\.\d+)?)\t(\d+)-(\d+)\t/.exec(line);
    if (m) rows.push({ id: m[1]!, begin: Number(m[2]), end: Number(m[3]), cells: line.split('\t'), line: i });
    else if (line !== '' && !line.startsWith('#')) batch.bad.push({ where: `${file}:${i + 1}`, reason: 'not a token row (sentence-token, begin-end, token, columns)' });
  }
  const text = documentText(lines, rows);
  const index = codePointIndex(text);
  const cps = [...text];
  const spans = new Map<string, ForeignItem & { first: Row; last: Row }>();
  const atToken = new Map<string, string>();
  for (const layer of layers.filter((l) => l.kind === 'SP')) {
    const kindCol = layer.column + Math.max(0, pick(layer.features, ['kind', 'value', 'label', 'tag']));
    const noteAt = pick(layer.features, ['note', 'comment']);
    for (const row of rows) {
      const notes = noteAt < 0 ? [] : splitStack(row.cells[layer.column + noteAt] ?? '_');
      splitStack(row.cells[kindCol] ?? '_').forEach((value, j) => {
        const m = /^(.*?)(?:\[(\d+)\])?$/.exec(value)!;
        const key = m[2] ? `${layer.name}:${m[2]}` : `${layer.name}:@${row.id}:${j}`;
        const label = m[1] === '*' || m[1] === '' ? shortName(layer.name) : unescape(m[1]!);
        const span = spans.get(key);
        if (span) span.last = row;
        else spans.set(key, { where: `${file}:${row.line + 1}`, iri: `${file}#${key}`, source, exact: '', prefix: '', suffix: '', kinds: [label], note: unescape((notes[j] ?? '_').replace(/(?<!\\)\[\d+\]$/, '')).replace(/^[_*]$/, ''), creator, first: row, last: row });
        if (!m[2]) atToken.set(`${layer.name}:@${row.id}`, key);
      });
    }
  }
  for (const { first, last, ...item } of spans.values()) {
    batch.items.push({ ...item, ...quoteAt(cps, index.toCodePoint(first.begin), index.toCodePoint(last.end)) });
  }
  for (const layer of layers.filter((l) => l.kind === 'RL')) {
    const bt = layer.features.length - 1;
    const target = (layer.features[bt] ?? '').replace(/^BT_/, '');
    const relCol = layer.column + Math.max(0, pick(layer.features.slice(0, bt), ['rel', 'relation', 'label', 'value', 'type']));
    for (const row of rows) {
      const governors = splitStack(row.cells[layer.column + bt] ?? '_');
      splitStack(row.cells[relCol] ?? '_').forEach((rel, j) => {
        const g = /^(\d+-\d+)(?:\[(\d+)_(\d+)\])?$/.exec(governors[j] ?? '');
        const from = g && (g[2] && g[2] !== '0' ? `${target}:${g[2]}` : atToken.get(`${target}:@${g[1]}`));
        const to = g && (g[3] && g[3] !== '0' ? `${target}:${g[3]}` : atToken.get(`${target}:@${row.id}`));
        const where = `${file}:${row.line + 1}`;
        if (!from || !to || !spans.has(from) || !spans.has(to)) batch.bad.push({ where, reason: `relation ${JSON.stringify(rel)}: its governor ${JSON.stringify(governors[j] ?? '')} or dependent is not a span of ${target}` });
        else batch.links.push({ where, from: `${file}#${from}`, to: `${file}#${to}`, rel: unescape(rel) });
      });
    }
  }
  return batch;
}
