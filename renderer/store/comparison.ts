/**
 * The class comparison of the open article, from the article state's placements: each record
 * where it is anchored now (orphans left out), by layer owner, compared passage by passage
 * (shared/agreement/passage-comparison.ts). Adds what the view shows beside the figures: each
 * member's name, initials and colour (the roster's, as the state vouches them) and, per
 * passage, a record in it, so the article can be opened there, and each member's first record
 * in it (the teacher's feedback on that mark starts there), and how many marks lie in it (the
 * heat strip's count). A layer may be named other than by its records' author (`names`): a
 * team's layer is the team's work, named for the team. DOM-free.
 */
import { compareArticle, mostDisputedSentence, type ArticleComparison } from '../../shared/agreement/passage-comparison';
import type { Annotation } from '../../shared/model/record';
import type { Tagset } from '../../shared/model/tagset';
import type { CodePointIndex } from '../../shared/text/code-points';
import type { Placed } from './placed-annotations';

export interface Member {
  name: string;
  initials: string;
  color: string;
}

export interface ClassComparison extends ArticleComparison {
  people: Map<string, Member>;
  /** per passage index, the first record placed in it */
  firstRecord: Map<number, string>;
  /** per passage index, each member's first record placed in it */
  memberRecords: Map<number, Map<string, string>>;
  /** per passage index, the marks (records of everyone) placed in it */
  marks: Map<number, number>;
}

/** "Nina" → "N", "Jean-Paul Sartre" → "JS", "M. Petit" → "MP" (at most two letters). */
export function initialsOf(name: string): string {
  const words = name.split(/[\s.-]+/u).filter((w) => /\p{L}/u.test(w));
  const letters = words.map((w) => [...w.replace(/^\P{L}+/u, '')][0]!.toUpperCase());
  return (letters.length > 2 ? [letters[0], letters[letters.length - 1]] : letters).join('') || '?';
}

/** `names`: layers named other than by their records' author (teams); `language`: the article's, for cutting its paragraphs into sentences. */
export function classComparison(text: string, index: CodePointIndex, placed: readonly Placed[], tagset: Tagset, names: ReadonlyMap<string, string> = new Map(), language?: string): ClassComparison {
  const layers = new Map<string, Annotation[]>();
  const people = new Map<string, Member>();
  for (const p of placed) {
    if (p.anchor === 'orphan') continue;
    const a = p.annotation;
    const target = { ...a.target, start: index.toCodePoint(p.start), end: index.toCodePoint(p.end) };
    layers.set(p.owner, [...(layers.get(p.owner) ?? []), { ...a, target }]);
    const name = names.get(p.owner) ?? a.author.name;
    if (!people.has(p.owner)) people.set(p.owner, { name, initials: initialsOf(name), color: a.author.color });
  }
  const comparison = compareArticle({ text, layers: [...layers].map(([owner, annotations]) => ({ owner, annotations })) }, tagset, language);
  const firstRecord = new Map<number, string>();
  const memberRecords = new Map<number, Map<string, string>>();
  const marks = new Map<number, number>();
  for (const passage of comparison.passages) {
    const inside = placed.filter((p) => p.anchor !== 'orphan' && p.start < passage.end && p.end > passage.start);
    if (inside[0]) firstRecord.set(passage.index, inside[0].annotation.id);
    const byMember = new Map<string, string>();
    for (const p of inside) if (!byMember.has(p.owner)) byMember.set(p.owner, p.annotation.id);
    memberRecords.set(passage.index, byMember);
    marks.set(passage.index, inside.length);
  }
  return { ...comparison, people, firstRecord, memberRecords, marks };
}

/** What the heat strip shows of each passage (renderer/components/heat/HeatSegment.tsx), in text order. */
export function heatFigures(c: ClassComparison) {
  return c.passages.map((p) => ({
    index: p.index,
    marks: c.marks.get(p.index) ?? 0,
    share: c.members.length ? p.marked / c.members.length : 0,
    disputed: p.disputed,
    sentence: mostDisputedSentence(p)?.n ?? 0,
  }));
}
