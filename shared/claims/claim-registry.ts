/**
 * The claim registry of a corpus: each claim (claim-groups.ts: claim marks joined by "same-claim"
 * links) with every place it appears — article, paragraph, body or reader comments
 * (claim-place.ts), who is quoted as saying it there (quoted-speaker.ts) — the evidence and the
 * rebuttals linked to any of its marks ("supports" and "rebuts" links made TO a mark of the
 * claim), and the votes and replies on its marks, added up. Pure: the renderer gives it the
 * corpus's annotations, the articles' texts and the discussion, and lays the rows out.
 */
import type { Annotation } from '../model/record';
import { indexLinks } from '../model/relations';
import { codePointIndex, type CodePointIndex } from '../text/code-points';
import { claimGroups } from './claim-groups';
import { commentsStart, placeOf, type Section } from './claim-place';
import { quotedSpeaker } from './quoted-speaker';

export const EVIDENCE_REL = 'supports';
export const REBUTTAL_REL = 'rebuts';

export interface RegistryMark {
  annotation: Annotation;
  article: string;
  owner: string;
}

export interface RegistryArticle {
  id: string;
  title: string;
  language: string;
  /** the canonical text, when it has been read (without it, no paragraph, section or speaker) */
  text?: string;
}

export interface Tally {
  agree: number;
  disagree: number;
  replies: number;
}

export interface LinkedMark {
  id: string;
  article: string;
  title: string;
  /** the article's language, for the quote's lang */
  language: string;
  kind: string;
  quote: string;
  owner: string;
}

export interface Appearance extends LinkedMark {
  paragraph: number | null;
  section: Section | null;
  /** who the sentence around it quotes as saying it; null: not said */
  speaker: string | null;
}

export interface RegistryClaim extends Tally {
  /** the claim's id (claim-groups.ts: the smallest id among its marks) */
  id: string;
  /** the words of its first claim mark */
  quote: string;
  appearances: Appearance[];
  evidence: LinkedMark[];
  rebuttals: LinkedMark[];
}

type Indexed = { text: string; language: string; index: CodePointIndex; comments: number | null };

function textPlace(article: Indexed | undefined, a: Annotation): Pick<Appearance, 'paragraph' | 'section' | 'speaker'> {
  if (!article) return { paragraph: null, section: null, speaker: null };
  const { index } = article;
  const start = index.toUtf16(a.target.start);
  const end = index.toUtf16(a.target.end);
  return { ...placeOf(article.text, start, article.comments), speaker: quotedSpeaker(article.text, start, end, article.language) };
}

/** The registry's rows, in the order of claimGroups (by article and place of each claim's first mark). */
export function claimRegistry(marks: readonly RegistryMark[], articles: readonly RegistryArticle[], tally: (annotation: string) => Tally | undefined): RegistryClaim[] {
  const byArticle = new Map(articles.map((a) => [a.id, a]));
  const byId = new Map(marks.map((m) => [m.annotation.id, m]));
  const indexed = new Map<string, Indexed>();
  for (const a of articles) if (a.text) indexed.set(a.id, { text: a.text, language: a.language, index: codePointIndex(a.text), comments: commentsStart(a.text) });
  const links = indexLinks(marks);
  const linked = (m: RegistryMark): LinkedMark => ({
    id: m.annotation.id,
    article: m.article,
    title: byArticle.get(m.article)?.title ?? m.article,
    language: byArticle.get(m.article)?.language ?? 'und',
    kind: m.annotation.kind,
    quote: m.annotation.target.exact,
    owner: m.owner,
  });
  return claimGroups(marks).map(({ id, marks: group }) => {
    const members = group.map((l) => byId.get(l.annotation.id)!);
    const ids = new Set(members.map((m) => m.annotation.id));
    const towards = (rel: string) => {
      const found = new Map<string, LinkedMark>();
      for (const m of members) {
        for (const end of links.get(m.annotation.id) ?? []) {
          const from = byId.get(end.id);
          if (end.direction === 'in' && end.rel === rel && from && !ids.has(end.id)) found.set(end.id, linked(from));
        }
      }
      return [...found.values()];
    };
    const sum: Tally = { agree: 0, disagree: 0, replies: 0 };
    for (const m of members) {
      const t = tally(m.annotation.id);
      for (const key of ['agree', 'disagree', 'replies'] as const) sum[key] += t?.[key] ?? 0;
    }
    return {
      id,
      quote: members[0]!.annotation.target.exact,
      appearances: members.map((m) => ({ ...linked(m), ...textPlace(indexed.get(m.article), m.annotation) })),
      evidence: towards(EVIDENCE_REL),
      rebuttals: towards(REBUTTAL_REL),
      ...sum,
    };
  });
}
