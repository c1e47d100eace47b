/**
 * What changed between two versions of an article, word by word, with the `diff` library:
 * paragraphs first (`diffLines`: a paragraph added or removed is one whole part, never a word of
 * it matched with the same word elsewhere), then words within the paragraphs that changed
 * (`diffWordsWithSpace`, so white space and line breaks are kept as they are). The parts are grouped into **changes** a reader steps through: removed and added words next to
 * each other are one change, and so are two that only a space or one short word apart, so a
 * reworded sentence reads as one change, not five. Each change says whether words were added,
 * removed or replaced, and how many of each.
 */
import { diffLines, diffWordsWithSpace } from 'diff';

export type PartKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: PartKind;
  text: string;
  /** the change this part belongs to (its index in `changes`); none for unchanged text between changes */
  change?: number;
}

export interface Change {
  kind: 'added' | 'removed' | 'replaced';
  /** words removed and added (white space not counted) */
  removedWords: number;
  addedWords: number;
  /** the change's removed and added text, for a short label */
  removed: string;
  added: string;
  /** whole paragraphs added or removed (not words within one) */
  paragraph: boolean;
}

export interface VersionDiff {
  parts: DiffPart[];
  changes: Change[];
}

/** Unchanged text this short (no line break, no sentence end, at most this many words) joins the changes on both sides. */
const JOIN_WORDS = 3;

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function joins(text: string): boolean {
  return !/\n|[.!?]\s/.test(text) && text.split(/\s+/).filter(Boolean).length <= JOIN_WORDS;
}

type RawPart = Omit<DiffPart, 'change'> & { whole?: boolean };
const kindOf = (c: { added: boolean; removed: boolean }): PartKind => (c.added ? 'added' : c.removed ? 'removed' : 'same');

/** Paragraphs, then words inside a run of paragraphs replaced by others. */
function rawParts(before: string, after: string): RawPart[] {
  const lines = diffLines(before, after).map((c): RawPart => ({ kind: kindOf(c), text: c.value, whole: true }));
  const out: RawPart[] = [];
  for (let i = 0; i < lines.length; i++) {
    const [a, b] = [lines[i]!, lines[i + 1]];
    if (a.kind === 'removed' && b?.kind === 'added') {
      out.push(...diffWordsWithSpace(a.text, b.text).map((c): RawPart => ({ kind: kindOf(c), text: c.value })));
      i++;
    } else out.push(a);
  }
  return out;
}

export function versionDiff(before: string, after: string): VersionDiff {
  const raw = rawParts(before, after);
  const parts: DiffPart[] = [];
  const changes: Change[] = [];
  let current: Change | undefined;
  raw.forEach((part, i) => {
    if (part.kind === 'same') {
      const between = current && raw[i + 1] && raw[i + 1]!.kind !== 'same' && joins(part.text);
      if (between) {
        current!.removed += part.text;
        current!.added += part.text;
        parts.push({ kind: part.kind, text: part.text, change: changes.length - 1 });
      } else {
        current = undefined;
        parts.push({ kind: part.kind, text: part.text });
      }
      return;
    }
    if (!current) changes.push((current = { kind: part.kind, removedWords: 0, addedWords: 0, removed: '', added: '', paragraph: true }));
    current.paragraph &&= part.whole === true;
    if (part.kind === 'added') {
      current.added += part.text;
      current.addedWords += words(part.text);
    } else {
      current.removed += part.text;
      current.removedWords += words(part.text);
    }
    if (current.kind !== part.kind) current.kind = 'replaced';
    parts.push({ kind: part.kind, text: part.text, change: changes.length - 1 });
  });
  return { parts, changes };
}
