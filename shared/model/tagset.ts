/**
 * Tagsets: the kinds of annotation a corpus uses (name in English and French, colour,
 * underline style, keyboard shortcut, description) and the relation types between them.
 * The default palette is Okabe–Ito, safe for the common colour-vision deficiencies, and every
 * kind also has its own underline style so colour is never the only signal.
 */
import { z } from 'zod';
import { colorSchema } from '../protocol/fields';

export const underlineStyles = ['solid', 'wavy', 'double', 'dotted', 'dashed'] as const;

const localized = z.object({ en: z.string().min(1).max(80), fr: z.string().min(1).max(80) });

export const kindSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  name: localized,
  description: z.object({ en: z.string().max(400), fr: z.string().max(400) }),
  color: colorSchema,
  underline: z.enum(underlineStyles),
  shortcut: z.string().regex(/^[0-9a-z]$/),
});

export const relationTypeSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  name: localized,
});

export const tagsetSchema = z.object({
  kinds: z.array(kindSchema).min(1),
  relations: z.array(relationTypeSchema),
});

export type Kind = z.infer<typeof kindSchema>;
export type RelationType = z.infer<typeof relationTypeSchema>;
export type Tagset = z.infer<typeof tagsetSchema>;

export const DEFAULT_TAGSET: Tagset = {
  kinds: [
    {
      key: 'claim',
      name: { en: 'Claim', fr: 'Affirmation' },
      description: { en: 'A statement presented as true.', fr: 'Un énoncé présenté comme vrai.' },
      color: '#0072B2',
      underline: 'solid',
      shortcut: '1',
    },
    {
      key: 'disputed',
      name: { en: 'Disputed', fr: 'Contesté' },
      description: { en: 'A statement whose truth is in question.', fr: 'Un énoncé dont la véracité est mise en doute.' },
      color: '#E69F00',
      underline: 'wavy',
      shortcut: '2',
    },
    {
      key: 'rebuttal',
      name: { en: 'Rebuttal', fr: 'Réfutation' },
      description: { en: 'A statement that answers or refutes a claim.', fr: 'Un énoncé qui répond à une affirmation ou la réfute.' },
      color: '#D55E00',
      underline: 'double',
      shortcut: '3',
    },
    {
      key: 'evidence',
      name: { en: 'Evidence', fr: 'Preuve' },
      description: { en: 'A fact, figure or source offered in support.', fr: 'Un fait, un chiffre ou une source donnés à l’appui.' },
      color: '#009E73',
      underline: 'dotted',
      shortcut: '4',
    },
    {
      key: 'question',
      name: { en: 'Question', fr: 'Question' },
      description: { en: 'Something to check or discuss.', fr: 'Un point à vérifier ou à discuter.' },
      color: '#CC79A7',
      underline: 'dashed',
      shortcut: '5',
    },
  ],
  relations: [
    { key: 'rebuts', name: { en: 'rebuts', fr: 'réfute' } },
    { key: 'supports', name: { en: 'supports', fr: 'soutient' } },
    { key: 'same-claim', name: { en: 'same claim as', fr: 'même affirmation que' } },
  ],
};

export function kindOf(tagset: Tagset, key: string): Kind | undefined {
  return tagset.kinds.find((k) => k.key === key);
}
