/**
 * The "same claim?" suggestions for the claim the user has focused in the open article: the
 * sentences of this article and of the other articles in its language worded like it
 * (shared/claims/similar-passages.ts), less the places already marked as this claim and those
 * the user dismissed (kept on this computer). Accepting one writes it (same-claim-write.ts).
 */
import { useMemo, useState } from 'react';
import { claimGroups, CLAIM_KIND } from '../../../shared/claims/claim-groups';
import { similarPassages, type Suggestion } from '../../../shared/claims/similar-passages';
import type { Article } from '../../../shared/model/corpus';
import { layerDocName } from '../../../shared/model/doc-names';
import type { Author } from '../../../shared/model/record';
import type { Located } from '../../../shared/model/relations';
import { codePointIndex } from '../../../shared/text/code-points';
import type { ArticleState } from '../article-state';
import { useCorpusAnnotations } from '../corpus-annotations';
import { loadDoc } from '../doc-store';
import { useArticleTexts } from './article-texts';
import { markSameClaim } from './same-claim-write';

const DISMISSED_KEY = 'glose.sameClaim.dismissed';
const MAX_DISMISSED = 500;

const keyOf = (claim: string, s: Suggestion) => `${claim}|${s.article}|${s.start}|${s.end}`;

function loadDismissed(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

export interface SameClaimDeps {
  corpus: string;
  user: Author;
  state: ArticleState;
  articles: readonly Article[];
  focusedId: string | null;
  /** the open article's text */
  text: string;
}

export function useSameClaim(d: SameClaimDeps) {
  const focused = d.focusedId ? d.state.find(d.focusedId) : undefined;
  const claim = focused?.mine && focused.annotation.kind === CLAIM_KIND && focused.anchor !== 'orphan' ? focused : undefined;
  const language = d.articles.find((a) => a.id === d.state.article)?.language;
  const others = useMemo(() => d.articles.filter((a) => a.language === language && a.id !== d.state.article).map((a) => a.id), [d.articles, language, d.state.article]);
  const texts = useArticleTexts(d.corpus, claim ? others : []);
  const corpusMarks = useCorpusAnnotations(d.corpus, d.user.id, Boolean(claim));
  const [dismissed, setDismissed] = useState(loadDismissed);

  const suggestions = useMemo(() => {
    if (!claim || !language) return [];
    const all = new Map<string, Located>();
    for (const m of corpusMarks ?? []) all.set(m.annotation.id, m);
    for (const p of d.state.all()) all.set(p.annotation.id, { annotation: p.annotation, article: d.state.article });
    const group = claimGroups(all.values()).find((g) => g.marks.some((m) => m.annotation.id === claim.annotation.id));
    const textOf = (id: string) => (id === d.state.article ? d.text : texts.get(id));
    const exclude = [{ article: d.state.article, start: claim.start, end: claim.end }];
    for (const m of group?.marks ?? []) {
      const text = textOf(m.article);
      if (!text) continue;
      const index = codePointIndex(text);
      exclude.push({ article: m.article, start: index.toUtf16(m.annotation.target.start), end: index.toUtf16(m.annotation.target.end) });
    }
    const articles = [{ id: d.state.article, language, text: d.text }, ...others.flatMap((id) => (texts.has(id) ? [{ id, language, text: texts.get(id)! }] : []))];
    return similarPassages(claim.annotation.target.exact, language, articles, exclude).filter((s) => !dismissed.includes(keyOf(claim.annotation.id, s)));
  }, [claim, language, corpusMarks, d.state, d.text, texts, others, dismissed]);

  return {
    claim,
    suggestions,
    dismiss(s: Suggestion) {
      if (!claim) return;
      const next = [...dismissed, keyOf(claim.annotation.id, s)].slice(-MAX_DISMISSED);
      setDismissed(next);
      localStorage.setItem(DISMISSED_KEY, JSON.stringify(next));
    },
    /** Marks the passage as this claim; resolves to the function that takes it back. */
    async accept(s: Suggestion): Promise<() => void> {
      if (!claim) throw new Error('no claim focused');
      const here = s.article === d.state.article;
      const layer = here ? d.state.myLayer() : await loadDoc(layerDocName(d.corpus, s.article, d.user.id));
      const text = here ? d.text : texts.get(s.article);
      if (!layer || text === undefined) throw new Error('the article is not loaded');
      const written = markSameClaim({
        layer,
        index: here ? (d.state.getSnapshot().index ?? codePointIndex(text)) : codePointIndex(text),
        start: s.start,
        end: s.end,
        claim: here ? { id: claim.annotation.id } : { id: claim.annotation.id, article: d.state.article },
        user: d.user,
        now: new Date(),
      });
      return written.undo;
    },
  };
}
