/**
 * The adjudication progress of each chosen article for the research view's list: the units of
 * its annotators' layers (shared/curation/units.ts) against the decisions in its gold layer,
 * counted as adjudicated and to do. Read from the local documents, one article at a time with a
 * breather between, like the other research tasks.
 */
import type { Article } from '../../../shared/model/corpus';
import { readDecisions } from '../../../shared/model/curation';
import { alignUnits, progress } from '../../../shared/curation/units';
import { GOLD_OWNER, layerDocName } from '../../../shared/model/doc-names';
import { readLayer } from '../../../shared/model/layer';
import { loadDoc } from '../doc-store';
import { breather } from './corpus-reader';

export type ArticleProgress = { article: Article; done: number; todo: number };

export async function* adjudicationProgress(corpus: string, articles: readonly Article[], owners: readonly string[], signal?: AbortSignal): AsyncGenerator<ArticleProgress> {
  const pause = breather();
  for (const article of articles) {
    signal?.throwIfAborted();
    const layers = [];
    for (const owner of owners.filter((o) => o !== GOLD_OWNER)) layers.push({ owner, annotations: readLayer(await loadDoc(layerDocName(corpus, article.id, owner))).annotations });
    const gold = await loadDoc(layerDocName(corpus, article.id, GOLD_OWNER));
    await pause();
    yield { article, ...progress(alignUnits(layers, readLayer(gold).annotations, readDecisions(gold))) };
  }
}
