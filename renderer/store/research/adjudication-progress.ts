/**
 * The adjudication progress of each chosen article for the research view's list: the units of
 * its annotators' layers (shared/curation/units.ts) against the decisions in its gold layer,
 * counted as adjudicated and to do. Read from the local documents, which stay watched: an
 * article's count is read again when one of its layers changes (a mark synced from the class,
 * a decision), so the list is never a stale first reading.
 */
import type * as Y from 'yjs';
import type { Article } from '../../../shared/model/corpus';
import { readDecisions } from '../../../shared/model/curation';
import { alignUnits, progress } from '../../../shared/curation/units';
import { GOLD_OWNER, layerDocName } from '../../../shared/model/doc-names';
import { readLayer } from '../../../shared/model/layer';
import { loadDoc } from '../doc-store';

export type ArticleProgress = { article: Article; done: number; todo: number };

/** Calls `onChange` with every article's progress, now and after each change; returns the function that stops watching. */
export function watchAdjudicationProgress(corpus: string, articles: readonly Article[], owners: readonly string[], onChange: (rows: ArticleProgress[]) => void): () => void {
  let live = true;
  const stops: (() => void)[] = [];
  const rows = new Map<string, ArticleProgress>();
  const publish = () => live && onChange(articles.flatMap((a) => rows.get(a.id) ?? []));
  void Promise.all(
    articles.map(async (article) => {
      const layers = await Promise.all(owners.filter((o) => o !== GOLD_OWNER).map(async (owner) => ({ owner, doc: await loadDoc(layerDocName(corpus, article.id, owner)) })));
      const gold = await loadDoc(layerDocName(corpus, article.id, GOLD_OWNER));
      const read = () => {
        const spans = layers.map(({ owner, doc }) => ({ owner, annotations: readLayer(doc).annotations }));
        rows.set(article.id, { article, ...progress(alignUnits(spans, readLayer(gold).annotations, readDecisions(gold))) });
      };
      read();
      const onUpdate = () => (read(), publish());
      for (const doc of [gold, ...layers.map((l) => l.doc)] as Y.Doc[]) {
        doc.on('update', onUpdate);
        stops.push(() => doc.off('update', onUpdate));
      }
    }),
  ).then(publish);
  return () => {
    live = false;
    stops.forEach((stop) => stop());
  };
}
