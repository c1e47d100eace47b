/**
 * Reads brat standoff (an `.ann` file beside its `.txt`) into foreign items: a `T` line
 * (`T1<TAB>Type start end[;start end…]<TAB>text`, offsets in code points as brat counts them)
 * is a span from its first to its last fragment, an `R` line (`R1<TAB>Type Arg1:T1 Arg2:T2`) a
 * link, an `AnnotatorNotes` line the span's note (`\n` unescaped, as brat-export.ts writes it).
 * Events, attributes, normalisations and equivalences have no Glose equivalent; they and any
 * malformed line come back as bad items naming the line.
 */
import { emptyBatch, quoteAt, type ForeignBatch, type ForeignItem } from './foreign-item';

const unescape = (s: string): string => s.replace(/\\(n|\\)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));

/** `annName` is the .ann file's path as the user gave it; `creator` is the layer its spans go to. */
export function readBrat(ann: string, text: string, annName: string, source: string, creator: string): ForeignBatch {
  const batch = emptyBatch();
  const cps = [...text];
  const spans = new Map<string, ForeignItem>();
  const notes: { where: string; of: string; note: string }[] = [];
  for (const [i, line] of ann.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const where = `${annName}:${i + 1}`;
    const [id = '', middle = '', rest] = line.split('\t');
    const t = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(middle);
    const r = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(middle);
    const note = /^AnnotatorNotes (\S+)$/.exec(middle);
    if (id.startsWith('T') && t) {
      const offsets = t[2]!.split(/[ ;]/).map(Number);
      const start = Math.min(...offsets);
      const end = Math.max(...offsets);
      if (end > cps.length || end <= start) {
        batch.bad.push({ where, reason: `offsets ${start}–${end} are outside the text (${cps.length} characters)` });
        continue;
      }
      const item: ForeignItem = { where, iri: `${annName}#${id}`, source, ...quoteAt(cps, start, end), kinds: [t[1]!], note: '', creator };
      spans.set(id, item);
      batch.items.push(item);
    } else if (id.startsWith('R') && r) batch.links.push({ where, from: `${annName}#${r[2]}`, to: `${annName}#${r[3]}`, rel: r[1]! });
    else if (id.startsWith('#') && note) notes.push({ where, of: note[1]!, note: unescape(rest ?? '') });
    else if (/^[EAMN*]/.test(id)) batch.bad.push({ where, reason: `brat ${id[0]} annotations (events, attributes, normalisations, equivalences) have no Glose equivalent` });
    else batch.bad.push({ where, reason: 'not a brat standoff line (T, R or AnnotatorNotes)' });
  }
  for (const n of notes) {
    const span = spans.get(n.of);
    if (span) span.note = span.note ? `${span.note}\n\n${n.note}` : n.note;
    else batch.bad.push({ where: n.where, reason: `a note on ${n.of}, which is not a span of this file` });
  }
  return batch;
}
