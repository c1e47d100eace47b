/**
 * A quick yes for the common annotation record, checked field by field in plain code, because
 * zod (record.ts) runs without its compiled fast path under the page's CSP (no `eval`) and
 * checking 900 records with it was a tenth of an article's opening. It only ever says "valid,
 * and this is what zod would return" (the same fields, unknown keys dropped) or "ask zod": a
 * record it does not accept goes to zod, which refuses it with its message, so it refuses
 * nothing zod would accept and accepts nothing zod would refuse (tests/unit/model/
 * record-fast-check.test.ts compares both on valid, broken and random records).
 */
import { isColor } from '../protocol/fields';
import { MAX_NOTE_LENGTH, annotationSchema, type Annotation, type Author, type Link } from './record';
import type { TextTarget } from '../anchor/selectors';

/** z.iso.datetime()'s own pattern, taken from the schema so that both always agree. */
const DATETIME = annotationSchema.shape.created._zod.def.pattern!;

type Plain = Record<string, unknown>;

const plain = (v: unknown): v is Plain => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};
const text = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const datetime = (v: unknown): v is string => typeof v === 'string' && DATETIME.test(v);

function target(v: unknown): TextTarget | null {
  if (!plain(v)) return null;
  const { start, end, exact, prefix, suffix } = v;
  if (!count(start) || !count(end) || end <= start || !text(exact, 1, Infinity) || typeof prefix !== 'string' || typeof suffix !== 'string') return null;
  return { start, end, exact, prefix, suffix };
}

function author(v: unknown): Author | null {
  if (!plain(v)) return null;
  const { id, name, color } = v;
  return text(id, 1, 64) && text(name, 1, 80) && typeof color === 'string' && isColor(color) ? { id, name, color } : null;
}

function link(v: unknown): Link | null {
  if (!plain(v)) return null;
  const { to, rel } = v;
  if (!text(to, 1, 64) || !text(rel, 1, 32)) return null;
  if (!('article' in v)) return { to, rel };
  return v.article === undefined || text(v.article, 0, 64) ? { to, rel, article: v.article } : null;
}

/** The record as zod's annotationSchema would return it, or null: then ask zod. */
export function fastAnnotation(v: unknown): Annotation | null {
  if (!plain(v)) return null;
  const { id, kind, note, created, modified, status } = v;
  if (!text(id, 1, 64) || !text(kind, 1, 32) || !text(note, 0, MAX_NOTE_LENGTH) || !datetime(created) || !datetime(modified)) return null;
  if (status !== 'open' && status !== 'resolved') return null;
  const t = target(v.target);
  const a = author(v.author);
  if (!t || !a || !Array.isArray(v.links)) return null;
  const links: Link[] = [];
  for (const l of v.links as unknown[]) {
    const checked = link(l);
    if (!checked) return null;
    links.push(checked);
  }
  const record: Annotation = { id, kind, target: t, note, author: a, created, modified, links, status };
  if (!('detached' in v)) return record;
  return v.detached === undefined || typeof v.detached === 'boolean' ? { ...record, detached: v.detached } : null;
}
