/**
 * Every annotation of a corpus the user can see: each article's layers (the user's own and the
 * visible ones of the roster, see visibleOthers), each read through the page's one cache of layer
 * records (layer-records.ts). Used by the link picker (links across articles),
 * the links shown in the sidebar and the argument map. `useCorpusLayers` reads anything else of
 * those layers the same way (the votes on verdicts).
 * Loading waits for `enabled`, so opening an article paints it before the corpus is read.
 * Links into an older version of an article are shown to the marks' carried copies
 * (shared/versions/carried-links.ts).
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { listArticles } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import type { Annotation } from '../../shared/model/record';
import { readRoster } from '../../shared/model/roster';
import { followCarriedLinks } from '../../shared/versions/carried-links';
import { visibleOthers } from './article-opener';
import { watchLayers, type WatchedLayer } from './layer-docs';
import { layerRecords } from './layer-records';
import { currentRole } from './sync';
import { useDoc, useDocValue } from './use-doc';

export interface CorpusAnnotation {
  annotation: Annotation;
  article: string;
  owner: string;
  mine: boolean;
}

const REFRESH_MS = 60;

export function useCorpusAnnotations(corpus: string, me: string, enabled = true): CorpusAnnotation[] | undefined {
  return useCorpusLayers(corpus, me, enabled, (layers, corpusDoc) => {
    const list: CorpusAnnotation[] = [];
    const roster = readRoster(corpusDoc);
    for (const { article, owner, doc } of layers) {
      for (const annotation of layerRecords(doc, owner, roster)) list.push({ annotation, article, owner, mine: owner === me });
    }
    return followCarriedLinks(list, listArticles(corpusDoc));
  });
}

/** `read` over every layer of the corpus the user can see, read again as they change (at most every REFRESH_MS). */
export function useCorpusLayers<T>(corpus: string, me: string, enabled: boolean, read: (layers: WatchedLayer[], corpusDoc: Y.Doc) => T): T | undefined {
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const key = useDocValue(corpusDoc, (d) => `${listArticles(d).map((a) => a.id).join(',')}|${visibleOthers(d, me, currentRole()).join(',')}`, [me]);
  const [state, setState] = useState<{ key: string; value: T }>();
  const latestRead = useRef(read);
  latestRead.current = read;

  useEffect(() => {
    if (!enabled || key === undefined || !corpusDoc) return;
    const [articlePart = '', rosterPart = ''] = key.split('|');
    const articles = articlePart ? articlePart.split(',') : [];
    const owners = [me, ...(rosterPart ? rosterPart.split(',') : [])];
    return watchLayers(corpus, articles, owners, REFRESH_MS, (layers) => setState({ key, value: latestRead.current(layers, corpusDoc) }));
  }, [enabled, key, corpusDoc, corpus, me]);

  return state && state.key === key ? state.value : undefined;
}
