/**
 * Watches many layer documents at once (each article × owner asked for): loads each, and calls
 * back with all of those loaded at most once per `refreshMs`, however many updates arrive, so a
 * class of 40 marking at once costs one refresh, not 40. Used by the corpus's annotations (links,
 * the map) and the teacher's dashboard.
 */
import type * as Y from 'yjs';
import { layerDocName } from '../../shared/model/doc-names';
import { watchDocs } from './watch-docs';

export interface WatchedLayer {
  article: string;
  owner: string;
  doc: Y.Doc;
}

/** Starts watching; returns the function that stops it. `onRefresh` gets every layer loaded so far. */
export function watchLayers(corpus: string, articles: readonly string[], owners: readonly string[], refreshMs: number, onRefresh: (layers: WatchedLayer[]) => void): () => void {
  const wanted = new Map(articles.flatMap((article) => owners.map((owner) => [layerDocName(corpus, article, owner), { article, owner }] as const)));
  const docs = new Map<string, WatchedLayer>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = () => {
    timer = undefined;
    onRefresh([...docs.values()]);
  };
  const stop = watchDocs([...wanted.keys()], (name, doc) => {
    if (!docs.has(name)) docs.set(name, { ...wanted.get(name)!, doc });
    timer ??= setTimeout(publish, refreshMs);
  });
  return () => {
    stop();
    clearTimeout(timer);
  };
}
