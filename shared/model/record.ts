/**
 * The annotation record: one entry of a layer document's `annotations` map. Records arrive
 * from other peers, so every read goes through this schema: a malformed record is skipped
 * and reported, never a crash.
 */
import { z } from 'zod';
import { colorSchema } from '../protocol/fields';
import { textTargetSchema } from '../anchor/selectors';

export const MAX_NOTE_LENGTH = 20_000;

export const authorSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(80),
  color: colorSchema,
});

export const linkSchema = z.object({
  /** Id of the annotation this one points at. */
  to: z.string().min(1).max(64),
  /** Relation type key from the tagset (rebuts, supports, same-claim…). */
  rel: z.string().min(1).max(32),
  /** Article of the target when it is in another article of the corpus. */
  article: z.string().max(64).optional(),
});

export const annotationSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.string().min(1).max(32),
  target: textTargetSchema,
  note: z.string().max(MAX_NOTE_LENGTH),
  author: authorSchema,
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  links: z.array(linkSchema),
  status: z.enum(['open', 'resolved']),
  /** Set when the author detached a moved anchor: the record is an orphan until anchored again. */
  detached: z.boolean().optional(),
});

export type Author = z.infer<typeof authorSchema>;
export type Link = z.infer<typeof linkSchema>;
export type Annotation = z.infer<typeof annotationSchema>;

/** A fresh random id; `random` is injected so tests are reproducible. */
export function newId(random: () => number = Math.random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < 16; i++) id += alphabet[Math.floor(random() * alphabet.length)];
  return id;
}
