/**
 * Watches many layer documents at once (each article × owner asked for): loads each, and calls
 * back with all of those loaded at most once per `refreshMs`, however many updates arrive, so a
 * class of 40 marking at once costs one refresh, not 40. Used by the corpus's annotations (links,
 * the map) and the teacher's dashboard.
 */
import type * as Y from 'yjs';
import { layerDocName } from '../../shared/model/doc-names';
import { loadDoc } from './doc-store';

export interface WatchedLayer {
  article: string;
  owner: string;
  doc: Y.Doc;
}

/** Starts watching; returns the function that stops it. `onRefresh` gets every layer loaded so far. */
export function watchLayers(corpus: string, articles: readonly string[], owners: readonly string[], refreshMs: number, onRefresh: (layers: WatchedLayer[]) => void): () => void {
  const docs = new Map<string, WatchedLayer>();
  let live = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = () => {
    timer = undefined;
    if (live) onRefresh([...docs.values()]);
  };
  const schedule = () => void (timer ??= setTimeout(publish, refreshMs));
  const stops: (() => void)[] = [];
  for (const article of articles) {
    for (const owner of owners) {
      const name = layerDocName(corpus, article, owner);
      void loadDoc(name).then((doc) => {
        if (!live) return;
        docs.set(name, { article, owner, doc });
        doc.on('update', schedule);
        stops.push(() => doc.off('update', schedule));
        schedule();
      });
    }
  }
  return () => {
    live = false;
    clearTimeout(timer);
    stops.forEach((stop) => stop());
  };
}
