/**
 * What the app's bundle import puts back besides the records (issues 12 and 15): each writer's
 * replies, votes and statuses into their layer documents, the class's votes on verdicts into the
 * voter's layer of the article holding the mark, the teacher's verdicts, class-vote setting and
 * rubric into the corpus document (shared/formats/bundle-docs.ts: what the corpus already decided
 * stays), the private feedback into each student's feedback document, and a web page's provenance
 * and saved page for an article of the same text that has none. Also turns a problem with one of these parts into
 * a message in the user's language.
 */
import type { TFunction } from 'i18next';
import { setVerdictVote } from '../../../shared/claims/verdict';
import { feedbackGatherer, writeCorpusDecisions, writeDiscussion, writeFeedback } from '../../../shared/formats/bundle-docs';
import type { BundleProblem } from '../../../shared/formats/bundle-parts';
import type { ArticleSnapshot, CorpusInfo } from '../../../shared/formats/types';
import { listArticles } from '../../../shared/model/corpus';
import { corpusDocName, feedbackDocName, layerDocName, sourceDocName } from '../../../shared/model/doc-names';
import { readPageSource, restorePageSource } from '../../../shared/model/page-source';
import { loadDoc } from '../doc-store';

export async function restoreBundleParts(corpus: string, info: CorpusInfo, articles: readonly ArticleSnapshot[]): Promise<void> {
  const corpusDoc = await loadDoc(corpusDocName(corpus));
  writeCorpusDecisions(corpusDoc, info);
  const articleOf = new Map(articles.flatMap((e) => e.layers.flatMap((l) => l.annotations.map((a) => [a.id, e.article.id] as const))));
  for (const { owner, ...vote } of info.verdicts?.votes ?? []) {
    const article = articleOf.get(vote.about);
    if (article) setVerdictVote(await loadDoc(layerDocName(corpus, article, owner)), vote, []);
  }
  const feedback = feedbackGatherer(info);
  for (const entry of articles) {
    feedback.add(entry);
    for (const layer of entry.layers) writeDiscussion(await loadDoc(layerDocName(corpus, entry.article.id, layer.owner)), layer);
    const held = listArticles(corpusDoc).find((a) => a.id === entry.article.id);
    if (entry.source && held?.hash === entry.article.hash && !readPageSource(corpusDoc, entry.article.id)) {
      restorePageSource(corpusDoc, await loadDoc(sourceDocName(corpus, entry.article.id)), entry.article.id, entry.source.provenance, entry.source.html);
    }
  }
  for (const [student, entries] of feedback.byStudent) writeFeedback(await loadDoc(feedbackDocName(corpus, student)), entries);
}

/** A bundle part's problem, said in the user's language. */
export function bundleProblemText(t: TFunction, name: string, problem: BundleProblem): string {
  return t(`bundles.problem.${problem.code}`, { name, file: problem.file, detail: problem.detail ?? '' });
}
